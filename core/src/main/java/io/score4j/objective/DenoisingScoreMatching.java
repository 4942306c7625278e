package io.score4j.objective;

import io.score4j.Parallelism;
import io.score4j.autodiff.Var;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Map;

/**
 * Denoising score matching (Vincent 2011) with one noise level σ, for any dimension D and MLP
 * depth. Per example, with z ~ N(0, I_D) and x̃ = x + σz,
 *
 * <pre>  ℓ(θ; x) = ½ ‖σ·s(x̃) + z‖² = σ² · ½ ‖s(x̃) − ∇ log N(x̃; x, σ²I)‖²</pre>
 *
 * and the batch loss is the mean over the batch. The σ² weighting keeps the loss O(D) whatever σ.
 * Its minimiser is the score of the noised data, s*(x̃) = ∇ log (p ∗ N(0, σ²I))(x̃); for data
 * N(μ, Σ) that is −(Σ + σ²I)⁻¹(x̃ − μ). No derivative with respect to x is taken: the cost is one
 * forward and one backward pass.
 *
 * <p>Randomness: z for batch row b is {@code Draw.normalAt(key.child(b), j)}, j = 0 … D−1, so an
 * example's noise depends only on the key and its batch index.
 */
public final class DenoisingScoreMatching implements Objective {
    private final double sigma;

    /** @param sigma the noise standard deviation σ, finite and &gt; 0 */
    public DenoisingScoreMatching(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        this.sigma = sigma;
    }

    public double sigma() {
        return sigma;
    }

    /**
     * The per-example losses of rows [first, first + B) of {@code x} ([B, D], a constant) as a
     * graph of shape [B] over {@code params}.
     */
    public Var perExampleLoss(MlpSpec spec, Map<String, Var> params, Tensor x, Key key, int first) {
        int b = x.dim(0);
        int d = x.dim(1);
        double[] z = noise(key, first, b, d);
        double[] noised = x.toDoubleArray();
        for (int i = 0; i < noised.length; i++) {
            noised[i] += sigma * z[i];
        }
        Var s = MlpModel.apply(spec, params, Var.leaf(Tensor.wrap(noised, b, d).astype(x.dtype())));
        Var residual = s.mul(sigma).add(Var.leaf(Tensor.wrap(z, b, d).astype(x.dtype())));
        return residual.square().sum(1).mul(0.5);
    }

    /** The standard normals z [rows, D] (flat) of batch rows [first, first + rows). */
    static double[] noise(Key key, int first, int rows, int dim) {
        return Evaluation.normalRows(Evaluation.require(key, "denoising score matching"), first, rows, dim);
    }

    @Override
    public double loss(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 0);
        return Evaluation.loss(rowLoss(spec), params, batch, key, parallelism);
    }

    @Override
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 0);
        return Evaluation.lossAndGrad(rowLoss(spec), params, batch, key, parallelism);
    }

    @Override
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 0);
        return Evaluation.perExample(rowLoss(spec), params, batch, key, parallelism);
    }

    private RowLoss rowLoss(MlpSpec spec) {
        return (p, rows, key, first) -> perExampleLoss(spec, p, rows, key, first);
    }

    @Override
    public String toString() {
        return "DenoisingScoreMatching[sigma=" + sigma + "]";
    }
}
