package io.score4j.fused;

import io.score4j.tensor.simd.MathProvider;

/** Forward score evaluation s(x) = σ(x·W1 + b1)·W2 + b2 in tiles of rows kept in per-thread scratch. */
final class ScorePass {
    private ScorePass() {}

    /** Writes s(x) for rows [offset, offset + rows) of x into the same rows of out; uses {@link Scratch#A}. */
    static void score(FusedMlp net, MathProvider m, float[] x, int offset, int rows, float[] out) {
        int d = net.dim();
        int h = net.hidden();
        int t = net.tileRows();
        float[] a = Scratch.floats(Scratch.A, t * h);
        for (int r0 = offset; r0 < offset + rows; r0 += t) {
            int n = Math.min(t, offset + rows - r0);
            m.affineRows(x, r0 * d, n, d, net.w1, net.b1, a, 0, h);
            m.apply(net.nonlinearity, a, a, 0, n * h);
            m.rowDots(a, 0, n, net.w2t, 0, d, h, out, r0 * d);
            for (int i = r0 * d; i < (r0 + n) * d; i++) {
                out[i] += net.b2[i % d];
            }
        }
    }
}
