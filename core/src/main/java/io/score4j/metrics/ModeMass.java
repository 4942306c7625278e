package io.score4j.metrics;

import io.score4j.density.GaussianMixture;

/** How sample mass is shared between the modes of a target; the simplest check for mode collapse. */
public final class ModeMass {
    private ModeMass() {}

    /** Fraction of entries strictly greater than 0 (NaN counts as not positive): (1/N)·#{i : x_i &gt; 0}. */
    public static double fractionPositive(double[] x) {
        Checks.atLeast(x.length, 1, "fractionPositive");
        long count = 0;
        for (double v : x) {
            if (v > 0) {
                count++;
            }
        }
        return (double) count / x.length;
    }

    /**
     * 1-D split at a threshold t: {@code {#{x &lt; t}/N, #{x ≥ t}/N}}. NaN entries fall in neither
     * part, so the two fractions sum to less than 1 when there are NaNs.
     */
    public static double[] splitAt(double[] x, double threshold) {
        Checks.atLeast(x.length, 1, "splitAt");
        long below = 0;
        long above = 0;
        for (double v : x) {
            if (v < threshold) {
                below++;
            } else if (v >= threshold) {
                above++;
            }
        }
        return new double[] {(double) below / x.length, (double) above / x.length};
    }

    /**
     * Fraction of points nearest (Euclidean) to each component mean: m_k = (1/n)·#{i : argmin_c ‖x_i − μ_c‖ = k}.
     * Compare with the weights w_k; each m_k has binomial standard error √(w_k(1 − w_k)/n) for exact samples
     * (plus the mass that the components place nearer another mean).
     *
     * @param points shape [n, D] with D = mixture.dim()
     * @return shape [K]
     */
    public static double[] perComponent(double[] points, GaussianMixture mixture) {
        int n = Checks.rows(points, mixture.dim(), "points");
        Checks.atLeast(n, 1, "perComponent");
        double[] mass = new double[mixture.components()];
        for (int c : mixture.nearestMeans(points)) {
            mass[c] += 1.0;
        }
        for (int k = 0; k < mass.length; k++) {
            mass[k] /= n;
        }
        return mass;
    }
}
