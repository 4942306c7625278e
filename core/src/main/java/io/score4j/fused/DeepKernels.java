package io.score4j.fused;

import io.score4j.tensor.simd.VectorMath;

/**
 * The matrix kernels of the fused deep-network passes ({@link DeepMlp}, {@link DeepLoss}), with a scalar
 * and a Vector API implementation that give the same bits for every vector width: vectors always run
 * along a dimension that is not summed, and every sum is taken in one fixed sequential order with fused
 * multiply-adds, so each output element is the same chain of {@code Math.fma} calls whatever the lane
 * count (the scalar implementation is that chain written out).
 *
 * <p>Layout: matrices are flat row-major with explicit row strides; the column counts {@code cols} of the
 * vectorised dimension are multiples of {@link #PAD} (callers pad layer widths with zero weights).
 */
sealed interface DeepKernels permits ScalarDeepKernels, PanamaDeepKernels {
    /** Column padding of every layer's output width: a multiple of every supported vector length. */
    int PAD = 16;

    /** "scalar" or "vector(&lt;bits&gt;)". */
    String name();

    /**
     * Register-blocked y = in·w (+ bias) (⊙ scale): for r &lt; rows and k &lt; cols,
     * out[outOff + r·os + k] = (bias[k] + Σ_{j&lt;inCols} in[inOff + r·is + j]·w[j·ws + k]) · scale[outOff + r·os + k],
     * the sum in order j = 0, 1, … with fused multiply-adds starting from bias[k] (+0 when bias is null); the
     * product only when scale is not null. cols must be a multiple of {@link #PAD}. Modifies only those
     * elements of out.
     */
    void affine(float[] in, int inOff, int is, int inCols, int rows, float[] w, int ws, float[] bias, float[] scale,
                float[] out, int outOff, int os, int cols);

    /**
     * acc[accOff + j·as + k] = fma(in[inOff + r·is + j], d[dOff + r·ds + k], acc[accOff + j·as + k]) for r = 0, 1, … rows − 1 in
     * order, for j &lt; inCols and k &lt; cols (acc += inᵀ·d, a weight gradient); cols a multiple of {@link #PAD}.
     * Modifies acc[accOff + j·as + k] for those j, k.
     */
    void accumulateOuter(float[] in, int inOff, int is, int inCols, int rows, float[] d, int dOff, int ds, int cols,
                         float[] acc, int accOff, int as);

    /** acc[accOff + k] += d[dOff + r·ds + k] for r = 0, 1, … in order, k &lt; cols (a bias gradient); modifies acc[accOff, accOff + cols). */
    void sumRows(float[] d, int dOff, int ds, int rows, int cols, float[] acc, int accOff);

    /** acc[accOff + i] += a[aOff + i] for i &lt; n; modifies acc[accOff, accOff + n). */
    void add(float[] a, int aOff, float[] acc, int accOff, int n);

    /** The scalar implementation (the reference order). */
    static DeepKernels scalar() {
        return ScalarDeepKernels.INSTANCE;
    }

    /**
     * The Vector API implementation when {@code vector} is true, the module is present and the preferred
     * float species has at most {@link #PAD} lanes; the scalar one otherwise.
     */
    static DeepKernels select(boolean vector) {
        if (vector && VectorMath.vector().isPresent()) {
            try {
                DeepKernels k = (DeepKernels) Class.forName("io.score4j.fused.PanamaDeepKernels")
                        .getDeclaredConstructor().newInstance();
                return k.name().equals("scalar") ? scalar() : k;
            } catch (ReflectiveOperationException | LinkageError e) {
                return scalar();
            }
        }
        return scalar();
    }
}
