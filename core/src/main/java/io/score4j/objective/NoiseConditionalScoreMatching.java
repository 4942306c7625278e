package io.score4j.objective;

import io.score4j.autodiff.Var;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Noise-conditional score matching (NCSN, Song &amp; Ermon 2019) over a noise ladder
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
    /** Rows over which {@link #dataSigmaMax} takes the diameter exactly. */
    public static final int DIAMETER_ROWS = 4096;

    private final double[] sigmas;

    /** @param sigmas the ladder σ₁ &gt; … &gt; σ_L: at least one level, finite, positive, strictly decreasing */
    public NoiseConditionalScoreMatching(double[] sigmas) {
        if (sigmas == null || sigmas.length == 0) {
            throw new IllegalArgumentException("sigmas must hold at least one level, got "
                    + (sigmas == null ? "null" : "none"));
        }
        for (int i = 0; i < sigmas.length; i++) {
            boolean ok = sigmas[i] > 0 && Double.isFinite(sigmas[i]) && (i == 0 || sigmas[i] < sigmas[i - 1]);
            if (!ok) {
                throw new IllegalArgumentException("sigmas must be finite, positive and strictly decreasing, got "
                        + Arrays.toString(sigmas));
            }
        }
        this.sigmas = sigmas.clone();
    }

    /** The ladder σ₁ … σ_L (a copy). */
    public double[] sigmas() {
        return sigmas.clone();
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

    /**
     * The data-derived σ₁ of Song &amp; Ermon (2020), Technique 1: the largest Euclidean distance
     * between two points of {@code data} (flat [n, d], not modified). Exact for n ≤
     * {@value #DIAMETER_ROWS}; for larger n it is taken over {@value #DIAMETER_ROWS} evenly spaced
     * rows (row ⌊k·n/{@value #DIAMETER_ROWS}⌋), a lower bound that keeps the cost O(d) · 8·10⁶.
     *
     * @return the diameter, 0 for a single point (or identical points)
     */
    public static double dataSigmaMax(float[] data, int n, int d) {
        if (n < 1 || d < 1 || data.length < (long) n * d) {
            throw new IllegalArgumentException("data must hold n >= 1 rows of d >= 1 values, got n=" + n + ", d=" + d
                    + ", length " + data.length);
        }
        int m = Math.min(n, DIAMETER_ROWS);
        double[] rows = new double[m * d];
        for (int k = 0; k < m; k++) {
            int src = (int) ((long) k * n / m);
            for (int j = 0; j < d; j++) {
                rows[k * d + j] = data[src * d + j];
            }
        }
        double best = 0;
        for (int a = 0; a < m; a++) {
            for (int c = a + 1; c < m; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = rows[a * d + j] - rows[c * d + j];
                    s += t * t;
                }
                best = Math.max(best, s);
            }
        }
        return Math.sqrt(best);
    }

    @Override
    public double loss(MlpSpec spec, Params params, Tensor batch, Key key) {
        Evaluation.check(spec, params, batch, 1);
        return Evaluation.loss(rowLoss(spec), params, batch, key);
    }

    @Override
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key) {
        Evaluation.check(spec, params, batch, 1);
        return Evaluation.lossAndGrad(rowLoss(spec), params, batch, key);
    }

    @Override
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key) {
        Evaluation.check(spec, params, batch, 1);
        return Evaluation.perExample(rowLoss(spec), params, batch, key);
    }

    private RowLoss rowLoss(MlpSpec spec) {
        return (p, rows, key, first) -> perExampleLoss(spec, p, rows, key, first);
    }

    @Override
    public String toString() {
        return "NoiseConditionalScoreMatching[L=" + sigmas.length + ", sigma " + sigmas[0] + " .. "
                + sigmas[sigmas.length - 1] + "]";
    }
}
