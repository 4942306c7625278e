package io.score4j.autodiff.executor;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The sums no {@link RowConsumer} takes: the total (SUM_ALL), rows longer than
 * {@link RowConsumers#MAX_WIDTH}, very wide columns, and a middle axis. Orders, fixed by shapes:
 * <ul>
 *   <li>total and long rows: runs of {@link #SEGMENT} elements summed by {@link Lanes}, segment
 *       sums added in order;</li>
 *   <li>wide columns and middle axes: rows added one at a time in order.</li>
 * </ul>
 */
public final class Reductions {
    /** Elements per segment of a long sum. */
    public static final int SEGMENT = 1 << 16;

    private Reductions() {}

    /** Σ of every element of {@code x}, shape []. */
    static Tensor sumAll(Node x) {
        Object out = RowConsumers.alloc(x.dtype(), 1);
        longRows(x, 1, x.size(), out);
        return RowConsumers.wrap(out);
    }

    /** Σ of {@code x} over {@code axis}, which is removed ({@code outShape}). */
    static Tensor sumAxis(Node x, int axis, int[] outShape) {
        int[] s = x.shape();
        int len = s[axis];
        int outer = Tensor.sizeOf(Arrays.copyOfRange(s, 0, axis));
        int inner = Tensor.sizeOf(Arrays.copyOfRange(s, axis + 1, s.length));
        Object out = RowConsumers.alloc(x.dtype(), outer * inner);
        if (inner == 1) {
            longRows(x, outer, len, out);
        } else {
            Tensor v = x.value();
            Object a = v.dtype() == DType.F64 ? v.data64() : v.data32();
            for (int o = 0; o < outer; o++) {
                if (a instanceof double[] d) {
                    Accumulate.sumRows(d, o * len * inner, len, inner, (double[]) out, o * inner);
                } else {
                    sumRows((float[]) a, o * len * inner, len, inner, (float[]) out, o * inner);
                }
            }
        }
        return RowConsumers.wrap(out, outShape);
    }

    /** out[r] = Σ of row r of x ([rows, len] flat): segments summed by lanes in parallel, then in order. */
    private static void longRows(Node x, int rows, int len, Object out) {
        int segs = Math.max(1, (len + SEGMENT - 1) / SEGMENT);
        int tasks = rows * segs;
        int workers = Parallel.workers(tasks);
        Fusion.Reader r = new Fusion.Reader(x, Math.min(Fusion.CHUNK, Math.max(1, len)), workers);
        Object partial = RowConsumers.alloc(x.dtype(), tasks);
        Parallel.run(tasks, workers, (t, w) -> {
            int row = t / segs;
            int seg = t - row * segs;
            int from = seg * SEGMENT;
            Lanes.range(r, w, row * len + from, Math.min(SEGMENT, len - from), partial, seg * rows + row);
        });
        Accumulate.combine(partial, segs, rows, 1, true, out);
    }

    /** acc[accOff + j] += Σ_r m[off + r·n + j], rows in order; modifies acc. */
    private static void sumRows(float[] m, int off, int rows, int n, float[] acc, int accOff) {
        for (int r = 0; r < rows; r++) {
            int mr = off + r * n;
            for (int j = 0; j < n; j++) {
                acc[accOff + j] += m[mr + j];
            }
        }
    }
}
