package io.score4j.tensor.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The vector provider against the scalar one: elementwise kernels bit for bit, reductions within rounding. */
class ProviderAgreementTest {
    private static final int N = 1000;
    private static final int FROM = 3;
    private static final int TO = 998;

    private static MathProvider vector() {
        assumeTrue(VectorMath.vector().isPresent(), "jdk.incubator.vector not in the boot layer");
        return VectorMath.vector().get();
    }

    private static float[] input(long seed, double scale) {
        float[] x = Draw.normal(Key.of(seed), N);
        for (int i = 0; i < N; i++) {
            x[i] *= (float) scale;
        }
        return x;
    }

    private static float[] nan(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    private static void assertOnlyRangeWritten(float[] out) {
        for (int i = 0; i < N; i++) {
            assertEquals(i < FROM || i >= TO, Float.isNaN(out[i]), "index " + i);
        }
    }

    @Test
    void providerChoiceFollowsModuleAndProperty() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean wanted = module && !"false".equals(System.getProperty(VectorMath.PROPERTY));
        assertEquals(wanted, VectorMath.vectorEnabled());
        assertEquals(module, VectorMath.vector().isPresent());
        assertEquals(wanted ? VectorMath.vector().get() : VectorMath.scalar(), VectorMath.provider());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationKernelsAreBitIdentical(Activation f) {
        MathProvider v = vector();
        MathProvider s = VectorMath.scalar();
        float[] x = input(1, 6.0);
        float[][] vs = {nan(N), nan(N), nan(N)};
        float[][] ss = {nan(N), nan(N), nan(N)};
        v.applyWithDerivatives(f, x, vs[0], vs[1], vs[2], FROM, TO);
        s.applyWithDerivatives(f, x, ss[0], ss[1], ss[2], FROM, TO);
        for (int k = 0; k < 3; k++) {
            assertOnlyRangeWritten(vs[k]);
            assertArrayEquals(ss[k], vs[k], f + " output " + k);
        }
        float[] va = nan(N);
        float[] sa = nan(N);
        v.apply(f, x, va, FROM, TO);
        s.apply(f, x, sa, FROM, TO);
        assertOnlyRangeWritten(va);
        assertArrayEquals(sa, va);
    }

    @Test
    void expSigmoidAndInPlaceKernelsAreBitIdentical() {
        MathProvider v = vector();
        MathProvider s = VectorMath.scalar();
        float[] x = input(2, 40.0);
        float[] a = nan(N);
        float[] b = nan(N);
        v.exp(x, a, FROM, TO);
        s.exp(x, b, FROM, TO);
        assertOnlyRangeWritten(a);
        assertArrayEquals(b, a);
        v.sigmoid(x, a, FROM, TO);
        s.sigmoid(x, b, FROM, TO);
        assertArrayEquals(b, a);
        float[] sp = nan(N);
        float[] sg = nan(N);
        v.softplusAndSigmoid(x, sp, sg, FROM, TO);
        s.softplus(x, b, FROM, TO);
        assertArrayEquals(b, sp);
        s.sigmoid(x, b, FROM, TO);
        assertArrayEquals(b, sg);
        float[] inPlace = x.clone();
        v.softplus(inPlace, inPlace, FROM, TO);
        s.softplus(x, b, FROM, TO);
        assertArrayEquals(Arrays.copyOfRange(b, FROM, TO), Arrays.copyOfRange(inPlace, FROM, TO));
    }

    @Test
    void rowKernelsAreBitIdentical() {
        MathProvider v = vector();
        MathProvider s = VectorMath.scalar();
        int rows = 5;
        int in = 3;
        int n = 77;
        float[] x = input(3, 1.0);
        float[] w = input(4, 1.0);
        float[] bias = input(5, 1.0);
        float[] o1 = new float[rows * n + 2];
        float[] o2 = new float[rows * n + 2];
        v.affineRows(x, 2, rows, in, w, bias, o1, 2, n);
        s.affineRows(x, 2, rows, in, w, bias, o2, 2, n);
        assertArrayEquals(o2, o1);
        v.affineRows(x, 2, rows, in, w, null, o1, 1, n);
        s.affineRows(x, 2, rows, in, w, null, o2, 1, n);
        assertArrayEquals(o2, o1);
        float[] acc1 = input(6, 1.0);
        float[] acc2 = acc1.clone();
        v.accumulateRows(w, 1, rows, n, x, 7, 3, acc1, 5);
        s.accumulateRows(w, 1, rows, n, x, 7, 3, acc2, 5);
        assertArrayEquals(acc2, acc1);
        v.sumRows(w, 4, rows, n, acc1, 9);
        s.sumRows(w, 4, rows, n, acc2, 9);
        assertArrayEquals(acc2, acc1);
        v.productSum(x, w, bias, acc1, o1, 1, rows, n);
        s.productSum(x, w, bias, acc1, o2, 1, rows, n);
        assertArrayEquals(o2, o1);
    }

    @Test
    void ridgeBackwardIsBitIdenticalAndMatchesTheRowKernels() {
        MathProvider v = vector();
        MathProvider s = VectorMath.scalar();
        int rows = 6;
        int n = 77;
        float[] x = input(11, 1.0);
        float[] g = input(12, 1.0);
        float[] w2 = input(13, 1.0);
        float[] c = input(14, 1.0);
        float[] a = input(15, 1.0);
        float[] d1 = input(16, 1.0);
        float[] d2 = input(17, 1.0);
        float[] acc1 = input(18, 1.0);
        float[] acc2 = acc1.clone();
        v.ridgeBackward(x, 2, g, 5, rows, w2, c, n, a, d1, d2, acc1, 1, 100, 200, 300);
        s.ridgeBackward(x, 2, g, 5, rows, w2, c, n, a, d1, d2, acc2, 1, 100, 200, 300);
        assertArrayEquals(acc2, acc1);
        float[] acc3 = input(18, 1.0);
        float[] u = new float[rows * n];
        s.affineRows(g, 5, rows, 1, w2, null, u, 0, n);
        s.productSum(d1, u, d2, c, u, 0, rows, n);
        s.accumulateRows(u, 0, rows, n, x, 2, 1, acc3, 1);
        s.sumRows(u, 0, rows, n, acc3, 100);
        s.accumulateRows(a, 0, rows, n, g, 5, 1, acc3, 200);
        s.sumRows(d1, 0, rows, n, acc3, 300);
        for (int i = 0; i < acc3.length; i++) {
            assertEquals(acc3[i], acc1[i], 1e-6f * Math.max(1f, Math.abs(acc3[i])), "index " + i);
        }
    }

    @Test
    void reductionsAgreeWithinRounding() {
        MathProvider v = vector();
        MathProvider s = VectorMath.scalar();
        float[] a = input(7, 1.0);
        float[] b = input(8, 1.0);
        for (int n : new int[] {0, 1, 15, 64, 997}) {
            double exact = 0;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                exact += (double) a[1 + i] * b[2 + i];
                abs += Math.abs((double) a[1 + i] * b[2 + i]);
            }
            double tol = 2 * n * Math.ulp(1f) * abs + Float.MIN_VALUE;
            assertEquals(exact, v.dot(a, 1, b, 2, n), tol, "vector n=" + n);
            assertEquals(exact, s.dot(a, 1, b, 2, n), tol, "scalar n=" + n);
        }
        float[] out = new float[6];
        v.rowDots(a, 0, 2, b, 0, 3, 100, out, 0);
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(v.dot(a, r * 100, b, j * 100, 100), out[r * 3 + j]);
            }
        }
    }

    @Test
    void namesSaySo() {
        assertEquals("scalar", VectorMath.scalar().name());
        VectorMath.vector().ifPresent(p -> assertTrue(p.name().startsWith("vector(")));
    }
}
