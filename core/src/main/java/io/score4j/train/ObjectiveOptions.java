package io.score4j.train;

import io.score4j.noise.NoiseLadder;
import io.score4j.objective.Projection;

/**
 * Settings of the scalable objectives; each objective reads only its own and ignores the rest.
 *
 * @param projections random projections per example for sliced score matching, ≥ 1
 * @param projection  law of those projections (Rademacher or Gaussian)
 * @param sigma       noise level σ of single-σ denoising score matching, finite and &gt; 0
 * @param ladder      noise ladder σ₁ &gt; … &gt; σ_L of the noise-conditional objective; null when unused
 */
public record ObjectiveOptions(int projections, Projection projection, double sigma, NoiseLadder ladder) {
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
    }

    /** Defaults: one Rademacher projection, σ = 0.1, no ladder. */
    public static ObjectiveOptions defaults() {
        return new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, null);
    }

    /** These options with the noise ladder {@code ladder} (null for none). */
    public ObjectiveOptions withLadder(NoiseLadder ladder) {
        return new ObjectiveOptions(projections, projection, sigma, ladder);
    }

    /**
     * Only the settings {@code kind} reads, the others at their {@link #defaults()}: two runs of one objective
     * whose options differ only in settings it ignores get equal options.
     */
    public ObjectiveOptions relevantTo(ObjectiveKind kind) {
        ObjectiveOptions d = defaults();
        return switch (kind) {
            case EXACT -> d;
            case SLICED, SLICED_VR -> new ObjectiveOptions(projections, projection, d.sigma, null);
            case DENOISING -> new ObjectiveOptions(d.projections, d.projection, sigma, null);
            case NCSN -> d.withLadder(ladder);
        };
    }
}
