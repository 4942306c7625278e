package io.score4j.metrics;

/**
 * Per-column summaries of flat row-major data (shape [n, d]) and the difference of correlation
 * structure between two samples.
 */
public final class ColumnStats {
    private ColumnStats() {}

    /**
     * Difference of two correlation matrices R_a, R_b (d × d).
     *
     * @param frobenius ‖R_a − R_b‖_F = √(Σ_jk (R_a − R_b)_jk²)
     * @param maxAbs    max_jk |(R_a − R_b)_jk|
     */
    public record CorrelationDifference(double frobenius, double maxAbs) {}

    /** Column means m_j = (1/n) Σ_i x_ij; shape [d]. */
    public static double[] means(double[] v, int d) {
        int n = Checks.rows(v, d, "values");
        Checks.atLeast(n, 1, "means");
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += v[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= n;
        }
        return m;
    }

    /** Population column standard deviations √((1/n) Σ_i (x_ij − m_j)²) (ddof 0, as numpy's default); shape [d]. */
    public static double[] stds(double[] v, int d) {
        double[] m = means(v, d);
        int n = v.length / d;
        double[] s = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double r = v[i * d + j] - m[j];
                s[j] += r * r;
            }
        }
        for (int j = 0; j < d; j++) {
            s[j] = Math.sqrt(s[j] / n);
        }
        return s;
    }

    /**
     * Pearson correlation matrix R_jk = C_jk / √(C_jj C_kk) with C the covariance, flat [d, d].
     * A constant column has undefined correlation; it is given R_jj = 1 and R_jk = 0 for k ≠ j.
     */
    public static double[] correlation(double[] v, int d) {
        double[] m = means(v, d);
        int n = v.length / d;
        double[] c = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double rj = v[i * d + j] - m[j];
                for (int k = j; k < d; k++) {
                    c[j * d + k] += rj * (v[i * d + k] - m[k]);
                }
            }
        }
        double[] r = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = j; k < d; k++) {
                double denom = Math.sqrt(c[j * d + j] * c[k * d + k]);
                double value = j == k ? 1.0 : denom > 0 ? c[j * d + k] / denom : 0.0;
                r[j * d + k] = value;
                r[k * d + j] = value;
            }
        }
        return r;
    }

    /** Frobenius and max-abs norms of R_a − R_b for a (shape [n, d]) and b (shape [m, d]). */
    public static CorrelationDifference correlationDifference(double[] a, double[] b, int d) {
        double[] ra = correlation(a, d);
        double[] rb = correlation(b, d);
        double sq = 0.0;
        double max = 0.0;
        for (int i = 0; i < ra.length; i++) {
            double diff = Math.abs(ra[i] - rb[i]);
            sq += diff * diff;
            max = Math.max(max, diff);
        }
        return new CorrelationDifference(Math.sqrt(sq), max);
    }

    /** Number of rows (points) with at least one non-finite entry. */
    public static int nonFiniteRows(double[] v, int d) {
        int n = Checks.rows(v, d, "values");
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (!rowFinite(v, i, d)) {
                bad++;
            }
        }
        return bad;
    }

    /** The rows whose entries are all finite, in order; shape [n', d]. */
    public static double[] finiteRows(double[] v, int d) {
        int n = Checks.rows(v, d, "values");
        double[] out = new double[(n - nonFiniteRows(v, d)) * d];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            if (rowFinite(v, i, d)) {
                System.arraycopy(v, i * d, out, pos, d);
                pos += d;
            }
        }
        return out;
    }

    private static boolean rowFinite(double[] v, int i, int d) {
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(v[i * d + j])) {
                return false;
            }
        }
        return true;
    }
}
