package io.score4j.density;

import io.score4j.InputException;

/** The checks behind {@link GaussianMixture}'s constructor; each failure is one-line {@link InputException}. */
final class MixtureValidation {
    /** Bounds on σ so that σ² and 1/σ² are finite, normal doubles. */
    static final double MIN_STD = 1e-150;
    static final double MAX_STD = 1e150;

    private MixtureValidation() {}

    static void check(double[] weights, double[][] means, double[][] stds) {
        if (weights == null || means == null || stds == null) {
            throw new InputException("mixture needs weights, means and stds; "
                    + (weights == null ? "weights" : means == null ? "means" : "stds") + " is missing");
        }
        int k = weights.length;
        if (k == 0) {
            throw new InputException("weights is empty: a mixture needs at least one component");
        }
        if (means.length != k) {
            throw new InputException("means has " + means.length + " rows but weights has " + k + " components");
        }
        if (stds.length != k) {
            throw new InputException("stds has " + stds.length + " rows but weights has " + k + " components");
        }
        checkWeights(weights);
        int d = checkMeans(means);
        checkStds(stds, d);
    }

    private static void checkWeights(double[] weights) {
        double sum = 0.0;
        for (int c = 0; c < weights.length; c++) {
            double w = weights[c];
            if (!Double.isFinite(w) || w < 0.0) {
                throw new InputException("weights[" + c + "] must be finite and >= 0, got " + w);
            }
            sum += w;
        }
        if (Math.abs(sum - 1.0) > GaussianMixture.WEIGHT_SUM_TOLERANCE) {
            throw new InputException("weights sum to " + sum + ", but must sum to 1 (within "
                    + GaussianMixture.WEIGHT_SUM_TOLERANCE + "); they are not renormalised automatically");
        }
    }

    private static int checkMeans(double[][] means) {
        if (means[0] == null || means[0].length == 0) {
            throw new InputException("means[0] is empty: each mean needs at least one coordinate");
        }
        int d = means[0].length;
        for (int c = 0; c < means.length; c++) {
            if (means[c] == null || means[c].length != d) {
                throw new InputException("means[" + c + "] has " + (means[c] == null ? 0 : means[c].length)
                        + " coordinates but means[0] has " + d + ": all means must have the same dimension");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(means[c][j])) {
                    throw new InputException("means[" + c + "][" + j + "] must be finite, got " + means[c][j]);
                }
            }
        }
        return d;
    }

    private static void checkStds(double[][] stds, int d) {
        for (int c = 0; c < stds.length; c++) {
            if (stds[c] == null || stds[c].length != d) {
                throw new InputException("stds[" + c + "] has " + (stds[c] == null ? 0 : stds[c].length)
                        + " entries but the means have dimension " + d + ": stds must have the shape of means");
            }
            for (int j = 0; j < d; j++) {
                double s = stds[c][j];
                if (!Double.isFinite(s) || s <= 0.0) {
                    throw new InputException("stds[" + c + "][" + j + "] must be finite and > 0, got " + s);
                }
                if (s < MIN_STD || s > MAX_STD) {
                    throw new InputException("stds[" + c + "][" + j + "] = " + s + " is outside the supported range ["
                            + MIN_STD + ", " + MAX_STD + "] (its square must be a normal double)");
                }
            }
        }
    }
}
