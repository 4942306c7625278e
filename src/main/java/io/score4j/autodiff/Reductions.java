package io.score4j.autodiff;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * Sums (SUM_AXIS, SUM_ALL, and the aᵀ·b of weight gradients), reading deferred inputs chunk by
 * chunk through {@link Fusion.Reader}. The summation order is fixed by the shapes alone:
 * <ul>
 *   <li>along a contiguous run (a row, or everything): eight interleaved partial sums (element i
 *       of the run goes to lane i mod 8), combined as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)); runs
 *       longer than {@link #SEGMENT} are cut into segments whose sums are added in order;</li>
 *   <li>down columns (axis 0) and for aᵀ·b: rows added one at a time in order within fixed
 *       segments of consecutive rows, then the segments' partial results added in order.</li>
 * </ul>
 * Segments are the parallel tasks, so results are bit-identical for every thread count.
 */
final class Reductions {
    /** Elements per segment of a long sum. */
    static final int SEGMENT = 1 << 16;
    /** Most elements of partial results one segmented sum may hold. */
    static final int PARTIAL_CAP = 1 << 22;
    private static final int LANES = Lanes.COUNT;
    private static final MathProvider MATH = VectorMath.provider();

    private Reductions() {}

    /** How rows are grouped: rows per read, rows per segment, and the number of segments. */
    private record Split(int chunkRows, int segRows, int segments) {
        static Split of(int rows, int width, int outSize) {
            int chunkRows = Math.max(1, Fusion.CHUNK / width);
            long minRows = ((long) rows * outSize + PARTIAL_CAP - 1) / PARTIAL_CAP;
            long seg = Math.max(Math.max(1, SEGMENT / width), minRows);
            int segRows = (int) Math.min(Integer.MAX_VALUE / 2, (seg + chunkRows - 1) / chunkRows * chunkRows);
            return new Split(chunkRows, segRows, Math.max(1, (rows + segRows - 1) / segRows));
        }
    }

    /** Σ of every element of {@code x}, shape []. */
    static Tensor sumAll(Var x) {
        Object out = alloc(x.dtype(), 1);
        rowSums(x, 1, Tensor.sizeOf(x.shape()), out);
        return wrap(out, new int[0]);
    }

    /** Σ of {@code x} over {@code axis}, which is removed ({@code outShape}). */
    static Tensor sumAxis(Var x, int axis, int[] outShape) {
        int[] s = x.shape();
        int len = s[axis];
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s[d];
        }
        int inner = Tensor.sizeOf(outShape) / Math.max(1, outer);
        Object out = alloc(x.dtype(), outer * inner);
        if (inner == 1) {
            rowSums(x, outer, len, out);
        } else if (outer == 1) {
            columnSums(x, len, inner, out);
        } else {
            Tensor v = x.value();
            middleSums(v.dtype() == DType.F64 ? v.data64() : v.data32(), outer, len, inner, out);
        }
        return wrap(out, outShape);
    }

    /** out[i,j] = Σ_p a[p,i]·b[p,j] for a [k,m], b [k,n]; overwrites out ([m,n], zeros on entry). */
    static void productSums(Var a, Var b, int k, int m, int n, Object out) {
        int mn = m * n;
        Split sp = Split.of(k, Math.max(m, n), mn);
        int workers = Parallel.workers(sp.segments());
        Fusion.Reader ra = new Fusion.Reader(a, sp.chunkRows() * m, workers);
        Fusion.Reader rb = new Fusion.Reader(b, sp.chunkRows() * n, workers);
        boolean byRow = n >= m;
        Object partial = alloc(a.dtype(), sp.segments() * mn);
        Parallel.run(sp.segments(), (s, w) -> {
            int end = Math.min(k, (s + 1) * sp.segRows());
            for (int p = s * sp.segRows(); p < end; p += sp.chunkRows()) {
                int rows = Math.min(sp.chunkRows(), end - p);
                Object da = ra.read(w, p * m, rows * m);
                Object db = rb.read(w, p * n, rows * n);
                Accumulate.outer(da, ra.offset(p * m), db, rb.offset(p * n), rows, m, n, byRow, partial, s * mn);
            }
        });
        Accumulate.combine(partial, sp.segments(), m, n, byRow, out);
    }

    private static void columnSums(Var x, int rowsTotal, int width, Object out) {
        Split sp = Split.of(rowsTotal, width, width);
        Fusion.Reader r = new Fusion.Reader(x, sp.chunkRows() * width, Parallel.workers(sp.segments()));
        Object partial = alloc(x.dtype(), sp.segments() * width);
        Parallel.run(sp.segments(), (s, w) -> {
            int end = Math.min(rowsTotal, (s + 1) * sp.segRows());
            for (int p = s * sp.segRows(); p < end; p += sp.chunkRows()) {
                int rows = Math.min(sp.chunkRows(), end - p);
                Object d = r.read(w, p * width, rows * width);
                int off = r.offset(p * width);
                if (d instanceof double[] dd) {
                    Accumulate.sumRows(dd, off, rows, width, (double[]) partial, s * width);
                } else {
                    MATH.sumRows((float[]) d, off, rows, width, (float[]) partial, s * width);
                }
            }
        });
        Accumulate.combine(partial, sp.segments(), 1, width, true, out);
    }

    /** out[r] = Σ of row r ([rows, len]) by interleaved lanes; rows longer than a segment are split. */
    private static void rowSums(Var x, int rows, int len, Object out) {
        int segsPerRow = Math.max(1, (len + SEGMENT - 1) / SEGMENT);
        int chunkRows = Math.max(1, Fusion.CHUNK / Math.max(1, len));
        int taskRows = segsPerRow > 1 ? 1 : chunkRows * Math.max(1, SEGMENT / (chunkRows * Math.max(1, len)));
        int tasks = segsPerRow > 1 ? rows * segsPerRow : (rows + taskRows - 1) / taskRows;
        Fusion.Reader r = new Fusion.Reader(x, Math.min(Fusion.CHUNK, Math.max(1, len)) * chunkRows,
                Parallel.workers(tasks));
        DType dt = x.dtype();
        if (segsPerRow == 1) {
            Parallel.run(tasks, (t, w) -> {
                Object lanes = alloc(dt, LANES);
                int end = Math.min(rows, (t + 1) * taskRows);
                for (int i = t * taskRows; i < end; i += chunkRows) {
                    Lanes.rows(r, w, i, Math.min(chunkRows, end - i), len, lanes, out);
                }
            });
            return;
        }
        Object partial = alloc(dt, tasks);
        Parallel.run(tasks, (t, w) -> {
            int row = t / segsPerRow;
            int seg = t - row * segsPerRow;
            int from = seg * SEGMENT;
            Lanes.range(r, w, row * len + from, Math.min(SEGMENT, len - from), alloc(dt, LANES),
                    partial, seg * rows + row);
        });
        Accumulate.combine(partial, segsPerRow, rows, 1, true, out);
    }

    /** out[o, j] = Σ_l a[o, l, j] in order l; out starts at zero. */
    private static void middleSums(Object a, int outer, int len, int inner, Object out) {
        for (int o = 0; o < outer; o++) {
            if (a instanceof double[] d) {
                Accumulate.sumRows(d, o * len * inner, len, inner, (double[]) out, o * inner);
            } else {
                float[] f = (float[]) a;
                float[] acc = (float[]) out;
                for (int l = 0; l < len; l++) {
                    int base = (o * len + l) * inner;
                    for (int j = 0; j < inner; j++) {
                        acc[o * inner + j] += f[base + j];
                    }
                }
            }
        }
    }

    static Object alloc(DType dt, int n) {
        return dt == DType.F64 ? new double[n] : new float[n];
    }

    static Tensor wrap(Object data, int[] shape) {
        return data instanceof double[] d ? Tensor.wrap(d, shape) : Tensor.wrap((float[]) data, shape);
    }
}
