package io.score4j.objective;

import io.score4j.Parallelism;
import io.score4j.autodiff.Var;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.Sde;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * Continuous-time denoising score matching on a score SDE (Song et al. 2021, eq. 7), for any dimension D and
 * MLP depth. The network takes D + E inputs, [x, e(t)] with e an E-dimensional time embedding, and gives D
 * outputs; the score is s(x, t) = net([x, e(t)]) / σ(t) (as {@code Conditioning.Time} evaluates it). Each
 * example draws t ∈ [ε, 1] by its {@link TimeWeighting} and z ~ N(0, I_D); with x_t = m(t)·x + σ(t)·z (the
 * SDE's perturbation kernel) the per-example loss is
 *
 * <pre>  ℓ(θ; x) = c · ½ ‖net([x_t, e(t)]) + z‖² = c · σ(t)² · ½ ‖s(x_t, t) − ∇log p_{0t}(x_t | x)‖²</pre>
 *
 * with c = 1 for λ(t) = σ(t)² (t uniform) and c = Z for the likelihood weighting λ(t) = g(t)² (t importance
 * sampled ∝ g²/σ², see {@link TimeWeighting}). The batch mean is an unbiased estimate of
 * E_t λ(t)/p(t) · E ½‖s(x_t, t) − ∇log p_{0t}(x_t | x)‖², minimised by the perturbed data score ∇log p_t.
 *
 * <p><b>Masked entries</b> ({@link #masked}): for a table whose rows have gaps, coordinate j of a row is not
 * observed when its gap indicator, coordinate {@code maskedBy[j]}, is positive (+1 = gap); its term of the
 * squared norm then has weight 0, so a gap's fill value never serves as a target (its input still carries the
 * fill, which the other coordinates see):
 * <pre>  ℓ(θ; x) = c · ½ Σ_j w_j (net([x_t, e(t)])_j + z_j)²,   w_j = 0 where masked, else 1.</pre>
 *
 * <p>Randomness, a pure function of the key and the batch row b: z_j = {@code Draw.normalAt(key.child(0).child(b), j)}
 * and t = weighting.time(u) with u = {@code key.child(1).uniform(b)}. {@link #draws} computes them once for
 * both this generic path and the fused kernel.
 */
public final class SdeScoreMatching implements Objective {
    /** Writes e(t) into {@code out[off, off + E)} (a {@code TimeEmbedding::embed}, which this package cannot name). */
    @FunctionalInterface
    public interface Embedder {
        void embed(double t, float[] out, int off);
    }

    /**
     * The noised rows of a batch: inputs [rows, D + E] = [x_t, e(t)] (x_t in double, e(t) as floats widened),
     * z [rows, D], times [rows], the constant loss factor c, and the weights w [rows, D] of each squared term
     * (null: all 1, nothing masked).
     */
    public record Draws(double[] inputs, double[] z, double[] times, double factor, double[] weights) {}

    private final Sde sde;
    private final TimeWeighting weighting;
    private final double eps;
    private final int embeddingSize;
    private final Embedder embedder;
    private final double factor;
    private final int[] maskedBy;

    /**
     * @param eps           the smallest time ε, in (0, 1)
     * @param embeddingSize E ≥ 1, the width {@code embedder} writes
     */
    public SdeScoreMatching(Sde sde, TimeWeighting weighting, double eps, int embeddingSize, Embedder embedder) {
        this(sde, weighting, eps, embeddingSize, embedder, null);
    }

    private SdeScoreMatching(Sde sde, TimeWeighting weighting, double eps, int embeddingSize, Embedder embedder,
                             int[] maskedBy) {
        this.maskedBy = maskedBy;
        this.sde = Objects.requireNonNull(sde, "sde");
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must be in (0, 1), got " + eps);
        }
        if (embeddingSize < 1) {
            throw new IllegalArgumentException("the embedding size must be >= 1, got " + embeddingSize);
        }
        this.eps = eps;
        this.embeddingSize = embeddingSize;
        this.factor = weighting.factor(sde, eps);
    }

    public Sde sde() {
        return sde;
    }

    /**
     * This objective with masked entries: coordinate j of a row is left out of the loss where the row's coordinate
     * {@code maskedBy[j]} (its gap indicator) is &gt; 0; {@code maskedBy[j]} = −1 for a coordinate that is always
     * observed. All −1, or null: this objective unchanged.
     *
     * @param maskedBy length D, entries −1 or in [0, D) and never themselves masked; copied
     */
    public SdeScoreMatching masked(int[] maskedBy) {
        if (maskedBy == null || java.util.Arrays.stream(maskedBy).allMatch(j -> j < 0)) {
            return new SdeScoreMatching(sde, weighting, eps, embeddingSize, embedder, null);
        }
        for (int j = 0; j < maskedBy.length; j++) {
            int k = maskedBy[j];
            if (k < -1 || k >= maskedBy.length || k == j || k >= 0 && maskedBy[k] >= 0) {
                throw new IllegalArgumentException("maskedBy[" + j + "] = " + k + " is not -1 or an unmasked coordinate");
            }
        }
        return new SdeScoreMatching(sde, weighting, eps, embeddingSize, embedder, maskedBy.clone());
    }

    /**
     * The draws of batch rows [first, first + rows) of {@code x} (flat [rows, d] from row {@code first}'s
     * position 0; not modified).
     */
    public Draws draws(double[] x, int d, Key key, int first, int rows) {
        Key k = Evaluation.require(key, "SDE denoising score matching");
        double[] z = Evaluation.normalRows(k.child(0), first, rows, d);
        int w = d + embeddingSize;
        double[] in = new double[rows * w];
        double[] times = new double[rows];
        float[] e = new float[embeddingSize];
        for (int r = 0; r < rows; r++) {
            double t = weighting.time(sde, eps, k.child(1).uniform(first + r));
            times[r] = t;
            double m = sde.meanCoefficient(t);
            double s = sde.marginalStd(t);
            for (int j = 0; j < d; j++) {
                in[r * w + j] = m * x[r * d + j] + s * z[r * d + j];
            }
            embedder.embed(t, e, 0);
            for (int j = 0; j < embeddingSize; j++) {
                in[r * w + d + j] = e[j];
            }
        }
        return new Draws(in, z, times, factor, weights(x, d, rows));
    }

    /** w [rows, D]: 0 where a row's entry is masked, else 1; null when this objective masks nothing. */
    private double[] weights(double[] x, int d, int rows) {
        if (maskedBy == null) {
            return null;
        }
        if (maskedBy.length != d) {
            throw new IllegalArgumentException("masked objective of D=" + maskedBy.length + " on rows of " + d);
        }
        double[] w = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                w[r * d + j] = maskedBy[j] >= 0 && x[r * d + maskedBy[j]] > 0 ? 0 : 1;
            }
        }
        return w;
    }

    /**
     * The per-example losses of rows [first, first + B) of {@code x} ([B, D], a constant) as a graph of shape
     * [B] over {@code params}; {@code spec} has d_in = D + E, d_out = D.
     */
    public Var perExampleLoss(MlpSpec spec, Map<String, Var> params, Tensor x, Key key, int first) {
        int b = x.dim(0);
        int d = x.dim(1);
        Draws dr = draws(x.toDoubleArray(), d, key, first, b);
        Var in = Var.leaf(Tensor.wrap(dr.inputs(), b, d + embeddingSize).astype(x.dtype()));
        Var out = MlpModel.apply(spec, params, in);
        Var residual = out.add(Var.leaf(Tensor.wrap(dr.z(), b, d).astype(x.dtype())));
        Var squares = residual.square();
        if (dr.weights() != null) {
            squares = squares.mul(Var.leaf(Tensor.wrap(dr.weights(), b, d).astype(x.dtype())));
        }
        return squares.sum(1).mul(0.5 * factor);
    }

    @Override
    public double loss(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, embeddingSize);
        return Evaluation.loss(rowLoss(spec), params, batch, key, parallelism);
    }

    @Override
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, embeddingSize);
        return Evaluation.lossAndGrad(rowLoss(spec), params, batch, key, parallelism);
    }

    @Override
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, embeddingSize);
        return Evaluation.perExample(rowLoss(spec), params, batch, key, parallelism);
    }

    private RowLoss rowLoss(MlpSpec spec) {
        return (p, rows, key, first) -> perExampleLoss(spec, p, rows, key, first);
    }

    @Override
    public String toString() {
        return "SdeScoreMatching[" + sde + ", " + weighting.id() + ", eps=" + eps + ", E=" + embeddingSize
                + (maskedBy == null ? "" : ", masked") + "]";
    }
}
