package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One pass over the rows of a group of {@link RowConsumer}s with the same row count: their
 * deferred row inputs are compiled into one {@link Plan}, evaluated chunk by chunk, and every
 * consumer takes its rows from the same chunk. So the weight gradient aᵀ·g, the bias gradient
 * Σ g and the input-weight gradient xᵀ·g of a layer cost one evaluation of g, not three.
 *
 * <p>Rows are cut into blocks of the group's segment size (fixed by shapes); blocks are the
 * parallel tasks. Consumers' results depend only on their own segment size, never on the group,
 * the chunking or the thread count.
 *
 * @param <A> the buffer type of the group's {@link Precision}
 */
final class RowPass<A> {
    /** Below this many elements read per pass, a pass runs in the calling thread. */
    static final long PARALLEL_MIN = 1 << 15;

    private final List<RowConsumer<A>> group;
    private final int rows;
    private final int segmentRows;
    private final Plan<A> plan;
    private final Wiring<A> wiring;
    private final int maxWidth;
    private final int chunkRows;

    private RowPass(Precision<A> p, List<RowConsumer<A>> group, int segmentRows, Parallelism parallelism) {
        this.group = group;
        this.rows = group.get(0).rows();
        this.segmentRows = segmentRows;
        List<Node> roots = new ArrayList<>();
        Map<Node, Integer> rootIndex = new IdentityHashMap<>();
        int widest = 1;
        for (RowConsumer<A> c : group) {
            for (Node in : c.rowInputs()) {
                Node u = Plan.skipReshapes(in);
                if (u.isDeferred() && !u.isFusible()) {
                    u.value(parallelism);
                }
                widest = Math.max(widest, in.size() / Math.max(1, rows));
                if (u.isDeferred() && !rootIndex.containsKey(u)) {
                    rootIndex.put(u, roots.size());
                    roots.add(u);
                }
            }
        }
        this.plan = roots.isEmpty() || rows == 0 ? null : Plan.compile(p, roots, rows, parallelism);
        this.wiring = new Wiring<>(p, group, rootIndex, rows, parallelism);
        this.maxWidth = widest;
        this.chunkRows = Math.max(1, Fusion.CHUNK / widest);
    }

    /**
     * Computes every consumer of {@code group} (same rows and precision; segmented ones with one
     * segment size) on {@code parallelism}'s threads and sets the values.
     */
    static <A> void run(Precision<A> p, List<RowConsumer<A>> group, int segmentRows, Parallelism parallelism) {
        new RowPass<>(p, group, segmentRows, parallelism).run(parallelism);
    }

    private void run(Parallelism parallelism) {
        int blocks = Math.max(1, (rows + segmentRows - 1) / segmentRows);
        for (RowConsumer<A> c : group) {
            c.start(blocks, parallelism);
        }
        long work = (long) rows * maxWidth * group.size();
        Parallelism use = work >= PARALLEL_MIN ? parallelism : Parallelism.single();
        AtomicReferenceArray<A[]> scratch = new AtomicReferenceArray<>(use.workers(blocks));
        use.run(blocks, (b, w) -> {
            A[] mine = scratch.get(w);
            if (plan != null && mine == null) {
                mine = plan.scratch(Math.min(chunkRows, rows));
                scratch.set(w, mine);
            }
            block(b, mine);
        });
        for (RowConsumer<A> c : group) {
            c.node().setValue(c.finish(parallelism));
        }
    }

    /** Feeds rows of block {@code b}, chunk by chunk, to every consumer; uses this worker's {@code scratch}. */
    private void block(int b, A[] scratch) {
        List<A[]> in = wiring.arrays();
        int[][] off = wiring.offsets();
        int end = Math.min(rows, (b + 1) * segmentRows);
        for (int r = b * segmentRows; r < end; r += chunkRows) {
            int count = Math.min(chunkRows, end - r);
            if (plan != null) {
                plan.evalRows(r, count, scratch);
            }
            for (int c = 0; c < group.size(); c++) {
                wiring.bind(c, r, plan, scratch, in.get(c), off[c]);
                group.get(c).consume(b, r, count, in.get(c), off[c]);
            }
        }
    }

    /** Where each consumer's row inputs come from: a computed array, or a root of the plan. */
    private static final class Wiring<A> {
        private final Precision<A> precision;
        private final List<A[]> data;
        private final int[][] root;
        private final int[][] width;

        Wiring(Precision<A> p, List<RowConsumer<A>> group, Map<Node, Integer> rootIndex, int rows,
               Parallelism parallelism) {
            precision = p;
            data = new ArrayList<>(group.size());
            root = new int[group.size()][];
            width = new int[group.size()][];
            for (int c = 0; c < group.size(); c++) {
                Node[] ins = group.get(c).rowInputs();
                A[] arrays = p.buffers(ins.length);
                data.add(arrays);
                root[c] = new int[ins.length];
                width[c] = new int[ins.length];
                for (int i = 0; i < ins.length; i++) {
                    Node u = Plan.skipReshapes(ins[i]);
                    width[c][i] = ins[i].size() / Math.max(1, rows);
                    Integer r = rootIndex.get(u);
                    root[c][i] = r == null ? -1 : r;
                    if (r == null) {
                        arrays[i] = p.data(u.value(parallelism));
                    }
                }
            }
        }

        /** Fresh per-consumer input arrays (for one worker), filled by {@link #bind}. */
        List<A[]> arrays() {
            List<A[]> a = new ArrayList<>(data.size());
            for (A[] d : data) {
                a.add(precision.buffers(d.length));
            }
            return a;
        }

        int[][] offsets() {
            int[][] o = new int[data.size()][];
            for (int c = 0; c < o.length; c++) {
                o[c] = new int[data.get(c).length];
            }
            return o;
        }

        /** Points consumer c's inputs at rows starting at {@code row}; modifies in and off. */
        void bind(int c, int row, Plan<A> plan, A[] scratch, A[] in, int[] off) {
            A[] computed = data.get(c);
            for (int i = 0; i < in.length; i++) {
                if (root[c][i] < 0) {
                    in[i] = computed[i];
                    off[i] = row * width[c][i];
                } else {
                    in[i] = plan.root(root[c][i], scratch);
                    off[i] = 0;
                }
            }
        }
    }
}
