package io.score4j.train;

import io.score4j.objective.Projection;
import java.util.Arrays;

/**
 * Settings of the scalable objectives; each objective reads only its own and ignores the rest.
 *
 * @param projections random projections per example for sliced score matching, ≥ 1
 * @param projection  law of those projections (Rademacher or Gaussian)
 * @param sigma       noise level σ of single-σ denoising score matching, finite and &gt; 0
 * @param sigmas      noise ladder σ₁ &gt; … &gt; σ_L of the noise-conditional objective (empty when unused)
 */
public record ObjectiveOptions(int projections, Projection projection, double sigma, double[] sigmas) {
    public ObjectiveOptions {
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1, got " + projections);
        }
        if (projection == null) {
            throw new IllegalArgumentException("projection must not be null");
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        if (sigmas == null) {
            throw new IllegalArgumentException("sigmas must not be null (use an empty array)");
        }
        sigmas = sigmas.clone();
        for (int i = 0; i < sigmas.length; i++) {
            if (!(sigmas[i] > 0) || Double.isInfinite(sigmas[i]) || (i > 0 && !(sigmas[i] < sigmas[i - 1]))) {
                throw new IllegalArgumentException("sigmas must be finite, positive and decreasing, got "
                        + Arrays.toString(sigmas));
            }
        }
    }

    /** Defaults: one Rademacher projection, σ = 0.1, no ladder. */
    public static ObjectiveOptions defaults() {
        return new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, new double[0]);
    }

    @Override
    public double[] sigmas() {
        return sigmas.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectiveOptions p && projections == p.projections && projection == p.projection
                && Double.compare(sigma, p.sigma) == 0 && Arrays.equals(sigmas, p.sigmas);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {projections, projection.ordinal(), sigma}) * 31 + Arrays.hashCode(sigmas);
    }

    @Override
    public String toString() {
        return "ObjectiveOptions[projections=" + projections + ", projection=" + projection.id() + ", sigma=" + sigma
                + ", sigmas=" + Arrays.toString(sigmas) + "]";
    }
}
