package io.score4j.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.autodiff.Var;
import io.score4j.data.Standardizer;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.Sde;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The likelihood of a hand-built time-conditioned network: its divergence, units and determinism. */
class NetworkLikelihoodTest {
    private static final int D = 3;
    private static final TimeEmbedding EMBEDDING = new TimeEmbedding(4);

    static ScoreNetwork network(Sde sde) {
        MlpSpec spec = new MlpSpec(new int[] {D + EMBEDDING.size(), 16, 16, D}, Activation.SILU);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(7), DType.F32);
        return ScoreNetwork.of(spec, p, Conditioning.time(sde, EMBEDDING));
    }

    /** net([x, e(t)]) / σ(t) in float64 on the generic engine, for finite differences. */
    private static double[] score64(ScoreNetwork net, Sde sde, double[] x, double t) {
        double[] in = new double[D + EMBEDDING.size()];
        System.arraycopy(x, 0, in, 0, D);
        float[] e = new float[EMBEDDING.size()];
        EMBEDDING.embed(t, e, 0);
        for (int q = 0; q < e.length; q++) {
            in[D + q] = e[q];
        }
        Map<String, Var> params = MlpModel.lift(net.params().map(v -> v.astype(DType.F64)));
        double[] out = MlpModel.apply(net.spec(), params, Var.leaf(Tensor.wrap(in, 1, in.length))).value().toDoubleArray();
        for (int j = 0; j < D; j++) {
            out[j] /= sde.marginalStd(t);
        }
        return out;
    }

    @Test
    void exactDivergenceIsTheTraceOfTheJacobianByFiniteDifferences() {
        Sde sde = new Sde.Vp(0.1, 20);
        ScoreNetwork net = network(sde);
        double[] x = {0.4, -1.1, 0.7, 1.5, 0.2, -0.3};
        double[] t = {0.05, 0.6};
        double[] got = new double[2];
        NetworkDivergence.generic(net, Trace.exact()).divergence(2, new int[] {0, 1}, t, x, D, got);
        for (int i = 0; i < 2; i++) {
            double tr = 0;
            double h = 1e-6;
            for (int j = 0; j < D; j++) {
                double[] up = Arrays.copyOfRange(x, i * D, (i + 1) * D);
                double[] dn = up.clone();
                up[j] += h;
                dn[j] -= h;
                tr += (score64(net, sde, up, t[i])[j] - score64(net, sde, dn, t[i])[j]) / (2 * h);
            }
            assertEquals(tr, got[i], 1e-6 * Math.max(1, Math.abs(tr)), "row " + i);
        }
        double[] hutch = new double[2];
        new NetworkDivergence(net, Trace.hutchinson(Trace.Probe.GAUSSIAN, 1024, 4)).divergence(2, new int[] {0, 1}, t,
                x, D, hutch);
        for (int i = 0; i < 2; i++) {
            // vᵀJv with Gaussian v has variance 2‖(J+Jᵀ)/2‖_F²; over 1024 probes the mean is within a few
            // percent of the trace for this small, O(1)-entried Jacobian: checked loosely, at 0.25·max(1, |tr|).
            assertEquals(got[i], hutch[i], 0.25 * Math.max(1, Math.abs(got[i])), "row " + i);
        }
    }

    @Test
    void scalingAColumnBy10ShiftsEveryLogpByMinusLn10() {
        Sde sde = new Sde.Vp(0.1, 20);
        ScoreNetwork net = network(sde);
        Standardizer st = new Standardizer(new double[] {0.5, -1, 2}, new double[] {1.5, 0.8, 3});
        Standardizer scaled = new Standardizer(new double[] {0.5, -10, 2}, new double[] {1.5, 8, 3});
        double[] x = Draw.normalDouble(Key.of(3), 20 * D);
        double[] x10 = x.clone();
        for (int i = 0; i < 20; i++) {
            x10[i * D + 1] *= 10;
        }
        double[] a = Likelihood.network(net, st, Trace.exact(), x, 0, LikelihoodSettings.defaults(),
                Parallelism.available()).logp();
        double[] b = Likelihood.network(net, scaled, Trace.exact(), x10, 0, LikelihoodSettings.defaults(),
                Parallelism.available()).logp();
        for (int i = 0; i < 20; i++) {
            assertTrue(Double.isFinite(a[i]), "row " + i);
            assertEquals(-Math.log(10), b[i] - a[i], 1e-4, "row " + i);
        }
    }

    @Test
    void rowsDoNotDependOnThreadsOrSlices() {
        Sde sde = new Sde.SubVp(0.1, 20);
        ScoreNetwork net = network(sde);
        Standardizer st = Standardizer.identity(D);
        double[] x = Draw.normalDouble(Key.of(5), 40 * D);
        Trace trace = Trace.hutchinson(Trace.Probe.RADEMACHER, 2, 1);
        LikelihoodResult whole = Likelihood.network(net, st, trace, x, 0, LikelihoodSettings.defaults(),
                Parallelism.single());
        LikelihoodResult threaded = Likelihood.network(net, st, trace, x, 0, LikelihoodSettings.defaults(),
                Parallelism.of(3));
        assertArrayEquals(whole.logp(), threaded.logp());
        int a = 7;
        int b = 31;
        LikelihoodResult part = Likelihood.network(net, st, trace, Arrays.copyOfRange(x, a * D, b * D), a,
                LikelihoodSettings.defaults(), Parallelism.single());
        assertArrayEquals(Arrays.copyOfRange(whole.logp(), a, b), part.logp());
    }

    @Test
    void aNetworkThatIsNotTimeConditionedIsRefused() {
        MlpSpec spec = MlpSpec.scoreNet(D, Activation.SILU, 8);
        ScoreNetwork plain = ScoreNetwork.of(spec, MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F32),
                Conditioning.none());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Likelihood.network(plain,
                Standardizer.identity(D), Trace.exact(), new double[D], 0, LikelihoodSettings.defaults(),
                Parallelism.single()));
        assertTrue(e.getMessage().contains("time-conditioned"), e.getMessage());
    }
}
