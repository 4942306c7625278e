package io.score4j.fused;

import io.score4j.Parallelism;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * First-order training objectives of a {@link DeepMlp} in one fused forward and backward pass: the mean
 * loss of a batch and its gradient with respect to every weight and bias. The losses, and their randomness,
 * are those of the generic objectives in {@code io.score4j.objective} (which this package may not import):
 * <ul>
 *   <li>denoising at σ: ℓ = ½‖σ·net(x + σz) + z‖², z_j = {@code Draw.normalAt(key.child(b), j)} for batch row b;</li>
 *   <li>noise-conditional over a ladder σ₁ &gt; … &gt; σ_L: ℓ = ½‖net([x + σ_i z, log σ_i]) + z‖², with
 *       z_j = {@code Draw.normalAt(key.child(0).child(b), j)} and i = min(L − 1, ⌊L·key.child(1).uniform(b)⌋).</li>
 * </ul>
 * The noised input is formed in double and rounded to float, as the generic path does.
 * {@link #timeConditional} (SDE denoising score matching) takes its inputs [x_t, e(t)] and noises z already
 * drawn by the caller (the generic objective's draws), so both paths see the same rows.
 *
 * <p>Backward pass per chunk of {@link #CHUNK} rows: δ_L = ∂ℓ/∂y / n, then for each layer l from the top
 * ∂W_l += a_{l−1}ᵀ·δ_l and ∂b_l += Σ_rows δ_l (sums in row order), δ_{l−1} = (δ_l·W_lᵀ) ⊙ σ'(h_{l−1}).
 * Chunks are spread over threads and their partial sums added in chunk order, so the bits depend on
 * neither the thread count nor the vector width.
 */
public final class DeepLoss {
    /** Examples per chunk: fixed, so results do not depend on the thread count. */
    public static final int CHUNK = 128;

    private DeepLoss() {}

    /** Denoising score matching at {@code sigma} (finite, &gt; 0) of rows [0, n) of {@code batch} ([n, D], D = n₀ = n_L). */
    public static LossAndGrad denoising(DeepMlp net, float[] batch, int n, double sigma, Key key,
                                            Parallelism parallelism) {
        if (net.width[0] != net.width[net.layers]) {
            throw new IllegalArgumentException("denoising needs a network [D, …, D], got " + net.spec);
        }
        checkSigma(sigma);
        return run(net, batch, n, key, parallelism, new double[] {sigma}, false);
    }

    /** Noise-conditional score matching over {@code sigmas} of rows [0, n) of {@code batch} ([n, D], n₀ = D + 1, n_L = D). */
    public static LossAndGrad noiseConditional(DeepMlp net, float[] batch, int n, double[] sigmas, Key key,
                                                   Parallelism parallelism) {
        if (net.width[0] != net.width[net.layers] + 1) {
            throw new IllegalArgumentException("noise-conditional needs a network [D + 1, …, D], got " + net.spec);
        }
        if (sigmas.length == 0) {
            throw new IllegalArgumentException("sigmas must hold at least one level");
        }
        for (double s : sigmas) {
            checkSigma(s);
        }
        return run(net, batch, n, key, parallelism, sigmas.clone(), true);
    }

    /**
     * Time-conditioned (SDE) denoising score matching on rows the caller drew: ℓ_b = c·½‖net(in_b) + z_b‖², the
     * mean over b ∈ [0, n) and its gradient. The target of net is −z.
     *
     * @param inputs [n, n₀] network inputs [x_t, e(t)], n₀ = D + E (rounded to float by the caller; not modified)
     * @param z      [n, D] the standard normals that made x_t (not modified)
     * @param factor the constant loss factor c (1, or Z of the likelihood weighting), finite and &gt; 0
     */
    public static LossAndGrad timeConditional(DeepMlp net, float[] inputs, double[] z, int n, double factor,
                                              Parallelism parallelism) {
        return timeConditional(net, inputs, z, null, n, factor, parallelism);
    }

    /**
     * As {@link #timeConditional(DeepMlp, float[], double[], int, double, Parallelism)} with a weight per squared
     * term: ℓ_b = c·½ Σ_k w_bk (net(in_b)_k + z_bk)² ({@code weights} [n, D], 0 for a masked entry; null: all 1).
     */
    public static LossAndGrad timeConditional(DeepMlp net, float[] inputs, double[] z, double[] weights, int n,
                                              double factor, Parallelism parallelism) {
        int d = net.width[net.layers];
        int n0 = net.width[0];
        if (n0 <= d) {
            throw new IllegalArgumentException("time conditioning needs a network [D + E, …, D], got " + net.spec);
        }
        if (n < 1 || (long) n * n0 > inputs.length || (long) n * d > z.length) {
            throw new IllegalArgumentException("inputs of length " + inputs.length + " and z of length " + z.length
                    + " cannot hold n=" + n + " rows of " + n0 + " and " + d);
        }
        checkSigma(factor);
        if (weights != null && (long) n * d > weights.length) {
            throw new IllegalArgumentException("weights of length " + weights.length + " cannot hold n=" + n + " rows of " + d);
        }
        return chunked(net, n, parallelism, (from, to, partials, at, offsets) ->
                targetChunk(net, inputs, z, weights, from, to, n, factor, partials, at, offsets));
    }

    /** Loss sum of rows [from, to) of ℓ = c·½Σ w(net(in) + z)² and their gradient sums into partials[at, at + size). */
    private static double targetChunk(DeepMlp net, float[] inputs, double[] z, double[] weights, int from, int to,
                                      int n, double factor, float[] partials, int at, int[] offsets) {
        int rows = to - from;
        int d = net.width[net.layers];
        int n0 = net.width[0];
        Workspace ws = Workspace.of(net, rows, false);
        float[] in = ws.in;
        System.arraycopy(inputs, from * n0, in, 0, rows * n0);
        float[] y = net.forward(in, rows, ws.act, ws.d1, null);
        int p = net.pad[net.layers];
        float[] delta = DeepScratch.floats(DeepScratch.DELTA, rows * p);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            Arrays.fill(delta, r * p + d, (r + 1) * p, 0f);
            for (int k = 0; k < d; k++) {
                double w = weights == null ? 1 : weights[(from + r) * d + k];
                double res = y[r * p + k] + z[(from + r) * d + k];
                loss += 0.5 * factor * w * res * res;
                delta[r * p + k] = (float) (factor * w * res / n);
            }
        }
        backward(net, in, rows, ws, delta, null, partials, at, offsets);
        return loss;
    }

    private static void checkSigma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
    }

    private static LossAndGrad run(DeepMlp net, float[] batch, int n, Key key, Parallelism parallelism,
                                       double[] sigmas, boolean conditional) {
        if (key == null) {
            throw new IllegalArgumentException("the fused denoising objectives need a key");
        }
        return run(net, batch, n, parallelism, (from, to, partials, at, offsets) ->
                chunk(net, batch, from, to, n, key, sigmas, conditional, partials, at, offsets));
    }

    /** One chunk's work: the loss sum of batch rows [from, to) and their gradient sums added into partials[at, …) (zero on entry). */
    @FunctionalInterface
    interface ChunkPass {
        double run(int from, int to, float[] partials, int at, int[] offsets);
    }

    /**
     * Cuts rows [0, n) into chunks of {@link #CHUNK}, runs {@code pass} on each (spread over threads, each
     * chunk writing its own zeroed partial), adds the partials in chunk order and returns the mean loss and
     * the gradient.
     */
    static LossAndGrad run(DeepMlp net, float[] batch, int n, Parallelism parallelism, ChunkPass pass) {
        int d = net.width[net.layers];
        if (n < 1 || (long) n * d > batch.length) {
            throw new IllegalArgumentException("batch of length " + batch.length + " cannot hold n=" + n + " rows of " + d);
        }
        return chunked(net, n, parallelism, pass);
    }

    /** {@link #run} without the batch check. */
    private static LossAndGrad chunked(DeepMlp net, int n, Parallelism parallelism, ChunkPass pass) {
        int[] offsets = offsets(net);
        int size = offsets[net.layers];
        int chunks = (n + CHUNK - 1) / CHUNK;
        float[] partials = new float[chunks * size];
        double[] losses = new double[chunks];
        parallelism.forEach(chunks, c -> {
            int from = c * CHUNK;
            losses[c] = pass.run(from, Math.min(n, from + CHUNK), partials, c * size, offsets);
        });
        double loss = 0;
        for (int c = 1; c < chunks; c++) {
            net.kernels.add(partials, c * size, partials, 0, size);
        }
        for (double l : losses) {
            loss += l;
        }
        return new LossAndGrad(loss / n, toParams(net, partials, offsets));
    }

    /** Start of layer l's gradient (weights [n_l][pad[l+1]], then bias [pad[l+1]]) in a partial; [L] = total. */
    static int[] offsets(DeepMlp net) {
        int[] o = new int[net.layers + 1];
        for (int l = 0; l < net.layers; l++) {
            o[l + 1] = o[l] + (net.width[l] + 1) * net.pad[l + 1];
        }
        return o;
    }

    /** Loss sum of rows [from, to) and their gradient sums into partials[at, at + size). */
    private static double chunk(DeepMlp net, float[] batch, int from, int to, int n, Key key, double[] sigmas,
                                boolean conditional, float[] partials, int at, int[] offsets) {
        int rows = to - from;
        int layers = net.layers;
        int d = net.width[layers];
        int n0 = net.width[0];
        Workspace ws = Workspace.of(net, rows, false);
        float[] in = ws.in;
        double[] z = new double[rows * d];
        double[] scale = new double[rows];
        for (int r = 0; r < rows; r++) {
            int b = from + r;
            double sigma = sigmas[0];
            Key kz = key.child(b);
            if (conditional) {
                int level = Math.min(sigmas.length - 1, (int) (key.child(1).uniform(b) * sigmas.length));
                sigma = sigmas[level];
                kz = key.child(0).child(b);
                in[r * n0 + d] = (float) Math.log(sigma);
            }
            scale[r] = conditional ? 1.0 : sigma;
            for (int j = 0; j < d; j++) {
                z[r * d + j] = Draw.normalAt(kz, j);
                in[r * n0 + j] = (float) (batch[b * d + j] + sigma * z[r * d + j]);
            }
        }
        float[] y = net.forward(in, rows, ws.act, ws.d1, null);
        int p = net.pad[layers];
        float[] delta = DeepScratch.floats(DeepScratch.DELTA, rows * p);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            Arrays.fill(delta, r * p + d, (r + 1) * p, 0f);
            for (int k = 0; k < d; k++) {
                double res = scale[r] * y[r * p + k] + z[r * d + k];
                loss += 0.5 * res * res;
                delta[r * p + k] = (float) (scale[r] * res / n);
            }
        }
        backward(net, in, rows, ws, delta, null, partials, at, offsets);
        return loss;
    }

    /**
     * The primal backward pass from output deltas {@code delta} ([rows, pad[L]], may be overwritten): adds
     * every layer's weight and bias gradient into partials (at + offsets[l]); δ_{i} = (δ_{i+1}·Wᵀ) ⊙ σ'(h_i)
     * + extra[i] for hidden layer i, where extra (per hidden layer, [rows, pad]) may be null.
     */
    static void backward(DeepMlp net, float[] in, int rows, Workspace ws, float[] delta, float[][] extra,
                         float[] partials, int at, int[] offsets) {
        DeepKernels k = net.kernels;
        int buffer = 0;
        for (int l = net.layers - 1; l >= 0; l--) {
            int p = net.pad[l + 1];
            float[] a = l == 0 ? in : ws.act[l - 1];
            int as = net.pad[l];
            int wAt = at + offsets[l];
            int bAt = wAt + net.width[l] * p;
            k.accumulateOuter(a, 0, as, net.width[l], rows, delta, 0, p, p, partials, wAt, p);
            k.sumRows(delta, 0, p, rows, p, partials, bAt);
            if (l > 0) {
                buffer ^= 1;
                float[] next = DeepScratch.floats(DeepScratch.DELTA + buffer, rows * as);
                k.affine(delta, 0, p, net.width[l + 1], rows, net.wt[l], as, null, ws.d1[l - 1], next, 0, as, as);
                if (extra != null) {
                    float[] e = extra[l - 1];
                    for (int i = 0; i < rows * as; i++) {
                        next[i] += e[i];
                    }
                }
                delta = next;
            }
        }
    }

    /** Per-thread chunk buffers: input tile, and per hidden layer activations, σ' and (when asked) σ''. */
    static final class Workspace {
        private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);
        float[] in = new float[0];
        float[][] act = new float[0][];
        float[][] d1 = new float[0][];
        float[][] d2 = new float[0][];

        /** This thread's workspace sized for {@code rows} rows of {@code net} (contents arbitrary). */
        static Workspace of(DeepMlp net, int rows, boolean second) {
            Workspace w = LOCAL.get();
            int hidden = net.layers - 1;
            w.in = grow(w.in, rows * net.width[0]);
            w.act = ensure(w.act, hidden);
            w.d1 = ensure(w.d1, hidden);
            w.d2 = ensure(w.d2, hidden);
            for (int i = 0; i < hidden; i++) {
                int size = rows * net.pad[i + 1];
                w.act[i] = grow(w.act[i], size);
                w.d1[i] = grow(w.d1[i], size);
                if (second) {
                    w.d2[i] = grow(w.d2[i], size);
                }
            }
            return w;
        }

        private static float[][] ensure(float[][] a, int n) {
            return a.length >= n ? a : Arrays.copyOf(a, n);
        }

        private static float[] grow(float[] a, int n) {
            return a != null && a.length >= n ? a : new float[Math.max(n, 1)];
        }
    }

    /** The summed partial (padded layout at offset 0) as F32 parameters with the spec's names and shapes. */
    private static Params toParams(DeepMlp net, float[] g, int[] offsets) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int l = 0; l < net.layers; l++) {
            int in = net.width[l];
            int out = net.width[l + 1];
            int p = net.pad[l + 1];
            float[] wg = new float[in * out];
            for (int j = 0; j < in; j++) {
                System.arraycopy(g, offsets[l] + j * p, wg, j * out, out);
            }
            m.put(MlpSpec.weightName(l), Tensor.wrap(wg, in, out));
            m.put(MlpSpec.biasName(l), Tensor.wrap(Arrays.copyOfRange(g, offsets[l] + in * p, offsets[l] + in * p + out), out));
        }
        return Params.of(m);
    }
}
