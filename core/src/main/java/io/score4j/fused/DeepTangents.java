package io.score4j.fused;

/**
 * Forward-mode directional derivatives through a {@link DeepMlp}, fused into its forward pass: for M
 * directions v_q of the first D inputs (the remaining inputs, e.g. a time embedding, have tangent 0) the
 * tangents propagate layer by layer as
 *
 * <pre>  T_1 = (v_q·W_1[0:D, :]) ⊙ σ'(h_1),   T_l = (T_{l−1}·W_l) ⊙ σ'(h_l),   J v_q = T_{L−1}·W_L,</pre>
 *
 * each one call of the register-blocked {@link DeepKernels#affine} over the tile's M·n tangent rows (row
 * r·M + q), with σ'(h_l) from the forward pass (replicated per direction) as the fused scale. The result per
 * row is Σ_q v_qᵀ (∂net/∂x) v_q (the exact trace when the v_q are the D unit vectors), the sum over q in
 * double. Cost: the forward pass plus M·(D·n₁ + Σ_{l=2}^{L−1} n_{l−1}·n_l + n_{L−1}·pad(n_L)) multiply-adds per
 * row. Per-thread scratch; thread-safe for concurrent calls.
 */
final class DeepTangents {
    /** Upper bound on tangent rows (M·n) of one tile, to keep a tangent block in L2. */
    private static final int TANGENT_ROWS = 512;

    private static final ThreadLocal<DeepTangents> LOCAL = ThreadLocal.withInitial(DeepTangents::new);

    private float[][] d1 = new float[0][];
    private float[] rep = new float[0];
    private float[] tanA = new float[0];
    private float[] tanB = new float[0];
    private float[] dirs = new float[0];
    private float[] in = new float[0];

    private DeepTangents() {}

    /**
     * y = net(x) and tr[r] = Σ_q v_qᵀ (∂net/∂x) v_q for rows [0, rows) of {@code x} ([rows, n₀]), directions
     * {@code v} ([rows, M, D], row r's direction q at (r·M + q)·D). Writes y ([rows, n_L]) and tr[0, rows).
     */
    static void apply(DeepMlp net, float[] x, int rows, float[] v, int m, float[] y, double[] tr) {
        LOCAL.get().run(net, x, rows, v, m, y, tr);
    }

    private void run(DeepMlp net, float[] x, int rows, float[] v, int m, float[] y, double[] tr) {
        int layers = net.layers;
        int n0 = net.width[0];
        int dOut = net.width[layers];
        int tile = Math.max(1, Math.min(DeepMlp.TILE, TANGENT_ROWS / m));
        int maxPad = 0;
        for (int l = 1; l <= layers; l++) {
            maxPad = Math.max(maxPad, net.pad[l]);
        }
        ensure(layers - 1, tile, m, maxPad, n0, dOut);
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int n = Math.min(tile, rows - r0);
            System.arraycopy(x, r0 * n0, in, 0, n * n0);
            float[] out = net.forward(in, n, null, d1, null);
            int p = net.pad[layers];
            for (int r = 0; r < n; r++) {
                System.arraycopy(out, r * p, y, (r0 + r) * dOut, dOut);
            }
            System.arraycopy(v, r0 * m * dOut, dirs, 0, n * m * dOut);
            float[] t = tangents(net, n, m);
            for (int r = 0; r < n; r++) {
                double sum = 0;
                for (int q = 0; q < m; q++) {
                    int row = r * m + q;
                    float dot = 0f;
                    for (int j = 0; j < dOut; j++) {
                        dot = Math.fma(dirs[row * dOut + j], t[row * p + j], dot);
                    }
                    sum += dot;
                }
                tr[r0 + r] = sum;
            }
        }
    }

    /** The tangents J v of the tile's n·m direction rows, [n·m, pad[L]] (scratch). */
    private float[] tangents(DeepMlp net, int n, int m) {
        int dOut = net.width[net.layers];
        float[] cur = dirs;
        int curStride = dOut;
        int curCols = dOut;
        float[] next = tanA;
        for (int l = 0; l < net.layers; l++) {
            int p = net.pad[l + 1];
            boolean hidden = l < net.layers - 1;
            float[] scale = null;
            if (hidden) {
                for (int r = 0; r < n; r++) {
                    for (int q = 0; q < m; q++) {
                        System.arraycopy(d1[l], r * p, rep, (r * m + q) * p, p);
                    }
                }
                scale = rep;
            }
            net.kernels.affine(cur, 0, curStride, curCols, n * m, net.w[l], p, null, scale, next, 0, p, p);
            cur = next;
            curStride = p;
            curCols = net.width[l + 1];
            next = next == tanA ? tanB : tanA;
        }
        return cur;
    }

    private void ensure(int hidden, int tile, int m, int maxPad, int n0, int dOut) {
        if (d1.length < hidden) {
            d1 = new float[hidden][0];
        }
        for (int l = 0; l < hidden; l++) {
            if (d1[l].length < tile * maxPad) {
                d1[l] = new float[tile * maxPad];
            }
        }
        int t = tile * m * maxPad;
        if (rep.length < t) {
            rep = new float[t];
            tanA = new float[t];
            tanB = new float[t];
        }
        if (dirs.length < tile * m * dOut) {
            dirs = new float[tile * m * dOut];
        }
        if (in.length < tile * n0) {
            in = new float[tile * n0];
        }
    }
}
