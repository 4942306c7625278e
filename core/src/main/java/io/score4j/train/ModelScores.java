package io.score4j.train;

import io.score4j.InputException;
import io.score4j.fused.DeepMlp;
import io.score4j.fused.FusedMlp;
import io.score4j.nn.MlpForward;
import io.score4j.sampling.NoiseConditionalScoreFn;
import io.score4j.sampling.ScoreFn;

/**
 * Score functions of a saved {@link ScoreModel}: the one place where scoring picks its kernels — the fused
 * one-hidden-layer kernel ({@link FusedMlp}) for plain [D, H, D] networks, the fused deep kernels
 * ({@link DeepMlp}) for every other network they support (noise-conditional ones included), and the
 * generic forward pass ({@link MlpForward}) otherwise. Scores are in the model's standardised working space
 * z = (x − mean) / std (which is the original space when the model was not standardised).
 * Convert results with {@link io.score4j.data.Standardizer#scoreToOriginal} when needed.
 */
public final class ModelScores {
    private ModelScores() {}

    /** s(z) of a plain (not noise-conditional) model; thread-safe for disjoint row ranges. */
    public static ScoreFn of(ScoreModel model) {
        if (model.noiseConditional()) {
            throw new IllegalArgumentException("model is noise-conditional; use noiseConditional(model)");
        }
        int dm = model.dim();
        if (FusedMlp.supports(model.spec())) {
            FusedMlp fused = FusedMlp.of(model.spec(), model.params());
            return (x, offset, rows, d, out) -> {
                if (d != dm) {
                    throw new IllegalArgumentException("score called with d=" + d + " for a model of dim " + dm);
                }
                fused.score(x, offset, rows, out);
            };
        }
        if (DeepMlp.supports(model.spec())) {
            DeepMlp deep = DeepMlp.of(model.spec(), model.params());
            return (x, offset, rows, d, out) -> {
                if (d != dm) {
                    throw new IllegalArgumentException("score called with d=" + d + " for a model of dim " + dm);
                }
                deep.apply(x, offset, rows, out);
            };
        }
        MlpForward net = MlpForward.of(model.spec(), model.params());
        return (x, offset, rows, d, out) -> {
            if (d != dm) {
                throw new IllegalArgumentException("score called with d=" + d + " for a model of dim " + dm);
            }
            net.apply(x, offset, rows, out);
        };
    }

    /** s(z, σ) = net([z, log σ]) / σ of a noise-conditional model. */
    public static NoiseConditionalScoreFn noiseConditional(ScoreModel model) {
        if (!model.noiseConditional()) {
            throw new IllegalArgumentException("model is not noise-conditional");
        }
        int dm = model.dim();
        if (DeepMlp.supports(model.spec())) {
            DeepMlp deep = DeepMlp.of(model.spec(), model.params());
            return (x, offset, rows, d, sigma, out) -> {
                if (d != dm) {
                    throw new IllegalArgumentException("score called with d=" + d + " for a model of dim " + dm);
                }
                deep.applyConditional(x, offset, rows, sigma, out);
            };
        }
        MlpForward net = MlpForward.of(model.spec(), model.params());
        return (x, offset, rows, d, sigma, out) -> {
            if (d != dm) {
                throw new IllegalArgumentException("score called with d=" + d + " for a model of dim " + dm);
            }
            float[] in = new float[rows * (d + 1)];
            float logSigma = (float) StrictMath.log(sigma);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x, (offset + r) * d, in, r * (d + 1), d);
                in[r * (d + 1) + d] = logSigma;
            }
            float[] s = new float[rows * d];
            net.apply(in, 0, rows, s);
            float inv = (float) (1.0 / sigma);
            for (int i = 0; i < rows * d; i++) {
                out[offset * d + i] = s[i] * inv;
            }
        };
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
