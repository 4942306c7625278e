package io.score4j.report;

import io.score4j.tensor.Tensor;
import io.score4j.train.ModelScores;
import io.score4j.train.ScoreModel;

/** A trained model's score at points in original units, as the report and the demo evaluate it. */
public final class LearnedScores {
    private LearnedScores() {}

    /**
     * The learned score ∇ log p at {@code points} (flat [n, D], original units), in original units:
     * standardise, evaluate the network in float32, map back (s_x = s_z / std). A noise-conditional
     * model is evaluated at {@code sigma} (model units; its smallest σ when {@code null}); a plain model
     * has no σ input, so {@code sigma} must be {@code null}. Same as {@code score4j score}.
     *
     * @return flat [n, D], a new array
     */
    public static double[] at(ScoreModel model, double[] points, Double sigma) {
        int d = model.dim();
        if (points.length % d != 0) {
            throw new IllegalArgumentException("points length " + points.length + " is not a multiple of D=" + d);
        }
        int n = points.length / d;
        float[] z = Tensor.wrap(model.standardizer().apply(points), n * d).toFloatArray();
        float[] sz = new float[n * d];
        if (model.noiseConditional()) {
            double[] sig = model.sigmas();
            ModelScores.noiseConditional(model).score(z, 0, n, d, sigma != null ? sigma : sig[sig.length - 1], sz);
        } else if (sigma != null) {
            throw new IllegalArgumentException("a plain model has no noise level, got sigma " + sigma);
        } else {
            ModelScores.of(model).score(z, 0, n, d, sz);
        }
        return model.standardizer().scoreToOriginal(Tensor.wrap(sz, sz.length).toDoubleArray());
    }
}
