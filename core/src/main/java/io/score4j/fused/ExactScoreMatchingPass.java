package io.score4j.fused;

import io.score4j.tensor.simd.MathProvider;

/**
 * Exact score matching on a one-hidden-layer net, per example x ∈ R^D:
 * <pre>
 *   h = x·W1 + b1,  a = σ(h),  s = a·W2 + b2,  c_k = Σ_d W1[d,k]·W2[k,d]
 *   ℓ(x) = ½ Σ_d s_d² + Σ_k σ'(h_k)·c_k          (tr ∂s/∂x = Σ_k σ'(h_k) c_k)
 * </pre>
 * and its gradient, with g = s, u = W2·g (u_k = Σ_d W2[k,d] g_d), δ_k = σ'(h_k)·u_k + σ''(h_k)·c_k:
 * <pre>
 *   ∂ℓ/∂W1[d,k] = x_d δ_k + σ'(h_k) W2[k,d]       ∂ℓ/∂b1_k = δ_k
 *   ∂ℓ/∂W2[k,d] = a_k g_d + σ'(h_k) W1[d,k]       ∂ℓ/∂b2_d = g_d
 * </pre>
 * The second terms of the weight gradients come from c_k; summed over the batch they need only
 * S1_k = Σ_b σ'(h_bk), so a chunk accumulates Σ x δ, Σ a g, Σ δ, S1, Σ g and adds the rest at the end.
 *
 * <p>For D = 1 the backward sums come from one fused kernel ({@code MathProvider.ridgeBackward}).
 * A chunk of examples is processed in tiles of {@link FusedMlp#tileRows()} rows kept in per-thread
 * scratch; every accumulator adds examples one at a time in batch order, so the sums of a chunk do not
 * depend on the tile size, and chunks are combined in chunk order by the caller.
 */
final class ExactScoreMatchingPass {
    private ExactScoreMatchingPass() {}

    /** Floats per chunk partial: Σxδ [D,H], Σ a g as [D,H] (W2 transposed), Σδ [H], S1 [H], Σg [D]. */
    static int partialSize(int d, int h) {
        return 2 * d * h + 2 * h + d;
    }

    /**
     * Zeroes and fills {@code acc[accOff, accOff + partialSize)} with the sums over examples
     * [start, end) of {@code batch} ([n, D] row-major); returns Σ ℓ over those examples.
     * Uses {@link Scratch#TILE} of the calling thread.
     */
    static double accumulate(FusedMlp net, MathProvider m, float[] batch, int start, int end, float[] acc, int accOff) {
        java.util.Arrays.fill(acc, accOff, accOff + partialSize(net.dim(), net.hidden()), 0f);
        int t = net.tileRows();
        int th = t * net.hidden();
        Tile tile = new Tile(Scratch.floats(Scratch.A, th), Scratch.floats(Scratch.D1, th), Scratch.floats(Scratch.D2, th),
                Scratch.floats(Scratch.U, th), Scratch.floats(Scratch.S, t * net.dim()), Scratch.floats(Scratch.TRACE, t));
        double loss = 0;
        for (int b0 = start; b0 < end; b0 += t) {
            loss += tile(net, m, batch, b0, Math.min(t, end - b0), acc, accOff, tile);
        }
        return loss;
    }

    /** Scratch of one tile: a, σ', σ'', u then δ (each [rows, H]), scores [rows, D], traces [rows]. */
    private record Tile(float[] a, float[] d1, float[] d2, float[] u, float[] s, float[] tr) {}

    /** Adds the sums of examples [b0, b0 + rows) to the chunk partial; returns their Σ ℓ. */
    private static double tile(FusedMlp net, MathProvider m, float[] batch, int b0, int rows,
                               float[] acc, int accOff, Tile t) {
        int d = net.dim();
        int h = net.hidden();
        m.affineRows(batch, b0 * d, rows, d, net.w1, net.b1, t.a, 0, h);
        m.applyWithDerivatives(net.nonlinearity, t.a, t.a, t.d1, t.d2, 0, rows * h);
        m.rowDots(t.a, 0, rows, net.w2t, 0, d, h, t.s, 0);
        m.rowDots(t.d1, 0, rows, net.c, 0, 1, h, t.tr, 0);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                float sj = t.s[r * d + j] + net.b2[j];
                t.s[r * d + j] = sj;
                sq += (double) sj * sj;
            }
            loss += 0.5 * sq + t.tr[r];
        }
        int gW2t = accOff + d * h;
        int gb1 = accOff + 2 * d * h;
        if (d == 1) {
            m.ridgeBackward(batch, b0, t.s, 0, rows, net.w2t, net.c, h, t.a, t.d1, t.d2, acc, accOff, gb1, gW2t, gb1 + h);
        } else {
            backward(net, m, batch, b0, rows, acc, accOff, t);
        }
        int gb2 = gb1 + 2 * h;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                acc[gb2 + j] += t.s[r * d + j];
            }
        }
        return loss;
    }

    /** General-D backward: u = W2·g, δ = σ'·u + σ''·c, then Σ x δ, Σ a g, Σ δ and S1 into the chunk partial. */
    private static void backward(FusedMlp net, MathProvider m, float[] batch, int b0, int rows, float[] acc, int accOff,
                                 Tile t) {
        int d = net.dim();
        int h = net.hidden();
        m.affineRows(t.s, 0, rows, d, net.w2t, null, t.u, 0, h);
        m.productSum(t.d1, t.u, t.d2, net.c, t.u, 0, rows, h);
        int gW2t = accOff + d * h;
        int gb1 = accOff + 2 * d * h;
        for (int j = 0; j < d; j++) {
            m.accumulateRows(t.u, 0, rows, h, batch, b0 * d + j, d, acc, accOff + j * h);
            m.accumulateRows(t.a, 0, rows, h, t.s, j, d, acc, gW2t + j * h);
        }
        m.sumRows(t.u, 0, rows, h, acc, gb1);
        m.sumRows(t.d1, 0, rows, h, acc, gb1 + h);
    }

    /**
     * Writes the batch-mean gradient into {@code out} from {@code chunks} partials in
     * {@code partials} (chunk i at i·partialSize), summing chunks in order in double; adds the c_k terms
     * S1_k·W2[k,d] and S1_k·W1[d,k]; returns Σ losses / n. The chunk sums stream through the partials
     * chunk by chunk (each element still adds chunk 0, 1, … in order).
     */
    static double combine(FusedMlp net, float[] partials, double[] losses, int chunks, int n, Gradients out) {
        int d = net.dim();
        int h = net.hidden();
        int p = partialSize(d, h);
        double[] sum = new double[p];
        for (int c = 0; c < chunks; c++) {
            int o = c * p;
            for (int i = 0; i < p; i++) {
                sum[i] += partials[o + i];
            }
        }
        double inv = 1.0 / n;
        int s1 = 2 * d * h + h;
        for (int k = 0; k < h; k++) {
            double sig = sum[s1 + k];
            out.b1()[k] = (float) (sum[2 * d * h + k] * inv);
            for (int j = 0; j < d; j++) {
                int dk = j * h + k;
                out.w1()[dk] = (float) ((sum[dk] + sig * net.w2t[dk]) * inv);
                out.w2()[k * d + j] = (float) ((sum[d * h + dk] + sig * net.w1[dk]) * inv);
            }
        }
        for (int j = 0; j < d; j++) {
            out.b2()[j] = (float) (sum[s1 + h + j] * inv);
        }
        double loss = 0;
        for (int c = 0; c < chunks; c++) {
            loss += losses[c];
        }
        return loss * inv;
    }
}
