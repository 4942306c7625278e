package io.score4j.metrics;

import java.util.function.DoubleUnaryOperator;

/**
 * Kolmogorov–Smirnov distances: the largest vertical gap between empirical CDFs, or between an
 * empirical CDF and a known one. Samples may contain ±∞ but not NaN.
 */
public final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {}

    /**
     * One-sample statistic D_n = sup_x |F_n(x) − F(x)| against a known continuous CDF F; with
     * x_(1) ≤ … ≤ x_(n) the sorted samples,
     * D_n = max_i max(i/n − F(x_(i)), F(x_(i)) − (i−1)/n).
     * For samples from F, P(√n·D_n &gt; 1.358) ≈ 0.05 ({@link #critical(int, double)}).
     */
    public static double distance(double[] samples, DoubleUnaryOperator cdf) {
        double[] x = Checks.sortedNoNaN(samples, "samples");
        int n = x.length;
        Checks.atLeast(n, 1, "KS distance");
        double dMax = 0.0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            dMax = Math.max(dMax, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return dMax;
    }

    /**
     * Two-sample statistic D_{n,m} = sup_x |F_a(x) − F_b(x)| over the empirical CDFs of a (n
     * points) and b (m points), exact with ties (both CDFs are evaluated after each distinct value).
     */
    public static double twoSample(double[] a, double[] b) {
        double[] x = Checks.sortedNoNaN(a, "a");
        double[] y = Checks.sortedNoNaN(b, "b");
        int n = x.length;
        int m = y.length;
        Checks.atLeast(n, 1, "KS two-sample a");
        Checks.atLeast(m, 1, "KS two-sample b");
        int i = 0;
        int j = 0;
        double dMax = 0.0;
        while (i < n && j < m) {
            double v = Math.min(x[i], y[j]);
            while (i < n && x[i] == v) {
                i++;
            }
            while (j < m && y[j] == v) {
                j++;
            }
            dMax = Math.max(dMax, Math.abs((double) i / n - (double) j / m));
        }
        return dMax;
    }

    /**
     * {@link #twoSample} of each column: a (shape [n, d]) against b (shape [m, d]); result shape [d].
     */
    public static double[] perColumn(double[] a, double[] b, int d) {
        int n = Checks.rows(a, d, "a");
        int m = Checks.rows(b, d, "b");
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = twoSample(column(a, n, d, j), column(b, m, d, j));
        }
        return out;
    }

    /**
     * Asymptotic one-sample critical value c(α)/√n with c(α) = √(−½ ln(α/2)) (c(0.05) ≈ 1.358):
     * under the null, D_n exceeds it with probability about α.
     */
    public static double critical(int n, double alpha) {
        return coefficient(alpha) / Math.sqrt(n);
    }

    /** Asymptotic two-sample critical value c(α)·√((n + m)/(n·m)). */
    public static double criticalTwoSample(int n, int m, double alpha) {
        return coefficient(alpha) * Math.sqrt((double) (n + m) / ((double) n * m));
    }

    private static double coefficient(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        return Math.sqrt(-0.5 * Math.log(alpha / 2));
    }

    static double[] column(double[] v, int n, int d, int j) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = v[i * d + j];
        }
        return c;
    }
}
