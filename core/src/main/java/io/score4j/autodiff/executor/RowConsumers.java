package io.score4j.autodiff.executor;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

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
    private static final MathProvider MATH = VectorMath.provider();

    private RowConsumers() {}

    /** The row consumer computing {@code n}, or null when {@code n} is computed alone. */
    static RowConsumer of(Node n) {
        int[] s = n.input(0).shape();
        if (n.op().kind() == Op.Kind.MATMUL) {
            boolean ta = Shapes.transposed(n.attr(), 0);
            boolean tb = Shapes.transposed(n.attr(), 1);
            int[] out = n.shape();
            int k = ta ? s[0] : s[1];
            if (ta && !tb && (long) out[0] * out[1] <= REDUCE_MAX_OUT && Math.max(out[0], out[1]) <= MAX_WIDTH) {
                return new ProductSum(n, k, out[0], out[1]);
            }
            return !ta && k <= MAX_WIDTH ? new Product(n, n.input(0), n.input(1), tb, out[0], k, out[1]) : null;
        }
        if (n.op().kind() == Op.Kind.SUM_AXIS) {
            int axis = n.attr()[0];
            int outer = Tensor.sizeOf(java.util.Arrays.copyOfRange(s, 0, axis));
            int inner = Tensor.sizeOf(java.util.Arrays.copyOfRange(s, axis + 1, s.length));
            if (inner == 1 && s[axis] <= MAX_WIDTH) {
                return new RowSum(n, outer, s[axis]);
            }
            if (outer == 1 && inner <= MAX_WIDTH) {
                return new ColumnSum(n, s[axis], inner);
            }
        }
        return null;
    }

    static Object alloc(DType dt, int n) {
        return dt == DType.F64 ? new double[n] : new float[n];
    }

    static Tensor wrap(Object data, int... shape) {
        return data instanceof double[] d ? Tensor.wrap(d, shape) : Tensor.wrap((float[]) data, shape);
    }

    /** a·op(b), a [m,k] read by rows; op(b) packed once in {@link #start}. */
    static final class Product implements RowConsumer {
        private final Node node;
        private final Node a;
        private final Node b;
        private final boolean tb;
        private final int m;
        private final int k;
        private final int n;
        private final boolean dots;
        private Object packed;
        private Object out;

        /** node = a·op(b) with a [m,k] (a may be a computed stand-in for node's first input). */
        Product(Node node, Node a, Node b, boolean tb, int m, int k, int n) {
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
        public void start(int blocks) {
            Tensor t = b.value();
            Object data = t.dtype() == DType.F64 ? t.data64() : t.data32();
            packed = dots == tb ? data : tb ? Kernels.transposed(data, n, k) : Kernels.transposed(data, k, n);
            out = alloc(node.dtype(), m * n);
        }

        @Override
        public void consume(int block, int row, int count, Object[] in, int[] off) {
            if (dots) {
                dots(in[0], off[0], count, row);
            } else if (out instanceof double[] o) {
                rowsF64((double[]) in[0], off[0], count, k, (double[]) packed, n, o, row * n);
            } else {
                MATH.affineRows((float[]) in[0], off[0], count, k, (float[]) packed, null, (float[]) out, row * n, n);
            }
        }

        @Override
        public Tensor finish() {
            return wrap(out, m, n);
        }

        private void dots(Object a, int off, int count, int row) {
            for (int r = 0; r < count; r++) {
                for (int j = 0; j < n; j++) {
                    int o = (row + r) * n + j;
                    if (out instanceof double[] d) {
                        d[o] = Lanes.dot((double[]) a, off + r * k, (double[]) packed, j * k, k);
                    } else {
                        ((float[]) out)[o] = Lanes.dot((float[]) a, off + r * k, (float[]) packed, j * k, k);
                    }
                }
            }
        }

        /** out[oo + r·n + j] = Σ_p a[off + r·k + p]·b[p·n + j] by fused multiply-adds in order p; out starts at zero. */
        private static void rowsF64(double[] a, int off, int rows, int k, double[] b, int n, double[] out, int oo) {
            for (int r = 0; r < rows; r++) {
                int o = oo + r * n;
                for (int p = 0; p < k; p++) {
                    double ap = a[off + r * k + p];
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        out[o + j] = Math.fma(ap, b[bp + j], out[o + j]);
                    }
                }
            }
        }
    }

    /** aᵀ·b for a [k,m], b [k,n]: segment partials, then combined in order. */
    static final class ProductSum implements RowConsumer {
        private final Node node;
        private final int k;
        private final int m;
        private final int n;
        private final boolean byRow;
        private Object partial;
        private int blocks;

        ProductSum(Node node, int k, int m, int n) {
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
        public void start(int blocks) {
            this.blocks = blocks;
            partial = alloc(node.dtype(), blocks * m * n);
        }

        @Override
        public void consume(int block, int row, int count, Object[] in, int[] off) {
            Accumulate.outer(in[0], off[0], in[1], off[1], count, m, n, byRow, partial, block * m * n);
        }

        @Override
        public Tensor finish() {
            Object out = alloc(node.dtype(), m * n);
            Accumulate.combine(partial, blocks, m, n, byRow, out);
            return wrap(out, m, n);
        }
    }

    /** Σ over the first axis of x viewed as [rows, width]. */
    static final class ColumnSum implements RowConsumer {
        private final Node node;
        private final int rows;
        private final int width;
        private Object partial;
        private int blocks;

        ColumnSum(Node node, int rows, int width) {
            this.node = node;
            this.rows = rows;
            this.width = width;
        }

        @Override public Node node() { return node; }
        @Override public int rows() { return rows; }
        @Override public Node[] rowInputs() { return new Node[] {node.input(0)}; }
        @Override public int segmentRows() { return RowConsumer.segmentRows(rows, width); }

        @Override
        public void start(int blocks) {
            this.blocks = blocks;
            partial = alloc(node.dtype(), blocks * width);
        }

        @Override
        public void consume(int block, int row, int count, Object[] in, int[] off) {
            if (partial instanceof double[] p) {
                Accumulate.sumRows((double[]) in[0], off[0], count, width, p, block * width);
            } else {
                MATH.sumRows((float[]) in[0], off[0], count, width, (float[]) partial, block * width);
            }
        }

        @Override
        public Tensor finish() {
            Object out = alloc(node.dtype(), width);
            Accumulate.combine(partial, blocks, 1, width, true, out);
            return wrap(out, node.shape());
        }
    }

    /** Σ over the last axis of x viewed as [rows, len]: one lane sum per row. */
    static final class RowSum implements RowConsumer {
        private final Node node;
        private final int rows;
        private final int len;
        private Object out;

        RowSum(Node node, int rows, int len) {
            this.node = node;
            this.rows = rows;
            this.len = len;
        }

        @Override public Node node() { return node; }
        @Override public int rows() { return rows; }
        @Override public Node[] rowInputs() { return new Node[] {node.input(0)}; }
        @Override public int segmentRows() { return 0; }

        @Override
        public void start(int blocks) {
            out = alloc(node.dtype(), rows);
        }

        @Override
        public void consume(int block, int row, int count, Object[] in, int[] off) {
            for (int q = 0; q < count; q++) {
                if (out instanceof double[] o) {
                    o[row + q] = Lanes.sum((double[]) in[0], off[0] + q * len, len);
                } else {
                    ((float[]) out)[row + q] = Lanes.sum((float[]) in[0], off[0] + q * len, len);
                }
            }
        }

        @Override
        public Tensor finish() {
            return wrap(out, node.shape());
        }
    }
}
