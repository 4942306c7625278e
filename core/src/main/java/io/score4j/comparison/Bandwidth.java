package io.score4j.comparison;

import io.score4j.metrics.Mmd;

/** How the Gaussian kernel's bandwidth h of MMD² is chosen. */
public sealed interface Bandwidth {
    /** The default: the median heuristic over {@value Mmd#BANDWIDTH_POINTS} points per side. */
    static Bandwidth median() {
        return new Median(Mmd.BANDWIDTH_POINTS);
    }

    /**
     * Median heuristic: h = median Euclidean distance over all pairs of the pooled points, up to
     * {@code points} drawn without replacement from each side (see {@link Mmd#medianBandwidth}).
     */
    record Median(int points) implements Bandwidth {
        public Median {
            if (points < 1) {
                throw new IllegalArgumentException("median bandwidth points must be >= 1, got " + points);
            }
        }
    }

    /** A fixed bandwidth h in data units, for comparing several sample sets on one scale. */
    record Fixed(double h) implements Bandwidth {
        public Fixed {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw new IllegalArgumentException("bandwidth h must be finite and > 0, got " + h);
            }
        }
    }
}
