package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.model.Kernel;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.Sde;
import io.score4j.objective.TimeWeighting;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * dsm's fused deep kernel against its generic autodiff objective in double precision (same draws), and its
 * bits against the thread count. Tolerances as DeepMlpTest's: the fused path rounds inputs, products and sums
 * to float (u = 6e-8) over widths ≤ 64 and a 300-row batch, so 1e-5 of the loss and 2e-4 of each leaf's
 * largest gradient entry leave a margin over the worst case while any wrong index or term is of order 1.
 */
class DsmFusedVsGenericTest {
    private static final Sde[] SDES = {new Sde.Vp(0.1, 20), new Sde.SubVp(0.1, 20), new Sde.Ve(0.01, 4)};

    private static ObjectiveOptions options(Sde sde, TimeWeighting w, int e) {
        return ObjectiveOptions.defaults().withSde(sde, w, 1e-5, new TimeEmbedding(e));
    }

    private static double relErr(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num = Math.max(num, Math.abs(a[i] - b[i]));
            den = Math.max(den, Math.abs(b[i]));
        }
        return num / den;
    }

    @Test
    void fusedLossAndGradientsMatchTheGenericObjective() {
        int d = 2;
        int n = 300;
        float[] x = Draw.normal(Key.of(5), n * d);
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        for (Sde sde : SDES) {
            for (TimeWeighting w : TimeWeighting.values()) {
                for (Activation act : new Activation[] {Activation.SILU, Activation.SOFTPLUS}) {
                    ObjectiveOptions o = options(sde, w, 8);
                    MlpSpec spec = ObjectiveKind.DSM.spec(d, o, act, 32, 64);
                    assertEquals(Kernel.FUSED_DEEP, Kernel.training(spec, false));
                    Params p = MlpInit.init(spec, Init.SCALED, Key.of(11), DType.F32);
                    Key key = Key.of(9);
                    LossAndGrad want = ObjectiveKind.DSM.objective(o)
                            .lossAndGrad(spec, p.map(t -> t.astype(DType.F64)), Tensor.wrap(xd, n, d), key);
                    LossAndGrad got = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(2)).lossAndGrad(p, x, n, key);
                    String what = sde + " " + w + " " + act;
                    assertEquals(want.loss(), got.loss(), 1e-5 * Math.abs(want.loss()), what + " loss");
                    assertEquals(want.grad().names(), got.grad().names(), what);
                    for (String name : want.grad().names()) {
                        Tensor g = got.grad().get(name);
                        assertEquals(DType.F32, g.dtype());
                        double e = relErr(g.toDoubleArray(), want.grad().get(name).toDoubleArray());
                        assertTrue(e < 2e-4, what + " " + name + " rel err " + e);
                    }
                }
            }
        }
    }

    @Test
    void bitsDoNotDependOnTheThreadCount() {
        int d = 3;
        int n = 333;
        float[] x = Draw.normal(Key.of(6), n * d);
        ObjectiveOptions o = options(SDES[0], TimeWeighting.LIKELIHOOD, 16);
        MlpSpec spec = ObjectiveKind.DSM.spec(d, o, Activation.SILU, 40, 24);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(21), DType.F32);
        LossAndGrad ref = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.single()).lossAndGrad(p, x, n, Key.of(4));
        for (int threads : new int[] {2, 3}) {
            LossAndGrad g = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(threads)).lossAndGrad(p, x, n, Key.of(4));
            assertEquals(Double.doubleToRawLongBits(ref.loss()), Double.doubleToRawLongBits(g.loss()));
            assertTrue(ref.grad().bitEquals(g.grad()), "threads=" + threads);
        }
        assertArrayEquals(new int[] {d + 16, 40, 24, d}, spec.sizes());
    }

    /**
     * A table's gaps masked out of the loss ({@link TableTraining#maskedBy}): coordinates 0 and 1 are a gap's value
     * coordinates, masked by the indicator 2 (+1 in about a third of the rows). The fused kernel matches the generic
     * masked objective (same tolerances); where no row has a gap the masked loss is the plain one bit for bit; and
     * an output unit masked in every row gets no gradient in the last layer, while the plain loss gives it one.
     */
    @Test
    void maskedGapsMatchGenericAndLeaveMaskedUnitsWithoutGradient() {
        int d = 4;
        int n = 300;
        float[] x = Draw.normal(Key.of(7), n * d);
        for (int r = 0; r < n; r++) {
            x[r * d + 2] = x[r * d + 2] > 0.4f ? 1f : -1f;
        }
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        int[] maskedBy = {2, 2, -1, -1};
        ObjectiveOptions o = options(SDES[0], TimeWeighting.SIGMA2, 8);
        MlpSpec spec = ObjectiveKind.DSM.spec(d, o, Activation.SILU, 32, 64);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(12), DType.F32);
        Key key = Key.of(3);
        LossAndGrad want = ((io.score4j.objective.SdeScoreMatching) ObjectiveKind.DSM.objective(o)).masked(maskedBy)
                .lossAndGrad(spec, p.map(t -> t.astype(DType.F64)), Tensor.wrap(xd, n, d), key);
        LossAndGrad got = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(2), maskedBy).lossAndGrad(p, x, n, key);
        LossAndGrad plain = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(2)).lossAndGrad(p, x, n, key);
        assertEquals(want.loss(), got.loss(), 1e-5 * Math.abs(want.loss()), "masked loss");
        assertTrue(got.loss() < plain.loss(), "masked terms left out: " + got.loss() + " vs " + plain.loss());
        for (String name : want.grad().names()) {
            double e = relErr(got.grad().get(name).toDoubleArray(), want.grad().get(name).toDoubleArray());
            assertTrue(e < 2e-4, name + " rel err " + e);
        }
        float[] noGaps = x.clone();
        for (int r = 0; r < n; r++) {
            noGaps[r * d + 2] = -1f;
        }
        LossAndGrad none = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(2), maskedBy).lossAndGrad(p, noGaps, n, key);
        LossAndGrad nonePlain = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(2)).lossAndGrad(p, noGaps, n, key);
        assertEquals(Double.doubleToRawLongBits(nonePlain.loss()), Double.doubleToRawLongBits(none.loss()));
        assertTrue(nonePlain.grad().bitEquals(none.grad()), "no gap: the plain loss");
        float[] allGaps = x.clone();
        for (int r = 0; r < n; r++) {
            allGaps[r * d + 2] = 1f;
        }
        int last = spec.sizes().length - 2;
        double[] w = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(2), maskedBy).lossAndGrad(p, allGaps, n, key)
                .grad().get(io.score4j.nn.MlpSpec.weightName(last)).toDoubleArray();
        double[] wPlain = ObjectiveKind.DSM.loss(spec, d, o, Parallelism.of(2)).lossAndGrad(p, allGaps, n, key)
                .grad().get(io.score4j.nn.MlpSpec.weightName(last)).toDoubleArray();
        double plainMax = 0;
        for (int i = 0; i < w.length; i++) {
            if (i % d < 2) {
                assertEquals(0.0, w[i], 0.0, "masked output unit " + (i % d) + " of the last layer");
                plainMax = Math.max(plainMax, Math.abs(wPlain[i]));
            }
        }
        assertTrue(plainMax > 0, "the plain loss trains those units");
        assertThrows(IllegalArgumentException.class,
                () -> ObjectiveKind.DENOISING.loss(ObjectiveKind.DENOISING.spec(d, o, Activation.SILU, 8), d, o,
                        Parallelism.single(), maskedBy));
    }
}
