package io.score4j.sampling;

import io.score4j.density.GaussianMixture;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the data lie, to tell a diverged chain from a sample: the box centred at {@code center} with
 * half-width {@code radius} in every coordinate. A particle has <em>escaped</em> when a coordinate is not
 * finite or lies more than {@value #ESCAPE_FACTOR}·radius from the centre.
 *
 * @param center the box's centre, length d (copied)
 * @param radius the box's half-width &gt; 0
 */
public record DataRange(double[] center, double radius) {
    /** How many radii away from the centre a particle counts as escaped. */
    public static final double ESCAPE_FACTOR = 10;
    /** The half-width of a standardised model's range: 3 standard deviations around the mean. */
    public static final double STANDARDISED_RADIUS = 3;

    public DataRange {
        Objects.requireNonNull(center, "center");
        center = center.clone();
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("radius must be finite and > 0, got " + radius);
        }
    }

    /** The range of standardised data in d dimensions: ±{@value #STANDARDISED_RADIUS} around the origin. */
    public static DataRange standardised(int d) {
        return new DataRange(new double[d], STANDARDISED_RADIUS);
    }

    /**
     * The range of a mixture: per coordinate, from the lowest μ − 3σ to the highest μ + 3σ over its components;
     * the radius is the widest coordinate's half-width.
     */
    public static DataRange of(GaussianMixture mix) {
        int d = mix.dim();
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < mix.components(); c++) {
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], mix.mean(c, j) - 3 * mix.std(c, j));
                hi[j] = Math.max(hi[j], mix.mean(c, j) + 3 * mix.std(c, j));
            }
        }
        double[] center = new double[d];
        double radius = 0;
        for (int j = 0; j < d; j++) {
            center[j] = 0.5 * lo[j] + 0.5 * hi[j];
            radius = Math.max(radius, 0.5 * hi[j] - 0.5 * lo[j]);
        }
        return new DataRange(center, radius);
    }

    /** Rows of the flat [n, d] {@code points} (not modified) that escaped this range. */
    public int escaped(double[] points, int d) {
        if (d != center.length || points.length % d != 0) {
            throw new IllegalArgumentException("points of length " + points.length + " are not rows of d=" + center.length);
        }
        double limit = ESCAPE_FACTOR * radius;
        int count = 0;
        for (int i = 0; i < points.length; i += d) {
            for (int j = 0; j < d; j++) {
                double v = points[i + j];
                if (!Double.isFinite(v) || Math.abs(v - center[j]) > limit) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /**
     * The one warning line for {@code escaped} of {@code total} particles that left the data's range (more than
     * {@value #ESCAPE_FACTOR} times it away); {@code advice} says what to try, e.g. {@code a smaller --step-size}.
     */
    public static String escapedWarning(int escaped, int total, String advice) {
        return String.format(java.util.Locale.ROOT, "warning: %d of %d samples lie more than %.0f times the data's "
                + "range from it (the chain diverged); try %s", escaped, total, ESCAPE_FACTOR, advice);
    }
}
