package io.score4j.train;

import io.score4j.model.TimeEmbedding;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.objective.Projection;
import io.score4j.objective.TimeWeighting;
import java.util.Objects;

/**
 * Settings of the scalable objectives; each objective reads only its own and ignores the rest.
 *
 * @param projections random projections per example for sliced score matching, ≥ 1
 * @param projection  law of those projections (Rademacher or Gaussian)
 * @param sigma       noise level σ of single-σ denoising score matching, finite and &gt; 0
 * @param ladder      noise ladder σ₁ &gt; … &gt; σ_L of the noise-conditional objective; null when unused
 * @param sde         the score SDE of dsm (default VP, β 0.1 … 20)
 * @param weighting   dsm's weighting λ(t) (default σ(t)²)
 * @param eps         dsm's smallest time ε, in (0, 1) (default 1e-5)
 * @param embedding   dsm's time embedding (default sinusoidal, E = 16)
 */
public record ObjectiveOptions(int projections, Projection projection, double sigma, NoiseLadder ladder, Sde sde,
                               TimeWeighting weighting, double eps, TimeEmbedding embedding) {
    /** dsm's default SDE: VP with score_sde's β range. */
    public static final Sde DEFAULT_SDE = new Sde.Vp(Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX);

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
        Objects.requireNonNull(sde, "sde");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(embedding, "embedding");
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must be in (0, 1), got " + eps);
        }
    }

    /** These settings with dsm's at their defaults. */
    public ObjectiveOptions(int projections, Projection projection, double sigma, NoiseLadder ladder) {
        this(projections, projection, sigma, ladder, DEFAULT_SDE, TimeWeighting.SIGMA2, Sde.DEFAULT_EPS,
                new TimeEmbedding(TimeEmbedding.DEFAULT_SIZE));
    }

    /** Defaults: one Rademacher projection, σ = 0.1, no ladder; dsm on VP(0.1, 20), λ = σ², ε = 1e-5, E = 16. */
    public static ObjectiveOptions defaults() {
        return new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, null);
    }

    /** These options with the noise ladder {@code ladder} (null for none). */
    public ObjectiveOptions withLadder(NoiseLadder ladder) {
        return new ObjectiveOptions(projections, projection, sigma, ladder, sde, weighting, eps, embedding);
    }

    /** These options with dsm's settings. */
    public ObjectiveOptions withSde(Sde sde, TimeWeighting weighting, double eps, TimeEmbedding embedding) {
        return new ObjectiveOptions(projections, projection, sigma, ladder, sde, weighting, eps, embedding);
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
            case DSM -> d.withSde(sde, weighting, eps, embedding);
        };
    }
}
