package io.score4j.fused;

import io.score4j.Parallelism;
import io.score4j.nn.LossAndGrad;
import io.score4j.random.Draw;
import io.score4j.random.Key;

/**
 * Sliced score matching of a {@link DeepMlp} [D, …, D] in one fused pass: the loss of
 * {@code io.score4j.objective.SlicedScoreMatching} (same projections) and its parameter gradient.
 * Per example, with M projections v_m:
 *
 * <pre>  plain:            ℓ = (1/M) Σ_m [ v_mᵀ J v_m + ½ (v_mᵀ s)² ]
 *  variance-reduced: ℓ = (1/M) Σ_m   v_mᵀ J v_m + ½ ‖s‖²</pre>
 *
 * where J v_m is a forward-mode tangent pass (ḣ_1 = v·W_1, ȧ = σ'(h) ⊙ ḣ, ḣ_{l+1} = ȧ·W_{l+1}, J v = ȧ·W_L)
 * and v_m component j for batch row b is ±1 from the sign of {@code key.child(b).bits(m·D + j)} (Rademacher)
 * or {@code Draw.normalAt(key.child(b), m·D + j)} (Gaussian).
 *
 * <p>Backward: for each m in order, the tangent pass is reversed (∂W_l += ȧ_{l−1}ᵀ δ̇_l, δ̇_{l−1} =
 * (δ̇_l W_lᵀ) ⊙ σ', and the primal picks up (δ̇_l W_lᵀ) ⊙ ḣ ⊙ σ'' per hidden layer); then the primal pass is
 * reversed with those extra terms. Sums run in fixed orders (rows, then m, then the primal), per chunk of
 * {@link DeepLoss#CHUNK} rows, so the bits depend on neither the thread count nor the vector width.
 */
public final class DeepSliced {
    private DeepSliced() {}

    /**
     * Mean sliced loss over rows [0, n) of {@code batch} ([n, D]) and its gradient.
     *
     * @param projections     M ≥ 1
     * @param gaussian        Gaussian projections (Rademacher otherwise)
     * @param varianceReduced the "sliced-vr" loss
     */
    public static LossAndGrad lossAndGradient(DeepMlp net, float[] batch, int n, int projections, boolean gaussian,
                                                  boolean varianceReduced, Key key, Parallelism parallelism) {
        if (net.width[0] != net.width[net.layers]) {
            throw new IllegalArgumentException("sliced score matching needs a network [D, …, D], got " + net.spec);
        }
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1, got " + projections);
        }
        if (key == null) {
            throw new IllegalArgumentException("sliced score matching needs a key");
        }
        return DeepLoss.run(net, batch, n, parallelism, (from, to, partials, at, offsets) ->
                chunk(net, batch, from, to, n, projections, gaussian, varianceReduced, key, partials, at, offsets));
    }

    private static double chunk(DeepMlp net, float[] batch, int from, int to, int n, int projections, boolean gaussian,
                                boolean vr, Key key, float[] partials, int at, int[] offsets) {
        int rows = to - from;
        int d = net.width[0];
        int hidden = net.layers - 1;
        int pd = net.pad[net.layers];
        DeepLoss.Workspace ws = DeepLoss.Workspace.of(net, rows, true);
        System.arraycopy(batch, from * d, ws.in, 0, rows * d);
        float[] s = net.forward(ws.in, rows, ws.act, ws.d1, ws.d2).clone();
        float[][] extra = new float[hidden][];
        for (int i = 0; i < hidden; i++) {
            extra[i] = new float[rows * net.pad[i + 1]];
        }
        float[] delta = new float[rows * pd];
        double loss = 0;
        double inv = 1.0 / ((double) projections * n);
        float[] v = new float[rows * d];
        for (int m = 0; m < projections; m++) {
            for (int r = 0; r < rows; r++) {
                Key kb = key.child(from + r);
                for (int j = 0; j < d; j++) {
                    long c = (long) m * d + j;
                    v[r * d + j] = gaussian ? (float) Draw.normalAt(kb, c) : kb.bits(c) < 0 ? -1f : 1f;
                }
            }
            loss += tangent(net, ws, v, s, rows, vr, inv, delta, extra, partials, at, offsets) / projections;
        }
        if (vr) {
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < d; k++) {
                    float sk = s[r * pd + k];
                    loss += 0.5 * sk * sk;
                    delta[r * pd + k] = (float) (sk / (double) n);
                }
            }
        }
        DeepLoss.backward(net, ws.in, rows, ws, delta, extra, partials, at, offsets);
        return loss;
    }

    /**
     * One projection: the tangent pass for directions v ([rows, D]), its loss terms (returned, summed over
     * rows, before the 1/M), the tangent backward pass into partials and extra, and the primal output delta
     * of the plain loss added into delta.
     */
    private static double tangent(DeepMlp net, DeepLoss.Workspace ws, float[] v, float[] s, int rows, boolean vr,
                                  double inv, float[] delta, float[][] extra, float[] partials, int at, int[] offsets) {
        int d = net.width[0];
        int pd = net.pad[net.layers];
        float[][] hdot = new float[net.layers - 1][];
        float[][] adot = new float[net.layers - 1][];
        float[] sdot = tangentForward(net, ws, v, rows, hdot, adot);
        float[] ddot = new float[rows * pd];
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double t = 0;
            double proj = 0;
            for (int j = 0; j < d; j++) {
                t += (double) v[r * d + j] * sdot[r * pd + j];
                proj += (double) v[r * d + j] * s[r * pd + j];
            }
            loss += vr ? t : t + 0.5 * proj * proj;
            for (int j = 0; j < d; j++) {
                ddot[r * pd + j] = (float) (v[r * d + j] * inv);
                if (!vr) {
                    delta[r * pd + j] += (float) (proj * v[r * d + j] * inv);
                }
            }
        }
        tangentBackward(net, ws, v, rows, hdot, adot, ddot, extra, partials, at, offsets);
        return loss;
    }

    /** J·v: fills ḣ (hdot) and ȧ (adot) per hidden layer ([rows, pad] each) and returns ṡ ([rows, pad[L]]). */
    private static float[] tangentForward(DeepMlp net, DeepLoss.Workspace ws, float[] v, int rows, float[][] hdot,
                                          float[][] adot) {
        DeepKernels k = net.kernels;
        float[] cur = v;
        int curStride = net.width[0];
        for (int l = 0; l < net.layers - 1; l++) {
            int p = net.pad[l + 1];
            hdot[l] = new float[rows * p];
            adot[l] = new float[rows * p];
            k.affine(cur, 0, curStride, net.width[l], rows, net.w[l], p, null, null, hdot[l], 0, p, p);
            float[] d1 = ws.d1[l];
            for (int i = 0; i < rows * p; i++) {
                adot[l][i] = hdot[l][i] * d1[i];
            }
            cur = adot[l];
            curStride = p;
        }
        int pd = net.pad[net.layers];
        float[] sdot = new float[rows * pd];
        k.affine(cur, 0, curStride, net.width[net.layers - 1], rows, net.w[net.layers - 1], pd, null, null, sdot, 0,
                pd, pd);
        return sdot;
    }

    /**
     * Reverses the tangent pass from ∂ℓ/∂ṡ = ddot: adds ȧ_{l−1}ᵀ δ̇_l to every weight gradient and
     * (δ̇_l W_lᵀ) ⊙ ḣ ⊙ σ'' to extra of each hidden layer.
     */
    private static void tangentBackward(DeepMlp net, DeepLoss.Workspace ws, float[] v, int rows, float[][] hdot,
                                        float[][] adot, float[] ddot, float[][] extra, float[] partials, int at,
                                        int[] offsets) {
        DeepKernels k = net.kernels;
        int d = net.width[0];
        for (int l = net.layers - 1; l >= 0; l--) {
            int p = net.pad[l + 1];
            float[] a = l == 0 ? v : adot[l - 1];
            int as = l == 0 ? d : net.pad[l];
            k.accumulateOuter(a, 0, as, net.width[l], rows, ddot, 0, p, p, partials, at + offsets[l], p);
            if (l > 0) {
                float[] g = new float[rows * as];
                k.affine(ddot, 0, p, net.width[l + 1], rows, net.wt[l], as, null, null, g, 0, as, as);
                float[] d1 = ws.d1[l - 1];
                float[] d2 = ws.d2[l - 1];
                float[] h = hdot[l - 1];
                float[] e = extra[l - 1];
                for (int i = 0; i < rows * as; i++) {
                    e[i] += g[i] * h[i] * d2[i];
                    g[i] = g[i] * d1[i];
                }
                ddot = g;
            }
        }
    }
}
