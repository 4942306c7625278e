package io.score4j.comparison;

import io.score4j.data.Dataset;
import io.score4j.density.GaussianMixture;

/** What samples are compared with: rows of data, or a known Gaussian mixture. */
public sealed interface Reference {
    /** Dimension. */
    int d();

    /** Rows of data. */
    static Reference rows(Dataset data) {
        return new Rows(data);
    }

    /** A known mixture. */
    static Reference mixture(GaussianMixture mixture) {
        return new Mixture(mixture);
    }

    /**
     * Reference rows, all finite, at least 2 (taken without a copy; must not be modified). Column j
     * is compared with the samples' column j; names are not matched here.
     */
    record Rows(Dataset data) implements Reference {
        public Rows {
            if (data == null) {
                throw new IllegalArgumentException("reference rows must be given");
            }
            if (data.n() < Comparison.MIN_ROWS) {
                throw new IllegalArgumentException("reference needs at least " + Comparison.MIN_ROWS + " rows, got "
                        + data.n());
            }
            for (double v : data.values()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("reference rows must be finite, got " + v);
                }
            }
        }

        @Override
        public int d() {
            return data.d();
        }
    }

    /**
     * A Gaussian mixture: per-column KS, moments, correlation and mode masses use it exactly; MMD²,
     * energy distance and sliced W₁ use {@link ComparisonSettings#mixtureDraws()} fresh draws.
     */
    record Mixture(GaussianMixture mixture) implements Reference {
        public Mixture {
            if (mixture == null) {
                throw new IllegalArgumentException("reference mixture must be given");
            }
        }

        @Override
        public int d() {
            return mixture.dim();
        }
    }
}
