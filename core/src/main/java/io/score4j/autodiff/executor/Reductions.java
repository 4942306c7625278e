package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
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
    static Tensor sumAll(Node x, Parallelism parallelism) {
        return sumAll(Precision.of(x.dtype()), x, parallelism);
    }

    private static <A> Tensor sumAll(Precision<A> p, Node x, Parallelism parallelism) {
        A out = p.alloc(1);
        longRows(p, x, 1, x.size(), out, parallelism);
        return p.wrap(out);
    }

    /** Σ of {@code x} over {@code axis}, which is removed ({@code outShape}). */
    static Tensor sumAxis(Node x, int axis, int[] outShape, Parallelism parallelism) {
        return sumAxis(Precision.of(x.dtype()), x, axis, outShape, parallelism);
    }

    private static <A> Tensor sumAxis(Precision<A> p, Node x, int axis, int[] outShape, Parallelism parallelism) {
        int[] s = x.shape();
        int len = s[axis];
        int outer = Tensor.sizeOf(Arrays.copyOfRange(s, 0, axis));
        int inner = Tensor.sizeOf(Arrays.copyOfRange(s, axis + 1, s.length));
        A out = p.alloc(outer * inner);
        if (inner == 1) {
            longRows(p, x, outer, len, out, parallelism);
        } else {
            A a = p.data(x.value(parallelism));
            for (int o = 0; o < outer; o++) {
                p.addRows(a, o * len * inner, len, inner, out, o * inner);
            }
        }
        return p.wrap(out, outShape);
    }

    /** out[r] = Σ of row r of x ([rows, len] flat): segments summed by lanes in parallel, then in order. */
    private static <A> void longRows(Precision<A> p, Node x, int rows, int len, A out, Parallelism parallelism) {
        int segs = Math.max(1, (len + SEGMENT - 1) / SEGMENT);
        int tasks = rows * segs;
        int workers = parallelism.workers(tasks);
        Fusion.Reader<A> r = new Fusion.Reader<>(p, x, Math.min(Fusion.CHUNK, Math.max(1, len)), workers, parallelism);
        A partial = p.alloc(tasks);
        parallelism.run(tasks, (t, w) -> {
            int row = t / segs;
            int seg = t - row * segs;
            int from = seg * SEGMENT;
            Lanes.range(p, r, w, row * len + from, Math.min(SEGMENT, len - from), partial, seg * rows + row);
        });
        Accumulate.combine(p, partial, segs, rows, 1, true, out, parallelism);
    }
}
