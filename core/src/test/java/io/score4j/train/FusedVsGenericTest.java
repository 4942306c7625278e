package io.score4j.train;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.Parallelism;
import io.score4j.autodiff.Var;
import io.score4j.fused.FusedMlp;
import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpForward;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.objective.ExactScoreMatching;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused one-hidden-layer kernels against the generic autodiff path on the same parameters:
 * the fused float32 loss and gradient against the generic path in float64 (the reference), and the
 * fused score against the autodiff forward pass and the plain {@link MlpForward}.
 *
 * <p>Tolerance: float32 rounding in sums over H = 256 hidden units and B = 300 examples, plus the
 * activation polynomials' stated relative error (≤ 1e-6), gives relative errors around 1e-5; we
 * require 1e-4 of each leaf's largest gradient entry (the bound) and 1e-4 relative on the loss.
 */
class FusedVsGenericTest {
    @ParameterizedTest
    @CsvSource({"1, SOFTPLUS, NORMAL", "3, SOFTPLUS, SCALED", "2, TANH, SCALED", "2, SILU, SCALED", "1, TANH, NORMAL"})
    void fusedLossAndGradientMatchGenericFloat64(int d, Activation act, Init init) {
        MlpSpec spec = MlpSpec.scoreNet(d, act, 256);
        Params p32 = MlpInit.init(spec, init, Key.of(d), DType.F32);
        Params p64 = p32.map(t -> t.astype(DType.F64));
        int b = 300;
        float[] x = Draw.normal(Key.of(17), b * d);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 2f;
        }
        LossAndGrad fused = FusedMlp.of(spec, p32).lossAndGradient(x, b, Parallelism.of(2));
        LossAndGrad generic = new ExactScoreMatching().lossAndGrad(spec, p64, Tensor.of(x, b, d).astype(DType.F64));
        assertEquals(generic.loss(), fused.loss(), 1e-4 * Math.max(1, Math.abs(generic.loss())), "loss");
        for (String name : p32.names()) {
            double[] g = generic.grad().get(name).toDoubleArray();
            double[] f = fused.grad().get(name).toDoubleArray();
            double scale = 0;
            for (double v : g) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < g.length; i++) {
                assertEquals(g[i], f[i], 1e-4 * Math.max(scale, 1e-3), name + "[" + i + "]");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, SOFTPLUS", "2, TANH", "3, SILU", "2, RELU"})
    void fusedScoreMatchesAutodiffForwardAndPlainForward(int d, Activation act) {
        MlpSpec spec = MlpSpec.scoreNet(d, act, 128);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(3), DType.F32);
        int n = 257;
        float[] x = Draw.normal(Key.of(4), n * d);
        float[] fused = new float[n * d];
        FusedMlp.of(spec, p).score(x, 0, n, d, fused);
        float[] plain = new float[n * d];
        MlpForward.of(spec, p).apply(x, 0, n, plain);
        Params p64 = p.map(t -> t.astype(DType.F64));
        double[] ref = MlpModel.apply(spec, MlpModel.lift(p64), Var.leaf(Tensor.of(x, n, d).astype(DType.F64)))
                .value().toDoubleArray();
        for (int i = 0; i < ref.length; i++) {
            double tol = 1e-4 * Math.max(1, Math.abs(ref[i]));
            assertEquals(ref[i], fused[i], tol, "fused score " + i);
            assertEquals(ref[i], plain[i], tol, "plain forward " + i);
        }
    }
}
