package io.score4j.autodiff;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * MATMUL with an inner dimension above {@link Fusion#SMALL_K}, reading deferred operands chunk by
 * chunk through {@link Fusion.Reader}, in parallel over a split fixed by the shapes:
 * <ul>
 *   <li>op(a)ᵀ-free products out = a·op(b) ([m,k]·[k,n]) go by blocks of rows of a, each row of
 *       out written by one task. F32: per-row dot products ({@link MathProvider#rowDots}) when
 *       n &lt; {@link #ROW_DOTS_BELOW_N}, else {@link MathProvider#affineRows} (fused multiply-adds
 *       in order p = 0, 1, …); F64: fused multiply-adds in order p.</li>
 *   <li>out = aᵀ·b with a [k,m], b [k,n] and a small out (weight gradients: Σ over the batch)
 *       sums rows p of both in fixed segments of consecutive rows (each summed in order p by
 *       {@link MathProvider#accumulateRows}), then adds the segments' partial results in segment
 *       order.</li>
 *   <li>anything else materialises its operands, transposes a if needed, and takes the first way.</li>
 * </ul>
 */
final class Products {
    /** F32 products with fewer output columns than this use per-row dot products. */
    static final int ROW_DOTS_BELOW_N = 16;
    /** Largest m·n of aᵀ·b summed by segments. */
    static final int REDUCE_MAX_OUT = 1 << 16;
    private static final MathProvider MATH = VectorMath.provider();

    private Products() {}

    /** op(a)·op(b) with op(a) [m,k], op(b) [k,n]; reads a and b, writes a fresh [m,n] tensor. */
    static Tensor matmul(Var a, Var b, boolean ta, boolean tb, int m, int k, int n) {
        boolean f64 = a.dtype() == DType.F64;
        Object out = f64 ? new double[m * n] : new float[m * n];
        if (ta && !tb && (long) m * n <= REDUCE_MAX_OUT) {
            Reductions.productSums(a, b, k, m, n, out);
        } else {
            boolean dots = !f64 && n < ROW_DOTS_BELOW_N;
            Object bp = packB(b, tb, k, n, dots);
            if (ta) {
                Tensor at = a.value();
                Object data = Kernels.transposed(f64 ? at.data64() : at.data32(), k, m);
                rows(new Fusion.Reader(data), bp, dots, m, k, n, out);
            } else {
                rows(null, a, bp, dots, m, k, n, out);
            }
        }
        return out instanceof double[] d ? Tensor.wrap(d, m, n) : Tensor.wrap((float[]) out, m, n);
    }

    /** op(b) as [k,n] row-major, or as [n,k] (its transpose) for per-row dot products. */
    private static Object packB(Var b, boolean tb, int k, int n, boolean dots) {
        Tensor t = b.value();
        Object data = t.dtype() == DType.F64 ? t.data64() : t.data32();
        if (dots == tb) {
            return data;
        }
        return tb ? Kernels.transposed(data, n, k) : Kernels.transposed(data, k, n);
    }

    private static void rows(Fusion.Reader reader, Object bp, boolean dots, int m, int k, int n, Object out) {
        rows(reader, null, bp, dots, m, k, n, out);
    }

    /** out[i,:] = a[i,:]·B for every row i, B packed by {@link #packB}; a from {@code reader}, or {@code a} when null. */
    private static void rows(Fusion.Reader reader, Var a, Object bp, boolean dots, int m, int k, int n, Object out) {
        int chunkRows = Math.max(1, Fusion.CHUNK / k);
        int taskRows = chunkRows * Math.max(1, Fusion.TASK / (chunkRows * k));
        int tasks = (m + taskRows - 1) / taskRows;
        Fusion.Reader r = reader != null ? reader : new Fusion.Reader(a, chunkRows * k, Parallel.workers(tasks));
        Parallel.run(tasks, (t, w) -> {
            int end = Math.min(m, (t + 1) * taskRows);
            for (int i = t * taskRows; i < end; i += chunkRows) {
                int rows = Math.min(chunkRows, end - i);
                Object data = r.read(w, i * k, rows * k);
                int off = r.offset(i * k);
                if (out instanceof double[] o) {
                    rowsF64((double[]) data, off, rows, k, (double[]) bp, n, o, i * n);
                } else if (dots) {
                    MATH.rowDots((float[]) data, off, rows, (float[]) bp, 0, n, k, (float[]) out, i * n);
                } else {
                    MATH.affineRows((float[]) data, off, rows, k, (float[]) bp, null, (float[]) out, i * n, n);
                }
            }
        });
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
