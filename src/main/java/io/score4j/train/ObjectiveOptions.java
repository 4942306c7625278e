package io.score4j.train;

/**
 * Settings of the scalable objectives (ignored by the exact one).
 *
 * @param projections    random projections per example for sliced score matching, ≥ 1
 * @param gaussianProjections Gaussian projections instead of Rademacher ones
 * @param sigma          noise level of single-σ denoising score matching, &gt; 0
 * @param sigmas         geometric noise ladder σ₁ &gt; … &gt; σ_L of the noise-conditional objective (empty if unused)
 */
public record ObjectiveOptions(int projections, boolean gaussianProjections, double sigma, double[] sigmas) {
    public ObjectiveOptions {
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1, got " + projections);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        sigmas = sigmas.clone();
        for (int i = 0; i < sigmas.length; i++) {
            if (!(sigmas[i] > 0) || (i > 0 && !(sigmas[i] < sigmas[i - 1]))) {
                throw new IllegalArgumentException("sigmas must be positive and decreasing, got " + java.util.Arrays.toString(sigmas));
            }
        }
    }

    /** Defaults: one Rademacher projection, σ = 0.1, no ladder. */
    public static ObjectiveOptions defaults() {
        return new ObjectiveOptions(1, false, 0.1, new double[0]);
    }

    @Override
    public double[] sigmas() {
        return sigmas.clone();
    }
}
