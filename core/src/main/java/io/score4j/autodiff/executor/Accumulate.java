package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * Row-accumulation kernels of the segmented sums in {@link Reductions} and {@link RowConsumers}:
 * per output element, rows are added one at a time in order (F32 through
 * {@link MathProvider#accumulateRows}, F64 by the same order in double), and segment partials are
 * then added in segment order. Reached through {@link Precision}.
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
    static void outerF32(float[] a, int ao, float[] b, int bo, int rows, int m, int n, boolean byRow,
                         float[] p, int po) {
        if (byRow) {
            for (int i = 0; i < m; i++) {
                MATH.accumulateRows(b, bo, rows, n, a, ao + i, m, p, po + i * n);
            }
        } else {
            for (int j = 0; j < n; j++) {
                MATH.accumulateRows(a, ao, rows, m, b, bo + j, n, p, po + j * m);
            }
        }
    }

    /** The double version of {@link #outerF32}, by fused multiply-adds row by row in order. */
    static void outerF64(double[] a, int ao, double[] b, int bo, int rows, int m, int n, boolean byRow,
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
    static void addRows(double[] m, int off, int rows, int n, double[] acc, int accOff) {
        for (int r = 0; r < rows; r++) {
            int mr = off + r * n;
            for (int j = 0; j < n; j++) {
                acc[accOff + j] += m[mr + j];
            }
        }
    }

    /** The float version of {@link #addRows(double[], int, int, int, double[], int)}. */
    static void addRows(float[] m, int off, int rows, int n, float[] acc, int accOff) {
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
     * split over {@code parallelism}'s threads by element (each element's order is fixed, so the
     * bits are too).
     */
    static <A> void combine(Precision<A> p, A partial, int segments, int m, int n, boolean byRow, A out,
                            Parallelism parallelism) {
        int mn = m * n;
        int tasks = (mn + COMBINE_TASK - 1) / COMBINE_TASK;
        Parallelism use = (long) mn * segments >= COMBINE_PARALLEL_MIN ? parallelism : Parallelism.single();
        use.run(tasks, (t, w) -> p.combine(partial, segments, m, n, byRow, out, t * COMBINE_TASK,
                Math.min(mn, (t + 1) * COMBINE_TASK)));
    }

    /** Output elements [from, to) of {@link #combine}, F32; modifies out. */
    static void combineF32(float[] p, int segments, int m, int n, boolean byRow, float[] out, int from, int to) {
        int mn = m * n;
        for (int e = from; e < to; e++) {
            int at = byRow ? e : (e % n) * m + e / n;
            float s = p[at];
            for (int g = 1; g < segments; g++) {
                s += p[g * mn + at];
            }
            out[e] = s;
        }
    }

    /** Output elements [from, to) of {@link #combine}, F64; modifies out. */
    static void combineF64(double[] p, int segments, int m, int n, boolean byRow, double[] out, int from, int to) {
        int mn = m * n;
        for (int e = from; e < to; e++) {
            int at = byRow ? e : (e % n) * m + e / n;
            double s = p[at];
            for (int g = 1; g < segments; g++) {
                s += p[g * mn + at];
            }
            out[e] = s;
        }
    }
}
