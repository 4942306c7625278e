package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;

/**
 * The {@link RowConsumer}s: MATMUL a·op(b) by rows of a, MATMUL aᵀ·b with a small result (weight
 * gradients, summed over the batch), and sums along the last or the first axis. Other non-fusible
 * nodes are computed alone by {@link Eval}.
 *
 * <p>Summation orders (F32 through {@link MathProvider} kernels whose order is the same in its
 * vector and scalar implementations, so results do not depend on whether the Vector API is
 * available; F64 the same order in double):
 * <ul>
 *   <li>a·op(b) ([m,k]·[k,n]): when n &lt; {@link #ROW_DOTS_BELOW_N}, one {@link Lanes#dot} per
 *       output element; otherwise fused multiply-adds in order p = 0, 1, … (F32 by
 *       {@link MathProvider#affineRows}).</li>
 *   <li>aᵀ·b and column sums: rows added one at a time in order within each segment of
 *       {@link RowConsumer#segmentRows} rows, then segment results added in segment order.</li>
 *   <li>row sums: eight interleaved lanes ({@link Lanes}).</li>
 * </ul>
 */
final class RowConsumers {
    /** Products with fewer output columns than this use one dot product per output element. */
    static final int ROW_DOTS_BELOW_N = 16;
    /** Largest m·n of an aᵀ·b summed by segments. */
    static final int REDUCE_MAX_OUT = 1 << 16;
    /** Widest row a consumer reads (wider rows are read by {@link Eval} alone). */
    static final int MAX_WIDTH = 1 << 16;

    private RowConsumers() {}

    /** The row consumer computing {@code n} (of precision {@code p}), or null when {@code n} is computed alone. */
    static <A> RowConsumer<A> of(Precision<A> p, Node n) {
        int[] s = n.input(0).shape();
        if (n.op().kind() == Op.Kind.MATMUL) {
            boolean ta = Shapes.transposed(n.attr(), 0);
            boolean tb = Shapes.transposed(n.attr(), 1);
            int[] out = n.shape();
            int k = ta ? s[0] : s[1];
            if (ta && !tb && (long) out[0] * out[1] <= REDUCE_MAX_OUT && Math.max(out[0], out[1]) <= MAX_WIDTH) {
                return new ProductSum<>(p, n, k, out[0], out[1]);
            }
            return !ta && k <= MAX_WIDTH ? new Product<>(p, n, n.input(0), n.input(1), tb, out[0], k, out[1]) : null;
        }
        if (n.op().kind() == Op.Kind.SUM_AXIS) {
            int axis = n.attr()[0];
            int outer = Tensor.sizeOf(java.util.Arrays.copyOfRange(s, 0, axis));
            int inner = Tensor.sizeOf(java.util.Arrays.copyOfRange(s, axis + 1, s.length));
            if (inner == 1 && s[axis] <= MAX_WIDTH) {
                return new RowSum<>(p, n, outer, s[axis]);
            }
            if (outer == 1 && inner <= MAX_WIDTH) {
                return new ColumnSum<>(p, n, s[axis], inner);
            }
        }
        return null;
    }

    /** a·op(b), a [m,k] read by rows; op(b) packed once in {@link #start}. */
    static final class Product<A> implements RowConsumer<A> {
        private final Precision<A> p;
        private final Node node;
        private final Node a;
        private final Node b;
        private final boolean tb;
        private final int m;
        private final int k;
        private final int n;
        private final boolean dots;
        private A packed;
        private A out;

        /** node = a·op(b) with a [m,k] (a may be a computed stand-in for node's first input). */
        Product(Precision<A> p, Node node, Node a, Node b, boolean tb, int m, int k, int n) {
            this.p = p;
            this.node = node;
            this.a = a;
            this.b = b;
            this.tb = tb;
            this.m = m;
            this.k = k;
            this.n = n;
            this.dots = n < ROW_DOTS_BELOW_N;
        }

        @Override public Node node() { return node; }
        @Override public int rows() { return m; }
        @Override public Node[] rowInputs() { return new Node[] {a}; }
        @Override public int segmentRows() { return 0; }

        /** op(b) as [k,n] row-major, or as [n,k] for per-row dot products. */
        @Override
        public void start(int blocks, Parallelism parallelism) {
            A data = p.data(b.value(parallelism));
            packed = dots == tb ? data : tb ? Kernels.transposed(p, data, n, k) : Kernels.transposed(p, data, k, n);
            out = p.alloc(m * n);
        }

        @Override
        public void consume(int block, int row, int count, A[] in, int[] off) {
            if (dots) {
                for (int r = 0; r < count; r++) {
                    for (int j = 0; j < n; j++) {
                        p.laneDot(in[0], off[0] + r * k, packed, j * k, k, out, (row + r) * n + j);
                    }
                }
            } else {
                p.productRows(in[0], off[0], count, k, packed, n, out, row * n);
            }
        }

        @Override
        public Tensor finish(Parallelism parallelism) {
            return p.wrap(out, m, n);
        }
    }

    /** aᵀ·b for a [k,m], b [k,n]: segment partials, then combined in order. */
    static final class ProductSum<A> implements RowConsumer<A> {
        private final Precision<A> p;
        private final Node node;
        private final int k;
        private final int m;
        private final int n;
        private final boolean byRow;
        private A partial;
        private int blocks;

        ProductSum(Precision<A> p, Node node, int k, int m, int n) {
            this.p = p;
            this.node = node;
            this.k = k;
            this.m = m;
            this.n = n;
            this.byRow = n >= m;
        }

        @Override public Node node() { return node; }
        @Override public int rows() { return k; }
        @Override public Node[] rowInputs() { return new Node[] {node.input(0), node.input(1)}; }
        @Override public int segmentRows() { return RowConsumer.segmentRows(k, (long) m * n); }

        @Override
        public void start(int blocks, Parallelism parallelism) {
            this.blocks = blocks;
            partial = p.alloc(blocks * m * n);
        }

        @Override
        public void consume(int block, int row, int count, A[] in, int[] off) {
            p.outer(in[0], off[0], in[1], off[1], count, m, n, byRow, partial, block * m * n);
        }

        @Override
        public Tensor finish(Parallelism parallelism) {
            A out = p.alloc(m * n);
            Accumulate.combine(p, partial, blocks, m, n, byRow, out, parallelism);
            return p.wrap(out, m, n);
        }
    }

    /** Σ over the first axis of x viewed as [rows, width]. */
    static final class ColumnSum<A> implements RowConsumer<A> {
        private final Precision<A> p;
        private final Node node;
        private final int rows;
        private final int width;
        private A partial;
        private int blocks;

        ColumnSum(Precision<A> p, Node node, int rows, int width) {
            this.p = p;
            this.node = node;
            this.rows = rows;
            this.width = width;
        }

        @Override public Node node() { return node; }
        @Override public int rows() { return rows; }
        @Override public Node[] rowInputs() { return new Node[] {node.input(0)}; }
        @Override public int segmentRows() { return RowConsumer.segmentRows(rows, width); }

        @Override
        public void start(int blocks, Parallelism parallelism) {
            this.blocks = blocks;
            partial = p.alloc(blocks * width);
        }

        @Override
        public void consume(int block, int row, int count, A[] in, int[] off) {
            p.sumRows(in[0], off[0], count, width, partial, block * width);
        }

        @Override
        public Tensor finish(Parallelism parallelism) {
            A out = p.alloc(width);
            Accumulate.combine(p, partial, blocks, 1, width, true, out, parallelism);
            return p.wrap(out, node.shape());
        }
    }

    /** Σ over the last axis of x viewed as [rows, len]: one lane sum per row. */
    static final class RowSum<A> implements RowConsumer<A> {
        private final Precision<A> p;
        private final Node node;
        private final int rows;
        private final int len;
        private A out;

        RowSum(Precision<A> p, Node node, int rows, int len) {
            this.p = p;
            this.node = node;
            this.rows = rows;
            this.len = len;
        }

        @Override public Node node() { return node; }
        @Override public int rows() { return rows; }
        @Override public Node[] rowInputs() { return new Node[] {node.input(0)}; }
        @Override public int segmentRows() { return 0; }

        @Override
        public void start(int blocks, Parallelism parallelism) {
            out = p.alloc(rows);
        }

        @Override
        public void consume(int block, int row, int count, A[] in, int[] off) {
            for (int q = 0; q < count; q++) {
                p.laneSum(in[0], off[0] + q * len, len, out, row + q);
            }
        }

        @Override
        public Tensor finish(Parallelism parallelism) {
            return p.wrap(out, node.shape());
        }
    }
}
