package io.score4j.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.model.Conditioning;
import io.score4j.model.Kernel;
import io.score4j.model.ScoreNetwork;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.noise.Sde;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused forward-mode trace ({@link ScoreNetwork#timeConditionalWithTrace}) against the generic float64
 * autodiff path ({@link NetworkDivergence#generic}) and the fused score against {@link ScoreNetwork#timeConditional}.
 * Tolerance: float rounding of sums of about H terms per layer, relative to the sum of the magnitudes that
 * enter the trace, bounded by 1e-4 of max(1, |tr|) (float ε ≈ 6e-8 times √H·L ≈ 1e-6 with a wide margin).
 */
class FusedTraceTest {
    @ParameterizedTest
    @CsvSource({"2, 128:128, SILU, 16", "3, 16:16, SILU, 4", "2, 33:20:17, TANH, 8", "16, 64:64, SOFTPLUS, 16",
            "5, 40:24, RELU, 2", "1, 8:8:8:8, SILU, 2"})
    void fusedTraceAgreesWithTheGenericPath(int d, String hidden, Activation act, int embedding) {
        Sde sde = new Sde.Vp(0.1, 20);
        TimeEmbedding emb = new TimeEmbedding(embedding);
        String[] hs = hidden.split(":");
        int[] sizes = new int[hs.length + 2];
        sizes[0] = d + emb.size();
        for (int i = 0; i < hs.length; i++) {
            sizes[i + 1] = Integer.parseInt(hs[i]);
        }
        sizes[sizes.length - 1] = d;
        MlpSpec spec = new MlpSpec(sizes, act);
        ScoreNetwork net = ScoreNetwork.of(spec, MlpInit.init(spec, Init.SCALED, Key.of(11), DType.F32),
                Conditioning.time(sde, emb));
        assertEquals(Kernel.FUSED_DEEP, net.kernel());
        assertTrue(net.fusedTrace());
        int rows = 150;
        Key key = Key.of(3);
        double[] x = new double[rows * d];
        float[] xf = new float[rows * d];
        double[] t = new double[rows];
        int[] ids = new int[rows];
        for (int i = 0; i < rows * d; i++) {
            xf[i] = (float) (1.5 * Draw.normalAt(key, i));
            x[i] = xf[i];
        }
        for (int i = 0; i < rows; i++) {
            t[i] = i < 70 ? 0.3 : 1e-5 + (1 - 1e-5) * (i % 41) / 40.0;
            ids[i] = 1000 + i;
        }
        for (Trace trace : new Trace[] {Trace.exact(), Trace.hutchinson(Trace.Probe.RADEMACHER, 3, 9)}) {
            double[] want = new double[rows];
            NetworkDivergence.generic(net, trace).divergence(rows, ids, t, x, d, want);
            double[] got = new double[rows];
            float[] s = new float[rows * d];
            new NetworkDivergence(net, trace).scoreAndDivergence(rows, ids, t, xf, x, d, s, got);
            double[] viaDivergence = new double[rows];
            new NetworkDivergence(net, trace).divergence(rows, ids, t, x, d, viaDivergence);
            float[] ref = new float[rows * d];
            net.timeConditional().score(xf, t, 0, rows, d, ref);
            for (int i = 0; i < rows; i++) {
                double tol = 1e-4 * Math.max(1, Math.abs(want[i]));
                assertEquals(want[i], got[i], tol, trace.describe() + " row " + i);
                assertEquals(got[i], viaDivergence[i], 0, "divergence() and scoreAndDivergence() agree, row " + i);
                for (int j = 0; j < d; j++) {
                    float r = ref[i * d + j];
                    assertEquals(r, s[i * d + j], 1e-5f * Math.max(1f, Math.abs(r)), "score row " + i + " col " + j);
                }
            }
        }
    }
}
