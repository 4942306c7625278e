package io.score4j.autodiff.executor;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over the rows of a group of {@link RowConsumer}s with the same row count: their
 * deferred row inputs are compiled into one {@link Plan}, evaluated chunk by chunk, and every
 * consumer takes its rows from the same chunk. So the weight gradient aᵀ·g, the bias gradient
 * Σ g and the input-weight gradient xᵀ·g of a layer cost one evaluation of g, not three.
 *
 * <p>Rows are cut into blocks of the group's segment size (fixed by shapes); blocks are the
 * parallel tasks. Consumers' results depend only on their own segment size, never on the group,
 * the chunking or the thread count.
 */
final class RowPass {
    /** Below this many elements read per pass, a pass runs in the calling thread. */
    static final long PARALLEL_MIN = 1 << 15;

    private final List<RowConsumer> group;
    private final int rows;
    private final int segmentRows;
    private final Plan plan;
    private final Wiring wiring;
    private final int maxWidth;
    private final int chunkRows;

    private RowPass(List<RowConsumer> group, int segmentRows) {
        this.group = group;
        this.rows = group.get(0).rows();
        this.segmentRows = segmentRows;
        List<Node> roots = new ArrayList<>();
        Map<Node, Integer> rootIndex = new IdentityHashMap<>();
        int widest = 1;
        for (RowConsumer c : group) {
            for (Node in : c.rowInputs()) {
                Node u = Plan.skipReshapes(in);
                if (u.isDeferred() && !u.isFusible()) {
                    u.value();
                }
                widest = Math.max(widest, in.size() / Math.max(1, rows));
                if (u.isDeferred() && !rootIndex.containsKey(u)) {
                    rootIndex.put(u, roots.size());
                    roots.add(u);
                }
            }
        }
        this.plan = roots.isEmpty() || rows == 0 ? null : Plan.compile(roots, rows);
        this.wiring = new Wiring(group, rootIndex, rows);
        this.maxWidth = widest;
        this.chunkRows = Math.max(1, Fusion.CHUNK / widest);
    }

    /** Computes every consumer of {@code group} (same rows; segmented ones with one segment size) and sets the values. */
    static void run(List<RowConsumer> group, int segmentRows) {
        new RowPass(group, segmentRows).run();
    }

    private void run() {
        int blocks = Math.max(1, (rows + segmentRows - 1) / segmentRows);
        for (RowConsumer c : group) {
            c.start(blocks);
        }
        long work = (long) rows * maxWidth * group.size();
        int workers = work >= PARALLEL_MIN ? Parallel.workers(blocks) : 1;
        Object[][] scratch = new Object[workers][];
        Parallel.run(blocks, workers, (b, w) -> {
            if (plan != null && scratch[w] == null) {
                scratch[w] = plan.scratch(Math.min(chunkRows, rows));
            }
            block(b, scratch[w]);
        });
        for (RowConsumer c : group) {
            c.node().setValue(c.finish());
        }
    }

    /** Feeds rows of block {@code b}, chunk by chunk, to every consumer; uses this worker's {@code scratch}. */
    private void block(int b, Object[] scratch) {
        Object[][] in = wiring.arrays();
        int[][] off = wiring.offsets();
        int end = Math.min(rows, (b + 1) * segmentRows);
        for (int r = b * segmentRows; r < end; r += chunkRows) {
            int count = Math.min(chunkRows, end - r);
            if (plan != null) {
                plan.evalRows(r, count, scratch);
            }
            for (int c = 0; c < group.size(); c++) {
                wiring.bind(c, r, plan, scratch, in[c], off[c]);
                group.get(c).consume(b, r, count, in[c], off[c]);
            }
        }
    }

    /** Where each consumer's row inputs come from: a computed array, or a root of the plan. */
    private static final class Wiring {
        private final Object[][] data;
        private final int[][] root;
        private final int[][] width;

        Wiring(List<RowConsumer> group, Map<Node, Integer> rootIndex, int rows) {
            data = new Object[group.size()][];
            root = new int[group.size()][];
            width = new int[group.size()][];
            for (int c = 0; c < group.size(); c++) {
                Node[] ins = group.get(c).rowInputs();
                data[c] = new Object[ins.length];
                root[c] = new int[ins.length];
                width[c] = new int[ins.length];
                for (int i = 0; i < ins.length; i++) {
                    Node u = Plan.skipReshapes(ins[i]);
                    width[c][i] = ins[i].size() / Math.max(1, rows);
                    Integer r = rootIndex.get(u);
                    root[c][i] = r == null ? -1 : r;
                    if (r == null) {
                        Tensor t = u.value();
                        data[c][i] = t.dtype() == DType.F64 ? t.data64() : t.data32();
                    }
                }
            }
        }

        Object[][] arrays() {
            Object[][] a = new Object[data.length][];
            for (int c = 0; c < a.length; c++) {
                a[c] = new Object[data[c].length];
            }
            return a;
        }

        int[][] offsets() {
            int[][] o = new int[data.length][];
            for (int c = 0; c < o.length; c++) {
                o[c] = new int[data[c].length];
            }
            return o;
        }

        /** Points consumer c's inputs at rows starting at {@code row}; modifies in and off. */
        void bind(int c, int row, Plan plan, Object[] scratch, Object[] in, int[] off) {
            for (int i = 0; i < in.length; i++) {
                if (root[c][i] < 0) {
                    in[i] = data[c][i];
                    off[i] = row * width[c][i];
                } else {
                    in[i] = plan.root(root[c][i], scratch);
                    off[i] = 0;
                }
            }
        }
    }
}
