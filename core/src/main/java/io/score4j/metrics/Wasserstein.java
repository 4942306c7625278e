package io.score4j.metrics;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.function.DoubleUnaryOperator;

/**
 * Wasserstein-1 distances. In one dimension W₁(P, Q) = ∫ |F_P(x) − F_Q(x)| dx; in d dimensions
 * the sliced distance averages W₁ over random one-dimensional projections.
 */
public final class Wasserstein {
    /** Gauss–Legendre 5-point nodes and weights on [−1, 1]. */
    private static final double[] GL_X = {-0.9061798459386640, -0.5384693101056831, 0.0,
        0.5384693101056831, 0.9061798459386640};
    private static final double[] GL_W = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889,
        0.4786286704993665, 0.2369268850561891};
    /** Tail cut-off: the integrand F (or 1 − F) beyond it is below this. */
    private static final double TAIL = 1e-15;
    private static final int TAIL_PIECES = 256;

    private Wasserstein() {}

    /**
     * Exact W₁ between the empirical distributions of two 1-D samples (sizes may differ):
     * ∫ |F_a(x) − F_b(x)| dx, summed over the gaps of the merged sorted samples, where both
     * empirical CDFs are constant. For equal sizes this equals (1/n) Σ_i |a_(i) − b_(i)|.
     */
    public static double w1(double[] a, double[] b) {
        double[] x = Checks.sortedNoNaN(a, "a");
        double[] y = Checks.sortedNoNaN(b, "b");
        int n = x.length;
        int m = y.length;
        Checks.atLeast(n, 1, "W1 a");
        Checks.atLeast(m, 1, "W1 b");
        int i = 0;
        int j = 0;
        double total = 0.0;
        double prev = Math.min(x[0], y[0]);
        while (i < n || j < m) {
            double v = j >= m || (i < n && x[i] <= y[j]) ? x[i] : y[j];
            double gap = Math.abs((double) i / n - (double) j / m);
            if (v > prev && gap > 0) { // gap > 0 also keeps 0·∞ out when samples hold ±∞
                total += gap * (v - prev);
            }
            prev = v;
            if (i < n && x[i] == v) {
                i++;
            } else {
                j++;
            }
        }
        return total;
    }

    /**
     * W₁ between the empirical distribution of {@code samples} and a known continuous CDF F, by
     * quadrature: ∫ |F_n(x) − F(x)| dx. On each gap [x_(i), x_(i+1)] the level i/n is constant;
     * where F crosses it the gap is split at the crossing (bisection), and each smooth piece is
     * integrated by 5-point Gauss–Legendre (gaps longer than 1/256 of the sample range are cut
     * into pieces first). The tails ∫_{−∞}^{x_(1)} F and ∫_{x_(n)}^{∞} (1 − F) are integrated out
     * to where the integrand falls below 1e-15, found by doubling steps.
     *
     * @param samples 1-D samples, at least one, no NaN (an infinite sample gives +∞)
     */
    public static double w1ToCdf(double[] samples, DoubleUnaryOperator cdf) {
        double[] x = Checks.sortedNoNaN(samples, "samples");
        int n = x.length;
        Checks.atLeast(n, 1, "W1 to CDF");
        if (Double.isInfinite(x[0]) || Double.isInfinite(x[n - 1])) {
            return Double.POSITIVE_INFINITY;
        }
        double spread = Math.max(x[n - 1] - x[0], 1e-9 * Math.max(1.0, Math.abs(x[0])));
        double piece = spread / TAIL_PIECES;
        double total = leftTail(cdf, x[0], spread) + rightTail(cdf, x[n - 1], spread);
        for (int i = 1; i < n; i++) {
            double lo = x[i - 1];
            double hi = x[i];
            if (hi > lo) {
                total += gapIntegral(cdf, lo, hi, (double) i / n, piece);
            }
        }
        return total;
    }

    /**
     * Sliced W₁: (1/P) Σ_p W₁(θ_pᵀa, θ_pᵀb) over P random unit directions θ_p, where θ_p is
     * {@code Draw.normalDouble(key.child(p), d)} normalised (uniform on the sphere). Exact W₁ per
     * projection on all points, O(P·(n + m)·(d + log(n + m))).
     *
     * @param a           shape [n, d]
     * @param b           shape [m, d]
     * @param projections P ≥ 1
     */
    public static double sliced(double[] a, double[] b, int d, int projections, Key key) {
        int n = Checks.rows(a, d, "a");
        int m = Checks.rows(b, d, "b");
        Checks.atLeast(n, 1, "sliced W1 a");
        Checks.atLeast(m, 1, "sliced W1 b");
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1, got " + projections);
        }
        double sum = 0.0;
        for (int p = 0; p < projections; p++) {
            double[] theta = direction(key.child(p), d);
            sum += w1(project(a, n, d, theta), project(b, m, d, theta));
        }
        return sum / projections;
    }

    /** A uniform random unit vector in R^d: normalised standard normals from {@code key}. */
    static double[] direction(Key key, int d) {
        while (true) {
            double[] t = Draw.normalDouble(key, d);
            double norm = 0.0;
            for (double v : t) {
                norm += v * v;
            }
            if (norm > 0) {
                norm = Math.sqrt(norm);
                for (int j = 0; j < d; j++) {
                    t[j] /= norm;
                }
                return t;
            }
            key = key.fold(1); // an all-zero draw has probability 0 but must not divide by zero
        }
    }

    private static double[] project(double[] v, int n, int d, double[] theta) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                s += v[i * d + j] * theta[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** ∫_lo^hi |c − F(t)| dt for lo &lt; hi, splitting at the crossing F = c if there is one. */
    private static double gapIntegral(DoubleUnaryOperator cdf, double lo, double hi, double c, double piece) {
        double flo = cdf.applyAsDouble(lo);
        double fhi = cdf.applyAsDouble(hi);
        if (flo >= c) {
            return integrate(cdf, lo, hi, piece) - c * (hi - lo);
        }
        if (fhi <= c) {
            return c * (hi - lo) - integrate(cdf, lo, hi, piece);
        }
        double a = lo;
        double b = hi;
        for (int it = 0; it < 200 && b - a > 1e-15 * Math.max(1.0, Math.abs(a)); it++) {
            double mid = 0.5 * (a + b);
            if (cdf.applyAsDouble(mid) < c) {
                a = mid;
            } else {
                b = mid;
            }
        }
        double r = 0.5 * (a + b);
        return c * (r - lo) - integrate(cdf, lo, r, piece) + integrate(cdf, r, hi, piece) - c * (hi - r);
    }

    /** ∫_{L}^{x0} F where F(L) &lt; 1e-15, L found by doubling the step below x0. */
    private static double leftTail(DoubleUnaryOperator cdf, double x0, double spread) {
        double h = spread;
        for (int it = 0; it < 60 && cdf.applyAsDouble(x0 - h) > TAIL; it++) {
            h *= 2;
        }
        return integrate(cdf, x0 - h, x0, h / TAIL_PIECES);
    }

    /** ∫_{x1}^{R} (1 − F) where 1 − F(R) &lt; 1e-15. */
    private static double rightTail(DoubleUnaryOperator cdf, double x1, double spread) {
        double h = spread;
        for (int it = 0; it < 60 && 1.0 - cdf.applyAsDouble(x1 + h) > TAIL; it++) {
            h *= 2;
        }
        return h - integrate(cdf, x1, x1 + h, h / TAIL_PIECES);
    }

    /** ∫_lo^hi F by composite 5-point Gauss–Legendre with pieces no longer than {@code piece}. */
    private static double integrate(DoubleUnaryOperator f, double lo, double hi, double piece) {
        int pieces = (int) Math.min(1 << 16, Math.max(1, Math.ceil((hi - lo) / piece)));
        double w = (hi - lo) / pieces;
        double sum = 0.0;
        for (int p = 0; p < pieces; p++) {
            double mid = lo + (p + 0.5) * w;
            double s = 0.0;
            for (int q = 0; q < GL_X.length; q++) {
                s += GL_W[q] * f.applyAsDouble(mid + 0.5 * w * GL_X[q]);
            }
            sum += 0.5 * w * s;
        }
        return sum;
    }
}
