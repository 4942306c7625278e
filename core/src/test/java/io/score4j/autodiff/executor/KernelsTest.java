package io.score4j.autodiff.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The package-private kernels against plain reference loops, on ranges that start and end mid-row. */
/** The package-private executor kernels against plain reference loops, on ranges that start and end mid-row. */
final class KernelsTest {

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
    void broadcastRangesMatchIndexArithmetic() {
        int[][][] cases = {
            {{2, 1, 3}, {2, 4, 3}}, {{5, 1}, {5, 7}}, {{7}, {3, 7}}, {{}, {4, 5}}, {{3, 1, 1}, {3, 2, 4}}};
        for (int[][] c : cases) {
            int[] in = c[0];
            int[] out = c[1];
            double[] src = Draw.normalDouble(Key.of(in.length), Tensor.sizeOf(in));
            double[] ref = referenceBroadcast(src, in, out);
            Kernels.Broadcast b = new Kernels.Broadcast(in, out);
            for (int from = 0; from < ref.length; from += 3) {
                for (int len = 1; from + len <= ref.length; len += 5) {
                    double[] got = new double[len];
                    Kernels.broadcastRange(Precision.F64.INSTANCE, src, b, got, 0, from, len);
                    for (int i = 0; i < len; i++) {
                        assertEquals(ref[from + i], got[i], 0.0);
                    }
                }
            }
        }
    }

    @Test
    void smallInnerProductsMatchTheTextbookLoopOnAnyRange() {
        int m = 9;
        int n = 11;
        for (int k = 1; k <= 3; k++) {
            double[] a = Draw.normalDouble(Key.of(k), m * k);
            double[] b = Draw.normalDouble(Key.of(k + 10), k * n);
            float[] af = toFloat(a);
            float[] bf = toFloat(b);
            for (int from = 0; from < m * n; from += 7) {
                int len = Math.min(20, m * n - from);
                double[] got = new double[len];
                float[] got32 = new float[len];
                Precision.F64.INSTANCE.product(a, b, k, n, got, from, len, new double[n]);
                Precision.F32.INSTANCE.product(af, bf, k, n, got32, from, len, new float[n]);
                for (int e = 0; e < len; e++) {
                    int i = (from + e) / n;
                    int j = (from + e) % n;
                    double ref = 0;
                    double abs = 0;
                    for (int p = 0; p < k; p++) {
                        ref += a[i * k + p] * b[p * n + j];
                        abs += Math.abs(a[i * k + p] * b[p * n + j]);
                    }
                    assertEquals(ref, got[e], 1e-15 * abs);
                    // float: both inputs rounded (u each), k roundings of at most u: (k + 2)·u·Σ|a||b|,
                    // plus one u for second-order terms
                    assertEquals(ref, got32[e], (k + 3) * 0x1p-24 * abs + 1e-30);
                }
            }
        }
    }

    private static double[] referenceBroadcast(double[] src, int[] in, int[] out) {
        int[] padded = Shapes.padLeft(in, out.length);
        double[] r = new double[Tensor.sizeOf(out)];
        int[] idx = new int[out.length];
        for (int e = 0; e < r.length; e++) {
            int rem = e;
            for (int d = out.length - 1; d >= 0; d--) {
                idx[d] = rem % out[d];
                rem /= out[d];
            }
            int s = 0;
            for (int d = 0; d < out.length; d++) {
                s = s * padded[d] + (padded[d] == 1 ? 0 : idx[d]);
            }
            r[e] = src[s];
        }
        return r;
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
