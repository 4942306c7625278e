package io.score4j.objective;

import io.score4j.Parallelism;
import io.score4j.autodiff.Var;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * Noise-conditional score matching (NCSN, Song &amp; Ermon 2019) over a {@link NoiseLadder}
 * σ₁ &gt; σ₂ &gt; … &gt; σ_L, for any dimension D and MLP depth. The network takes D + 1 inputs and
 * gives D outputs; the score at noise level σ is
 *
 * <pre>  s(x̃, σ) = net([x̃, log σ]) / σ</pre>
 *
 * (as {@code io.score4j.train.ModelScores.noiseConditional} evaluates it). Each example draws a
 * level i uniformly from {1 … L} and z ~ N(0, I_D); with x̃ = x + σ_i z the per-example loss is
 *
 * <pre>  ℓ(θ; x) = ½ ‖net([x̃, log σ_i]) + z‖² = σ_i² · ½ ‖s(x̃, σ_i) + z/σ_i‖²</pre>
 *
 * i.e. denoising score matching at σ_i with the weighting λ(σ) = σ², which makes every level's
 * term O(D). The batch loss is the mean over the batch, an unbiased estimate of
 * (1/L) Σ_i λ(σ_i) E ½‖s(x̃, σ_i) − ∇ log N(x̃; x, σ_i²I)‖².
 *
 * <p>Randomness: for batch row b, z_j = {@code Draw.normalAt(key.child(0).child(b), j)} and the
 * level index is ⌊L·u⌋ with u = {@code key.child(1).uniform(b)}: a pure function of the key and b.
 */
public final class NoiseConditionalScoreMatching implements Objective {
    private final NoiseLadder ladder;
    private final double[] sigmas;

    /** @param ladder the noise ladder σ₁ &gt; … &gt; σ_L */
    public NoiseConditionalScoreMatching(NoiseLadder ladder) {
        this.ladder = Objects.requireNonNull(ladder, "ladder");
        this.sigmas = ladder.sigmas();
    }

    /** The noise ladder. */
    public NoiseLadder ladder() {
        return ladder;
    }

    /**
     * The per-example losses of rows [first, first + B) of {@code x} ([B, D], a constant) as a
     * graph of shape [B] over {@code params}; {@code spec} has d_in = D + 1, d_out = D.
     */
    public Var perExampleLoss(MlpSpec spec, Map<String, Var> params, Tensor x, Key key, int first) {
        int b = x.dim(0);
        int d = x.dim(1);
        double[] xs = x.toDoubleArray();
        double[] z = noise(key, first, b, d);
        double[] in = new double[b * (d + 1)];
        for (int r = 0; r < b; r++) {
            double sigma = sigmas[level(key, first + r)];
            for (int j = 0; j < d; j++) {
                in[r * (d + 1) + j] = xs[r * d + j] + sigma * z[r * d + j];
            }
            in[r * (d + 1) + d] = StrictMath.log(sigma);
        }
        Var out = MlpModel.apply(spec, params, Var.leaf(Tensor.wrap(in, b, d + 1).astype(x.dtype())));
        return out.add(Var.leaf(Tensor.wrap(z, b, d).astype(x.dtype()))).square().sum(1).mul(0.5);
    }

    /** The level index i ∈ [0, L) of the example at batch index {@code b} (0 is the largest σ). */
    int level(Key key, int b) {
        double u = Evaluation.require(key, "noise-conditional score matching").child(1).uniform(b);
        return Math.min(sigmas.length - 1, (int) (u * sigmas.length));
    }

    /** The standard normals z [rows, D] (flat) of batch rows [first, first + rows). */
    static double[] noise(Key key, int first, int rows, int dim) {
        return Evaluation.normalRows(Evaluation.require(key, "noise-conditional score matching").child(0),
                first, rows, dim);
    }

    @Override
    public double loss(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 1);
        return Evaluation.loss(rowLoss(spec), params, batch, key, parallelism);
    }

    @Override
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 1);
        return Evaluation.lossAndGrad(rowLoss(spec), params, batch, key, parallelism);
    }

    @Override
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 1);
        return Evaluation.perExample(rowLoss(spec), params, batch, key, parallelism);
    }

    private RowLoss rowLoss(MlpSpec spec) {
        return (p, rows, key, first) -> perExampleLoss(spec, p, rows, key, first);
    }

    @Override
    public String toString() {
        return "NoiseConditionalScoreMatching[L=" + ladder.levels() + ", sigma " + ladder.sigmaMax() + " .. "
                + ladder.sigmaMin() + "]";
    }
}
