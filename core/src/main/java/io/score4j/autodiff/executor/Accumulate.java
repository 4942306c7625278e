package io.score4j.autodiff.executor;

import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * Row-accumulation kernels of the segmented sums in {@link Reductions}: per output element, rows
 * are added one at a time in order (F32 through {@link MathProvider#accumulateRows} /
 * {@link MathProvider#sumRows}, F64 by the same order in double), and segment partials are then
 * added in segment order.
 */
final class Accumulate {
    private static final MathProvider MATH = VectorMath.provider();
    private static final int COMBINE_TASK = 1 << 12;
    private static final long COMBINE_PARALLEL_MIN = 1 << 16;

    private Accumulate() {}

    /**
     * partial[po …] += Σ_r a[ao + r·m + i]·b[bo + r·n + j] over r &lt; rows, stored at i·n + j when
     * {@code byRow}, else at j·m + i (so the longer of m, n is the contiguous one). Modifies partial.
     */
    static void outer(Object a, int ao, Object b, int bo, int rows, int m, int n, boolean byRow,
                      Object partial, int po) {
        if (partial instanceof double[] p) {
            outerF64((double[]) a, ao, (double[]) b, bo, rows, m, n, byRow, p, po);
            return;
        }
        float[] fa = (float[]) a;
        float[] fb = (float[]) b;
        float[] p = (float[]) partial;
        if (byRow) {
            for (int i = 0; i < m; i++) {
                MATH.accumulateRows(fb, bo, rows, n, fa, ao + i, m, p, po + i * n);
            }
        } else {
            for (int j = 0; j < n; j++) {
                MATH.accumulateRows(fa, ao, rows, m, fb, bo + j, n, p, po + j * m);
            }
        }
    }

    private static void outerF64(double[] a, int ao, double[] b, int bo, int rows, int m, int n, boolean byRow,
                                 double[] p, int po) {
        for (int r = 0; r < rows; r++) {
            int ar = ao + r * m;
            int br = bo + r * n;
            if (byRow) {
                for (int i = 0; i < m; i++) {
                    double w = a[ar + i];
                    int pi = po + i * n;
                    for (int j = 0; j < n; j++) {
                        p[pi + j] = Math.fma(w, b[br + j], p[pi + j]);
                    }
                }
            } else {
                for (int j = 0; j < n; j++) {
                    double w = b[br + j];
                    int pj = po + j * m;
                    for (int i = 0; i < m; i++) {
                        p[pj + i] = Math.fma(a[ar + i], w, p[pj + i]);
                    }
                }
            }
        }
    }

    /** acc[accOff + j] += Σ_r m[off + r·n + j], rows in order; modifies acc. */
    static void sumRows(double[] m, int off, int rows, int n, double[] acc, int accOff) {
        for (int r = 0; r < rows; r++) {
            int mr = off + r * n;
            for (int j = 0; j < n; j++) {
                acc[accOff + j] += m[mr + j];
            }
        }
    }

    /**
     * out[i·n + j] = Σ_s partial_s(i, j) in order s, where block s starts at s·m·n and holds
     * element (i, j) at i·n + j ({@code byRow}) or j·m + i. Overwrites out; large outputs are
     * split over threads by element (each element's order is fixed, so the bits are too).
     */
    static void combine(Object partial, int segments, int m, int n, boolean byRow, Object out) {
        int mn = m * n;
        int tasks = (mn + COMBINE_TASK - 1) / COMBINE_TASK;
        int workers = (long) mn * segments >= COMBINE_PARALLEL_MIN ? Parallel.workers(tasks) : 1;
        Parallel.run(tasks, workers, (t, w) -> {
            int end = Math.min(mn, (t + 1) * COMBINE_TASK);
            for (int e = t * COMBINE_TASK; e < end; e++) {
                int at = byRow ? e : (e % n) * m + e / n;
                if (out instanceof double[] o) {
                    double[] p = (double[]) partial;
                    double s = p[at];
                    for (int g = 1; g < segments; g++) {
                        s += p[g * mn + at];
                    }
                    o[e] = s;
                } else {
                    float[] p = (float[]) partial;
                    float s = p[at];
                    for (int g = 1; g < segments; g++) {
                        s += p[g * mn + at];
                    }
                    ((float[]) out)[e] = s;
                }
            }
        });
    }
}
