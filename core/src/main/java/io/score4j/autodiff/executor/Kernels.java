package io.score4j.autodiff.executor;

import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * Structural kernels over flat row-major arrays: transpose, broadcast and the small-k matrix
 * product, each over any flat range of its output so {@link Plan} can compute them chunk by chunk.
 * Each reads its inputs (never modified) and overwrites the caller-owned {@code out}, which must
 * not alias an input. Buffers are typed by {@link Precision}.
 */
final class Kernels {
    private static final int BLOCK = 32;
    private static final MathProvider MATH = VectorMath.provider();

    private Kernels() {}

    /**
     * Geometry of a broadcast from {@code in} (left-padded with 1s) to {@code out}: the source offset
     * step of each output axis (0 along broadcast axes) and whether whole output rows repeat one
     * source element.
     */
    record Broadcast(int[] outShape, int[] stride, int rowLen, boolean fillRows, boolean scalarSource) {
        Broadcast(int[] in, int[] out) {
            this(out, strides(Shapes.padLeft(in, out.length)), out.length == 0 ? 1 : out[out.length - 1],
                    out.length > 0 && Shapes.padLeft(in, out.length)[out.length - 1] == 1,
                    io.score4j.tensor.Tensor.sizeOf(in) == 1);
        }

        private static int[] strides(int[] padded) {
            int[] st = new int[padded.length];
            int s = 1;
            for (int d = padded.length - 1; d >= 0; d--) {
                st[d] = padded[d] == 1 ? 0 : s;
                s *= padded[d];
            }
            return st;
        }

        /** Source offset of the first element of output row {@code row} (rows run along the last axis). */
        int rowSource(int row) {
            int off = 0;
            int r = row;
            for (int d = outShape.length - 2; d >= 0 && r > 0; d--) {
                int extent = outShape[d];
                off += (r % extent) * stride[d];
                r /= extent;
            }
            return off;
        }
    }

    /** Writes elements [from, from + n) of the broadcast of {@code src} by {@code b} to out[oo, oo + n). */
    static <A> void broadcastRange(Precision<A> p, A src, Broadcast b, A out, int oo, int from, int n) {
        if (b.scalarSource()) {
            p.fill(src, 0, out, oo, n);
            return;
        }
        int end = from + n;
        int rowLen = b.rowLen();
        for (int i = from; i < end; ) {
            int row = i / rowLen;
            int col = i - row * rowLen;
            int len = Math.min(rowLen - col, end - i);
            int base = b.rowSource(row);
            if (b.fillRows()) {
                p.fill(src, base, out, oo + i - from, len);
            } else {
                System.arraycopy(src, base + col, out, oo + i - from, len);
            }
            i += len;
        }
    }

    /**
     * Elements [from, from + len) of a[m,k]·b[k,n] (both untransposed, row-major) into
     * out[0, len): out[i,j] = a[i,0]·b[0,j] when k = 1, else Σ_p a[i,p]·b[p,j] by fused
     * multiply-adds in order p = 0, 1, … from zero, which is what {@link MathProvider#affineRows}
     * computes (rows cut by the range are computed whole into {@code row}, n elements of
     * scratch). Meant for small k.
     */
    static void productF32(float[] a, float[] b, int k, int n, float[] out, int from, int len, float[] row) {
        int end = from + len;
        for (int i = from; i < end; ) {
            int r = i / n;
            int col = i - r * n;
            int cnt = Math.min(n - col, end - i);
            if (k == 1) {
                scaledRow(a[r], b, col, cnt, row);
                System.arraycopy(row, col, out, i - from, cnt);
            } else if (col == 0 && cnt == n) {
                int rows = (end - i) / n;
                MATH.affineRows(a, r * k, rows, k, b, null, out, i - from, n);
                cnt = rows * n;
            } else {
                MATH.affineRows(a, r * k, 1, k, b, null, row, 0, n);
                System.arraycopy(row, col, out, i - from, cnt);
            }
            i += cnt;
        }
    }

    /** The double version of {@link #productF32} (same order; no row scratch needed). */
    static void productF64(double[] a, double[] b, int k, int n, double[] out, int from, int len) {
        int end = from + len;
        for (int i = from; i < end; ) {
            int r = i / n;
            int col = i - r * n;
            int cnt = Math.min(n - col, end - i);
            productRow(a, r * k, b, col, k, n, out, i - from, cnt);
            i += cnt;
        }
    }

    /** row[j] = s·b[j] for j in [col, col + cnt): one index for both arrays, so C2 vectorises it. */
    private static void scaledRow(float s, float[] b, int col, int cnt, float[] row) {
        for (int j = col; j < col + cnt; j++) {
            row[j] = s * b[j];
        }
    }

    private static void productRow(double[] a, int ar, double[] b, int col, int k, int n, double[] out, int o, int cnt) {
        double a0 = a[ar];
        for (int j = 0; j < cnt; j++) {
            out[o + j] = a0 * b[col + j];
        }
        for (int p = 1; p < k; p++) {
            double ap = a[ar + p];
            int bp = p * n + col;
            for (int j = 0; j < cnt; j++) {
                out[o + j] = Math.fma(ap, b[bp + j], out[o + j]);
            }
        }
    }

    /** out[oo + r·n + j] = Σ_p a[off + r·k + p]·b[p·n + j] by fused multiply-adds in order p; out starts at zero. */
    static void productRowsF64(double[] a, int off, int rows, int k, double[] b, int n, double[] out, int oo) {
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

    /** The transpose of {@code a} ([rows, cols] row-major) as a new array; {@code a} itself when a dimension is 1. */
    static <A> A transposed(Precision<A> p, A a, int rows, int cols) {
        if (rows == 1 || cols == 1) {
            return a;
        }
        A t = p.alloc(rows * cols);
        p.transpose(a, t, rows, cols);
        return t;
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
}
