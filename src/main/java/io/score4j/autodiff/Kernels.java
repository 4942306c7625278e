package io.score4j.autodiff;

/**
 * Structural kernels over flat row-major arrays: matrix product, transpose, axis sums, broadcast.
 * Each reads its inputs (never modified) and overwrites the caller-owned {@code out}, which must
 * not alias an input.
 */
final class Kernels {
    private static final int BLOCK = 32;

    private Kernels() {}

    /** out[m,n] = a[m,k]·b[k,n], in i-k-j order so the inner loop streams rows of b and out. */
    static void matmul(double[] a, double[] b, double[] out, int m, int k, int n) {
        if (n == 1) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                int ai = i * k;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[p];
                }
                out[i] = s;
            }
            return;
        }
        java.util.Arrays.fill(out, 0, m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int oi = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    out[oi + j] += aip * b[bp + j];
                }
            }
        }
    }

    /** out[m,n] = a[m,k]·b[k,n] in float arithmetic; see the double version. */
    static void matmul(float[] a, float[] b, float[] out, int m, int k, int n) {
        if (n == 1) {
            for (int i = 0; i < m; i++) {
                float s = 0;
                int ai = i * k;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[p];
                }
                out[i] = s;
            }
            return;
        }
        java.util.Arrays.fill(out, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            int oi = i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    out[oi + j] += aip * b[bp + j];
                }
            }
        }
    }

    /**
     * out[m,n] = op(a)·op(b) with op(a) = ta ? aᵀ : a of shape [m,k] and op(b) = tb ? bᵀ : b of
     * shape [k,n]. A transposed b is first copied into a temporary (b is usually a weight
     * matrix, small); a transposed a is read in place by {@link #matmulTN}.
     */
    static void gemm(double[] a, boolean ta, double[] b, boolean tb, double[] out, int m, int k, int n) {
        double[] bb = b;
        if (tb) {
            bb = new double[k * n];
            transpose(b, bb, n, k);
        }
        if (ta) {
            matmulTN(a, bb, out, m, k, n);
        } else {
            matmul(a, bb, out, m, k, n);
        }
    }

    /** out[m,n] = op(a)·op(b) in float arithmetic; see the double version. */
    static void gemm(float[] a, boolean ta, float[] b, boolean tb, float[] out, int m, int k, int n) {
        float[] bb = b;
        if (tb) {
            bb = new float[k * n];
            transpose(b, bb, n, k);
        }
        if (ta) {
            matmulTN(a, bb, out, m, k, n);
        } else {
            matmul(a, bb, out, m, k, n);
        }
    }

    /** out[m,n] = a[k,m]ᵀ·b[k,n], streaming rows of a, b and out (no transpose copy). */
    static void matmulTN(double[] a, double[] b, double[] out, int m, int k, int n) {
        java.util.Arrays.fill(out, 0, m * n, 0.0);
        for (int p = 0; p < k; p++) {
            int ap = p * m;
            int bp = p * n;
            for (int i = 0; i < m; i++) {
                double api = a[ap + i];
                int oi = i * n;
                for (int j = 0; j < n; j++) {
                    out[oi + j] += api * b[bp + j];
                }
            }
        }
    }

    /** out[m,n] = a[k,m]ᵀ·b[k,n] in float arithmetic; see the double version. */
    static void matmulTN(float[] a, float[] b, float[] out, int m, int k, int n) {
        java.util.Arrays.fill(out, 0, m * n, 0f);
        for (int p = 0; p < k; p++) {
            int ap = p * m;
            int bp = p * n;
            for (int i = 0; i < m; i++) {
                float api = a[ap + i];
                int oi = i * n;
                for (int j = 0; j < n; j++) {
                    out[oi + j] += api * b[bp + j];
                }
            }
        }
    }

    /** out[n,m] = a[m,n]ᵀ, in square tiles to stay in cache. */
    static void transpose(double[] a, double[] out, int m, int n) {
        for (int i0 = 0; i0 < m; i0 += BLOCK) {
            int i1 = Math.min(m, i0 + BLOCK);
            for (int j0 = 0; j0 < n; j0 += BLOCK) {
                int j1 = Math.min(n, j0 + BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * m + i] = a[i * n + j];
                    }
                }
            }
        }
    }

    /** out[n,m] = a[m,n]ᵀ; see the double version. */
    static void transpose(float[] a, float[] out, int m, int n) {
        for (int i0 = 0; i0 < m; i0 += BLOCK) {
            int i1 = Math.min(m, i0 + BLOCK);
            for (int j0 = 0; j0 < n; j0 += BLOCK) {
                int j1 = Math.min(n, j0 + BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * m + i] = a[i * n + j];
                    }
                }
            }
        }
    }

    /** Viewing a as [outer, len, inner]: out[o, j] = Σ_l a[o, l, j]. */
    static void sumAxis(double[] a, double[] out, int outer, int len, int inner) {
        java.util.Arrays.fill(out, 0, outer * inner, 0.0);
        for (int o = 0; o < outer; o++) {
            int ob = o * inner;
            for (int l = 0; l < len; l++) {
                int ab = (o * len + l) * inner;
                for (int j = 0; j < inner; j++) {
                    out[ob + j] += a[ab + j];
                }
            }
        }
    }

    /** Viewing a as [outer, len, inner]: out[o, j] = Σ_l a[o, l, j]; see the double version. */
    static void sumAxis(float[] a, float[] out, int outer, int len, int inner) {
        java.util.Arrays.fill(out, 0, outer * inner, 0f);
        for (int o = 0; o < outer; o++) {
            int ob = o * inner;
            for (int l = 0; l < len; l++) {
                int ab = (o * len + l) * inner;
                for (int j = 0; j < inner; j++) {
                    out[ob + j] += a[ab + j];
                }
            }
        }
    }

    /**
     * Broadcasts {@code a} (shape {@code inShape}, already left-padded with 1s to the rank of
     * {@code outShape}) into {@code out} (shape {@code outShape}). Copies whole innermost rows with
     * {@code System.arraycopy} or fills them when the innermost axis is itself broadcast.
     * {@code a} and {@code out} are both arrays of the same primitive type.
     */
    static void broadcast(Object a, int[] inShape, Object out, int[] outShape) {
        int rank = outShape.length;
        if (rank == 0) {
            System.arraycopy(a, 0, out, 0, 1);
            return;
        }
        int[] inStride = new int[rank];
        int s = 1;
        for (int d = rank - 1; d >= 0; d--) {
            inStride[d] = inShape[d] == 1 ? 0 : s;
            s *= inShape[d];
        }
        int rowLen = outShape[rank - 1];
        int rows = 1;
        for (int d = 0; d < rank - 1; d++) {
            rows *= outShape[d];
        }
        int[] idx = new int[rank];
        for (int r = 0; r < rows; r++) {
            int src = 0;
            for (int d = 0; d < rank - 1; d++) {
                src += idx[d] * inStride[d];
            }
            copyRow(a, src, inStride[rank - 1] == 0, out, r * rowLen, rowLen);
            for (int d = rank - 2; d >= 0 && ++idx[d] == outShape[d]; d--) {
                idx[d] = 0;
            }
        }
    }

    private static void copyRow(Object a, int src, boolean fill, Object out, int dst, int len) {
        if (!fill) {
            System.arraycopy(a, src, out, dst, len);
        } else if (a instanceof double[] ad) {
            java.util.Arrays.fill((double[]) out, dst, dst + len, ad[src]);
        } else {
            java.util.Arrays.fill((float[]) out, dst, dst + len, ((float[]) a)[src]);
        }
    }
}
