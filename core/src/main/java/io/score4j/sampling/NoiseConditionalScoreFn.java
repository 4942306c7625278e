package io.score4j.sampling;

import io.score4j.density.Density;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A noise-conditional score s(x, σ) ≈ ∇ₓ log p_σ(x), where p_σ = p ∗ N(0, σ²I) is the data density
 * perturbed by Gaussian noise of standard deviation σ (NCSN, Song &amp; Ermon 2019). Same threading
 * contract as {@link ScoreFn}.
 */
@FunctionalInterface
public interface NoiseConditionalScoreFn {

    /**
     * Writes s(x, σ) for rows [offset, offset + rows) of {@code x} into the same positions of {@code out}
     * (modified only there); {@code x} is only read.
     */
    void score(float[] x, int offset, int rows, int d, double sigma, float[] out);

    /** The score at a fixed noise level σ. */
    default ScoreFn at(double sigma) {
        return (x, offset, rows, d, out) -> score(x, offset, rows, d, sigma, out);
    }

    /**
     * The exact noise-conditional score of analytic perturbed densities: {@code perturbed.apply(σ)} must
     * return p_σ (for a Gaussian mixture, the mixture with each covariance widened by σ²I).
     * {@link #at} builds the density once per σ.
     */
    static NoiseConditionalScoreFn of(DoubleFunction<Density> perturbed) {
        Objects.requireNonNull(perturbed, "perturbed");
        return new NoiseConditionalScoreFn() {
            @Override
            public void score(float[] x, int offset, int rows, int d, double sigma, float[] out) {
                at(sigma).score(x, offset, rows, d, out);
            }

            @Override
            public ScoreFn at(double sigma) {
                return ScoreFn.of(Objects.requireNonNull(perturbed.apply(sigma), "perturbed density at sigma " + sigma));
            }
        };
    }
}
