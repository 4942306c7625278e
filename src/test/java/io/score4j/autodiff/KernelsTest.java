package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

final class KernelsTest {

    @Test
    void matmulMatchesTheTextbookLoopForEveryInnerShape() {
        int[][] shapes = {{3, 4, 5}, {7, 3, 1}, {1, 6, 2}, {33, 40, 35}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = Draw.normalDouble(Key.of(m), m * k);
            double[] b = Draw.normalDouble(Key.of(n + 100), k * n);
            double[] out = new double[m * n];
            Kernels.matmul(a, b, out, m, k, n);
            float[] out32 = new float[m * n];
            Kernels.matmul(toFloat(a), toFloat(b), out32, m, k, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double ref = 0;
                    for (int p = 0; p < k; p++) {
                        ref += a[i * k + p] * b[p * n + j];
                    }
                    assertEquals(ref, out[i * n + j], 1e-12);
                    assertEquals(ref, out32[i * n + j], 1e-4);
                }
            }
        }
    }

    @Test
    void transposedOperandsMatchExplicitTransposes() {
        int m = 5;
        int k = 7;
        int n = 3;
        double[] a = Draw.normalDouble(Key.of(1), m * k);
        double[] b = Draw.normalDouble(Key.of(2), k * n);
        double[] at = new double[m * k];
        double[] bt = new double[k * n];
        Kernels.transpose(a, at, m, k);
        Kernels.transpose(b, bt, k, n);
        double[] ref = new double[m * n];
        Kernels.matmul(a, b, ref, m, k, n);
        boolean[] flags = {false, true};
        for (boolean ta : flags) {
            for (boolean tb : flags) {
                double[] out = new double[m * n];
                Kernels.gemm(ta ? at : a, ta, tb ? bt : b, tb, out, m, k, n);
                assertArrayEquals(ref, out, 1e-13, "ta=" + ta + " tb=" + tb);
            }
        }
    }

    @Test
    void transposeAcrossTileBoundaries() {
        int m = 37;
        int n = 70;
        double[] a = Draw.normalDouble(Key.of(9), m * n);
        double[] t = new double[m * n];
        Kernels.transpose(a, t, m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(a[i * n + j], t[j * m + i], 0.0);
            }
        }
    }

    @Test
    void broadcastAlongAMiddleAxis() {
        double[] a = {1, 2, 3, 4};
        double[] out = new double[12];
        Kernels.broadcast(a, new int[] {2, 1, 2}, out, new int[] {2, 3, 2});
        assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, out, 0.0);
    }

    @Test
    void softplusAndTanhAreAccurateToAFewUlps() {
        for (int i = -4000; i <= 4000; i++) {
            double x = i * 0.01 + 1e-3;
            double sp = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            assertEquals(sp, Elementwise.softplus(x), 4 * Math.ulp(sp));
            double th = Math.tanh(x);
            assertEquals(th, Elementwise.tanh(x), 2e-15 * Math.abs(th) + Double.MIN_VALUE);
        }
        assertEquals(1e-9, Elementwise.tanh(1e-9), 0.0);
        assertEquals(Math.exp(-50), Elementwise.softplus(-50), 4 * Math.ulp(Math.exp(-50)));
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
