package io.score4j.train;

import io.score4j.InputException;
import io.score4j.noise.Sde;
import io.score4j.sampling.NoiseConditionalScoreFn;
import io.score4j.sampling.ScoreFn;
import io.score4j.tensor.Tensor;

/**
 * Score functions of a saved {@link ScoreModel}, by way of its {@link ScoreModel#network() ScoreNetwork}
 * (which chooses the kernel: {@link io.score4j.model.Kernel#scoring}). Scores are in the model's
 * standardised working space z = (x − mean) / std (which is the original space when the model was not
 * standardised). Convert results with {@link io.score4j.data.Standardizer#scoreToOriginal} when needed.
 */
public final class ModelScores {
    private ModelScores() {}

    /** s(z) of a plain (not noise-conditional) model; thread-safe for disjoint row ranges. */
    public static ScoreFn of(ScoreModel model) {
        if (model.noiseConditional()) {
            throw new IllegalArgumentException("model is noise-conditional; use noiseConditional(model)");
        }
        return model.network().score();
    }

    /** s(z, σ) = net([z, log σ]) / σ of a noise-conditional model. */
    public static NoiseConditionalScoreFn noiseConditional(ScoreModel model) {
        if (!model.noiseConditional()) {
            throw new IllegalArgumentException("model is not noise-conditional");
        }
        return model.network().noiseConditional();
    }

    /**
     * The learned score ∇ log p at {@code points} (flat [n, D], original units), in original units:
     * standardise, evaluate the network in float32, map back (s_x = s_z / std). A noise-conditional
     * model is evaluated at {@code sigma} (model units; its smallest σ when {@code null}); a plain model
     * has no σ input, so {@code sigma} must be {@code null}; a time-conditioned (dsm) model is evaluated at its
     * smallest time ε, s(z, ε) ≈ ∇log p of the data (sigma must be null). What {@code score4j score}, the report and
     * the demo evaluate.
     *
     * @param points not modified
     * @return flat [n, D], a new array
     */
    public static double[] inOriginalUnits(ScoreModel model, double[] points, Double sigma) {
        TableTraining.requireNotTable(model, "the model", "the score");
        int d = model.dim();
        if (points.length % d != 0) {
            throw new IllegalArgumentException("points length " + points.length + " is not a multiple of D=" + d);
        }
        int n = points.length / d;
        float[] z = Tensor.wrap(model.standardizer().apply(points), n * d).toFloatArray();
        float[] sz = new float[n * d];
        if (model.timeConditional()) {
            InputException.require(sigma == null, "--sigma", sigma, "does not apply to a time-conditioned (dsm) model");
            double[] t = new double[n];
            java.util.Arrays.fill(t, model.training().map(s -> s.options().eps()).orElse(Sde.DEFAULT_EPS));
            model.network().timeConditional().score(z, t, 0, n, d, sz);
        } else if (model.noiseConditional()) {
            double[] sig = model.sigmas();
            noiseConditional(model).score(z, 0, n, d, sigma != null ? sigma : sig[sig.length - 1], sz);
        } else if (sigma != null) {
            throw new IllegalArgumentException("a plain model has no noise level, got sigma " + sigma);
        } else {
            of(model).score(z, 0, n, d, sz);
        }
        return model.standardizer().scoreToOriginal(Tensor.wrap(sz, sz.length).toDoubleArray());
    }

    /** The columns of a scores table ({@code score4j score}'s): {@code score_<column>} for each of the model's. */
    public static String[] columns(ScoreModel model) {
        String[] header = new String[model.dim()];
        for (int j = 0; j < header.length; j++) {
            header[j] = "score_" + model.columns()[j];
        }
        return header;
    }

    /**
     * Checks a requested noise level for {@link #inOriginalUnits} before any work: null, or a finite σ &gt; 0 of a
     * noise-conditional model; an {@link InputException} naming {@code --sigma} otherwise.
     */
    public static void checkSigma(ScoreModel model, Double sigma) {
        InputException.require(sigma == null || (sigma > 0 && Double.isFinite(sigma)), "--sigma", sigma, "must be > 0");
        InputException.require(sigma == null || model.noiseConditional(), "--sigma", sigma,
                "applies only to noise-conditional models");
    }

    /**
     * Refuses scores that are not finite. A model with usable parameters can still overflow far from
     * its data (at x = 1e39, say): that is an input the model cannot score, and the error names its
     * row, counted from 1 among the data rows of {@code source}.
     *
     * @param scores flat [n, d], not modified
     * @throws InputException naming {@code source} and the first row with a NaN or infinite score
     */
    public static void requireFinite(double[] scores, int d, String source) {
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                int row = i / d + 1;
                throw new InputException(source + ": data row " + row + ": the model's score there is " + scores[i]
                        + " (it overflows: the point is too far outside the range the model can score); nothing was written");
            }
        }
    }
}
