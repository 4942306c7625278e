package io.score4j.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.simd.VectorMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FusedMlpTest {
    private static float[] data(long seed, int n, int d, double scale) {
        float[] x = Draw.normal(Key.of(seed), n * d);
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) scale;
        }
        return x;
    }

    private static Params params(MlpSpec spec, long seed) {
        return MlpInit.init(spec, Init.NORMAL, Key.of(seed), DType.F32);
    }

    /** max |a − b| / max |b| over the index range. */
    private static double relErr(double[] a, double[] b, int from, int to) {
        double num = 0;
        double den = 0;
        for (int i = from; i < to; i++) {
            num = Math.max(num, Math.abs(a[i] - b[i]));
            den = Math.max(den, Math.abs(b[i]));
        }
        return num / den;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void lossAndGradientMatchDoubleReference(Activation act) {
        for (int d : new int[] {1, 3}) {
            int h = 37;
            MlpSpec spec = MlpSpec.scoreNet(d, act, h);
            Params p = params(spec, 11 + d);
            float[] x = data(5 + d, 300, d, 1.5);
            ReferenceMlp ref = new ReferenceMlp(d, h, act);
            double[] t = ReferenceMlp.flatten(p);
            Gradients g = Gradients.zeros(spec);
            double loss = FusedMlp.of(spec, p).lossAndGradient(x, 300, g, Parallelism.of(2));
            double refLoss = ref.loss(t, x, 300);
            assertEquals(refLoss, loss, 1e-5 * Math.abs(refLoss), act + " d=" + d);
            double[] got = ReferenceMlp.flatten(g);
            double[] want = ref.gradient(t, x, 300);
            int[] cuts = {0, d * h, d * h + h, 2 * d * h + h, 2 * d * h + h + d};
            for (int c = 0; c + 1 < cuts.length; c++) {
                double e = relErr(got, want, cuts[c], cuts[c + 1]);
                assertTrue(e < 1e-4, act + " d=" + d + " tensor " + c + " rel err " + e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void referenceGradientMatchesCentralDifferences(Activation act) {
        int d = 2;
        int h = 9;
        MlpSpec spec = MlpSpec.scoreNet(d, act, h);
        double[] t = ReferenceMlp.flatten(params(spec, 3));
        float[] x = data(4, 7, d, 1.0);
        ReferenceMlp ref = new ReferenceMlp(d, h, act);
        double[] g = ref.gradient(t, x, 7);
        double eps = 1e-6;
        for (int q = 0; q < t.length; q++) {
            double[] tp = t.clone();
            double[] tm = t.clone();
            tp[q] += eps;
            tm[q] -= eps;
            double fd = (ref.loss(tp, x, 7) - ref.loss(tm, x, 7)) / (2 * eps);
            assertEquals(fd, g[q], 1e-6 * Math.max(1, Math.abs(fd)), act + " parameter " + q);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SOFTPLUS", "TANH", "SILU"})
    void fusedGradientMatchesCentralDifferenceAlongRandomDirection(Activation act) {
        int d = 2;
        int h = 64;
        MlpSpec spec = MlpSpec.scoreNet(d, act, h);
        Params p = params(spec, 8);
        double[] t = ReferenceMlp.flatten(p);
        float[] x = data(9, 200, d, 1.0);
        Gradients g = Gradients.zeros(spec);
        FusedMlp.of(spec, p).lossAndGradient(x, 200, g, Parallelism.single());
        double[] v = Draw.normalDouble(Key.of(10), t.length);
        double eps = 1e-5;
        double[] tp = t.clone();
        double[] tm = t.clone();
        for (int q = 0; q < t.length; q++) {
            tp[q] += eps * v[q];
            tm[q] -= eps * v[q];
        }
        ReferenceMlp ref = new ReferenceMlp(d, h, act);
        double fd = (ref.loss(tp, x, 200) - ref.loss(tm, x, 200)) / (2 * eps);
        double[] gf = ReferenceMlp.flatten(g);
        double dir = 0;
        double scale = 0;
        for (int q = 0; q < t.length; q++) {
            dir += gf[q] * v[q];
            scale += Math.abs(gf[q] * v[q]);
        }
        assertEquals(fd, dir, 1e-4 * scale, act.id());
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        MlpSpec spec = MlpSpec.scoreNet(1, Activation.SOFTPLUS, 256);
        Params p = params(spec, 21);
        float[] x = data(22, 1000, 1, 2.0);
        FusedMlp net = FusedMlp.of(spec, p);
        Gradients g1 = Gradients.zeros(spec);
        double l1 = net.lossAndGradient(x, 1000, g1, Parallelism.single());
        for (int threads : new int[] {2, 3, 8}) {
            Gradients g = Gradients.zeros(spec);
            double l = net.lossAndGradient(x, 1000, g, Parallelism.of(threads));
            assertEquals(Double.doubleToRawLongBits(l1), Double.doubleToRawLongBits(l), "threads " + threads);
            assertTrue(g1.toParams().bitEquals(g.toParams()), "threads " + threads);
        }
        float[] s1 = new float[1000];
        float[] s2 = new float[1000];
        net.score(x, 1000, s1, Parallelism.single());
        net.score(x, 1000, s2, Parallelism.of(2));
        assertArrayEquals(s1, s2);
    }

    @Test
    void scalarAndVectorProvidersAgree() {
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 200);
        Params p = params(spec, 31);
        float[] x = data(32, 260, 2, 1.0);
        Gradients gs = Gradients.zeros(spec);
        Gradients gv = Gradients.zeros(spec);
        double ls = FusedMlp.of(spec, p, VectorMath.scalar()).lossAndGradient(x, 260, gs, Parallelism.single());
        double lv = FusedMlp.of(spec, p, VectorMath.vector().orElse(VectorMath.scalar()))
                .lossAndGradient(x, 260, gv, Parallelism.single());
        assertEquals(ls, lv, 1e-5 * Math.abs(ls));
        double e = relErr(ReferenceMlp.flatten(gv), ReferenceMlp.flatten(gs), 0, ReferenceMlp.flatten(gs).length);
        assertTrue(e < 1e-5, "rel err " + e);
    }

    @Test
    void scoreMatchesReferenceAndWritesOnlyItsRows() {
        int d = 3;
        MlpSpec spec = MlpSpec.scoreNet(d, Activation.TANH, 50);
        Params p = params(spec, 41);
        float[] x = data(42, 40, d, 1.0);
        float[] out = new float[40 * d];
        java.util.Arrays.fill(out, Float.NaN);
        FusedMlp.of(spec, p).score(x, 5, 30, d, out);
        ReferenceMlp ref = new ReferenceMlp(d, 50, Activation.TANH);
        double[] t = ReferenceMlp.flatten(p);
        for (int i = 0; i < 40; i++) {
            double[] s = ref.score(t, x, i);
            for (int j = 0; j < d; j++) {
                float v = out[i * d + j];
                if (i < 5 || i >= 35) {
                    assertTrue(Float.isNaN(v), "row " + i + " touched");
                } else {
                    assertEquals(s[j], v, 1e-5 * Math.max(1, Math.abs(s[j])), "row " + i);
                }
            }
        }
    }

    @Test
    void rejectsWhatItCannotHandle() {
        MlpSpec deep = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 8, 8);
        assertFalse(FusedMlp.supports(deep));
        assertThrows(IllegalArgumentException.class, () -> FusedMlp.of(deep, params(deep, 1)));
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 8);
        assertTrue(FusedMlp.supports(spec));
        Params f64 = MlpInit.init(spec, Init.NORMAL, Key.of(1), DType.F64);
        assertThrows(IllegalArgumentException.class, () -> FusedMlp.of(spec, f64));
        FusedMlp net = FusedMlp.of(spec, params(spec, 1));
        assertThrows(IllegalArgumentException.class, () -> net.score(new float[10], 0, 5, 1, new float[10]));
        assertThrows(IllegalArgumentException.class, () -> net.score(new float[10], 3, 5, new float[10]));
        assertThrows(IllegalArgumentException.class,
                () -> net.lossAndGradient(new float[10], 5, Gradients.zeros(MlpSpec.scoreNet(2, Activation.SOFTPLUS, 9)),
                        Parallelism.single()));
        assertThrows(IllegalArgumentException.class, () -> Parallelism.of(0));
    }
}
