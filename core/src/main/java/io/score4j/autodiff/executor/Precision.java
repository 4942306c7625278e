package io.score4j.autodiff.executor;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
import java.util.Arrays;

/**
 * The executor's buffers as a type: {@link F32} works on {@code float[]}, {@link F64} on
 * {@code double[]}. The executor's classes are generic in the buffer type {@code A} and take every
 * dtype-specific kernel from here, so a buffer is never an {@code Object} told apart by
 * {@code instanceof}: the dtype is chosen once per node ({@link #of}) and the compiler checks the
 * rest. Methods read their inputs, never modify them, and overwrite (or, where named, add into)
 * the caller-owned output; summation orders are those documented by the executor's kernels
 * ({@link Kernels}, {@link Lanes}, {@link Accumulate}, {@link RowConsumers}).
 *
 * @param <A> {@code float[]} or {@code double[]}
 */
sealed interface Precision<A> permits Precision.F32, Precision.F64 {
    /** The precision of {@code dt}. */
    static Precision<?> of(DType dt) {
        return dt == DType.F64 ? F64.INSTANCE : F32.INSTANCE;
    }

    /** The element type. */
    DType dtype();

    /** A new zeroed buffer of {@code n} elements. */
    A alloc(int n);

    /** A new array of {@code n} null buffers. */
    A[] buffers(int n);

    /** The array of {@code t} (shared, never modified); {@code t} has this dtype. */
    A data(Tensor t);

    /** A tensor of {@code shape} over {@code data} (not copied). */
    Tensor wrap(A data, int... shape);

    /** out[i] = op(a[i]) for i &lt; n (elementwise unary {@code op}); modifies out. */
    void unary(Op op, A a, A out, int n);

    /** out[i] = a[i] op b[i] for i &lt; n (elementwise binary {@code op}); modifies out. */
    void binary(Op op, A a, A b, A out, int n);

    /** Whether a plan may compute a softplus and a sigmoid of one input from one exponential. */
    boolean pairsSoftplusAndSigmoid();

    /** softplus[i], sigmoid[i] of x[i] for i &lt; n, from one exponential (F32 only); modifies both outputs. */
    void softplusAndSigmoid(A x, A softplus, A sigmoid, int n);

    /** out[oo, oo + n) = src[at]; modifies out. */
    void fill(A src, int at, A out, int oo, int n);

    /** {@link Kernels#productF32}/{@link Kernels#productF64}: elements [from, from + len) of a·b into out[0, len). */
    void product(A a, A b, int k, int n, A out, int from, int len, A row);

    /** out[n,m] = a[m,n]ᵀ; modifies out. */
    void transpose(A a, A out, int m, int n);

    /** {@link Accumulate#outerF32}/{@link Accumulate#outerF64}: partial += a-rowsᵀ·b-rows; modifies partial. */
    void outer(A a, int ao, A b, int bo, int rows, int m, int n, boolean byRow, A partial, int po);

    /** {@link Accumulate#combineF32}/{@link Accumulate#combineF64} over output elements [from, to); modifies out. */
    void combine(A partial, int segments, int m, int n, boolean byRow, A out, int from, int to);

    /** acc[accOff + j] += Σ_r m[off + r·n + j], rows in order, by plain additions; modifies acc. */
    void addRows(A m, int off, int rows, int n, A acc, int accOff);

    /** As {@link #addRows} (same order), F32 through {@link MathProvider#sumRows}; modifies acc. */
    void sumRows(A m, int off, int rows, int n, A acc, int accOff);

    /** out[at] = {@link Lanes#sum} of a[off, off + len); modifies out. */
    void laneSum(A a, int off, int len, A out, int at);

    /** out[at] = {@link Lanes#dot} of a[ao …] and b[bo …] over len elements; modifies out. */
    void laneDot(A a, int ao, A b, int bo, int len, A out, int at);

    /** {@link Lanes#add}: lanes[i mod 8] += a[off + i] for i &lt; n; modifies lanes. */
    void addLanes(A a, int off, int n, A lanes);

    /** out[at] = the lanes combined as in {@link Lanes#sum}; modifies out. */
    void combineLanes(A lanes, A out, int at);

    /**
     * out[oo + r·n + j] = Σ_p a[off + r·k + p]·b[p·n + j] for r &lt; rows (fused multiply-adds in
     * order p from zero; F32 by {@link MathProvider#affineRows}); modifies out.
     */
    void productRows(A a, int off, int rows, int k, A b, int n, A out, int oo);

    /** {@code float[]} buffers. */
    final class F32 implements Precision<float[]> {
        static final F32 INSTANCE = new F32();
        private static final MathProvider MATH = VectorMath.provider();

        private F32() {}

        @Override public DType dtype() { return DType.F32; }
        @Override public float[] alloc(int n) { return new float[n]; }
        @Override public float[][] buffers(int n) { return new float[n][]; }
        @Override public float[] data(Tensor t) { return t.data32(); }
        @Override public Tensor wrap(float[] data, int... shape) { return Tensor.wrap(data, shape); }
        @Override public void unary(Op op, float[] a, float[] out, int n) { op.compute(a, out, n); }
        @Override public void binary(Op op, float[] a, float[] b, float[] out, int n) { op.compute(a, b, out, n); }
        @Override public boolean pairsSoftplusAndSigmoid() { return true; }

        @Override
        public void softplusAndSigmoid(float[] x, float[] softplus, float[] sigmoid, int n) {
            MATH.softplusAndSigmoid(x, softplus, sigmoid, 0, n);
        }

        @Override
        public void fill(float[] src, int at, float[] out, int oo, int n) {
            Arrays.fill(out, oo, oo + n, src[at]);
        }

        @Override
        public void product(float[] a, float[] b, int k, int n, float[] out, int from, int len, float[] row) {
            Kernels.productF32(a, b, k, n, out, from, len, row);
        }

        @Override public void transpose(float[] a, float[] out, int m, int n) { Kernels.transpose(a, out, m, n); }

        @Override
        public void outer(float[] a, int ao, float[] b, int bo, int rows, int m, int n, boolean byRow,
                          float[] partial, int po) {
            Accumulate.outerF32(a, ao, b, bo, rows, m, n, byRow, partial, po);
        }

        @Override
        public void combine(float[] partial, int segments, int m, int n, boolean byRow, float[] out, int from, int to) {
            Accumulate.combineF32(partial, segments, m, n, byRow, out, from, to);
        }

        @Override
        public void addRows(float[] m, int off, int rows, int n, float[] acc, int accOff) {
            Accumulate.addRows(m, off, rows, n, acc, accOff);
        }

        @Override
        public void sumRows(float[] m, int off, int rows, int n, float[] acc, int accOff) {
            MATH.sumRows(m, off, rows, n, acc, accOff);
        }

        @Override public void laneSum(float[] a, int off, int len, float[] out, int at) { out[at] = Lanes.sum(a, off, len); }

        @Override
        public void laneDot(float[] a, int ao, float[] b, int bo, int len, float[] out, int at) {
            out[at] = Lanes.dot(a, ao, b, bo, len);
        }

        @Override public void addLanes(float[] a, int off, int n, float[] lanes) { Lanes.add(a, off, n, lanes); }
        @Override public void combineLanes(float[] lanes, float[] out, int at) { out[at] = Lanes.combine(lanes); }

        @Override
        public void productRows(float[] a, int off, int rows, int k, float[] b, int n, float[] out, int oo) {
            MATH.affineRows(a, off, rows, k, b, null, out, oo, n);
        }
    }

    /** {@code double[]} buffers. */
    final class F64 implements Precision<double[]> {
        static final F64 INSTANCE = new F64();

        private F64() {}

        @Override public DType dtype() { return DType.F64; }
        @Override public double[] alloc(int n) { return new double[n]; }
        @Override public double[][] buffers(int n) { return new double[n][]; }
        @Override public double[] data(Tensor t) { return t.data64(); }
        @Override public Tensor wrap(double[] data, int... shape) { return Tensor.wrap(data, shape); }
        @Override public void unary(Op op, double[] a, double[] out, int n) { op.compute(a, out, n); }
        @Override public void binary(Op op, double[] a, double[] b, double[] out, int n) { op.compute(a, b, out, n); }
        @Override public boolean pairsSoftplusAndSigmoid() { return false; }

        @Override
        public void softplusAndSigmoid(double[] x, double[] softplus, double[] sigmoid, int n) {
            throw new UnsupportedOperationException("F64 plans do not pair softplus and sigmoid");
        }

        @Override
        public void fill(double[] src, int at, double[] out, int oo, int n) {
            Arrays.fill(out, oo, oo + n, src[at]);
        }

        @Override
        public void product(double[] a, double[] b, int k, int n, double[] out, int from, int len, double[] row) {
            Kernels.productF64(a, b, k, n, out, from, len);
        }

        @Override public void transpose(double[] a, double[] out, int m, int n) { Kernels.transpose(a, out, m, n); }

        @Override
        public void outer(double[] a, int ao, double[] b, int bo, int rows, int m, int n, boolean byRow,
                          double[] partial, int po) {
            Accumulate.outerF64(a, ao, b, bo, rows, m, n, byRow, partial, po);
        }

        @Override
        public void combine(double[] partial, int segments, int m, int n, boolean byRow, double[] out, int from, int to) {
            Accumulate.combineF64(partial, segments, m, n, byRow, out, from, to);
        }

        @Override
        public void addRows(double[] m, int off, int rows, int n, double[] acc, int accOff) {
            Accumulate.addRows(m, off, rows, n, acc, accOff);
        }

        @Override
        public void sumRows(double[] m, int off, int rows, int n, double[] acc, int accOff) {
            Accumulate.addRows(m, off, rows, n, acc, accOff);
        }

        @Override public void laneSum(double[] a, int off, int len, double[] out, int at) { out[at] = Lanes.sum(a, off, len); }

        @Override
        public void laneDot(double[] a, int ao, double[] b, int bo, int len, double[] out, int at) {
            out[at] = Lanes.dot(a, ao, b, bo, len);
        }

        @Override public void addLanes(double[] a, int off, int n, double[] lanes) { Lanes.add(a, off, n, lanes); }
        @Override public void combineLanes(double[] lanes, double[] out, int at) { out[at] = Lanes.combine(lanes); }

        @Override
        public void productRows(double[] a, int off, int rows, int k, double[] b, int n, double[] out, int oo) {
            Kernels.productRowsF64(a, off, rows, k, b, n, out, oo);
        }
    }
}
