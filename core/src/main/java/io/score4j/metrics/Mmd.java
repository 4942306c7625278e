package io.score4j.metrics;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Arrays;

/**
 * Squared maximum mean discrepancy with the Gaussian (RBF) kernel
 * k(x, y) = exp(−‖x − y‖² / (2h²)), unbiased U-statistic:
 * <pre>
 *   MMD²_u = 1/(n(n−1)) Σ_{i≠j} k(x_i, x_j) + 1/(m(m−1)) Σ_{i≠j} k(y_i, y_j) − 2/(nm) Σ_i Σ_j k(x_i, y_j).
 * </pre>
 * Its expectation is 0 exactly when the two distributions are equal (so estimates scatter around 0
 * and may be slightly negative) and positive otherwise. Under equality, with equal sizes n, its
 * standard deviation is at most √(8/(n(n−1))) because the kernel lies in [0, 1].
 *
 * <p>Cost is O(cap²·d): each sample with more than {@code cap} points (default
 * {@value #DEFAULT_CAP}) is first subsampled without replacement with an explicit key. The
 * default bandwidth is the median heuristic: h = median pairwise distance among up to
 * {@value #BANDWIDTH_POINTS} points of each sample pooled together.
 */
public final class Mmd {
    /** Default maximum points per sample. */
    public static final int DEFAULT_CAP = 2000;
    /** Points per sample used for the median-heuristic bandwidth. */
    public static final int BANDWIDTH_POINTS = 500;

    private Mmd() {}

    /**
     * MMD²_u at the median-heuristic bandwidth, samples capped at {@value #DEFAULT_CAP} points.
     * Keys: {@code key.child(0)}/{@code child(1)} subsample a/b, {@code child(2)} picks the bandwidth points.
     *
     * @param a shape [n, d], n ≥ 2
     * @param b shape [m, d], m ≥ 2
     */
    public static double mmd2(double[] a, double[] b, int d, Key key) {
        return mmd2(a, b, d, medianBandwidth(a, b, d, key.child(2)), DEFAULT_CAP, key);
    }

    /**
     * MMD²_u at a given bandwidth h; pass the same h (and cap) when comparing several models with
     * one reference sample, so the numbers share a scale.
     */
    public static double mmd2(double[] a, double[] b, int d, double bandwidth, int cap, Key key) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be finite and > 0, got " + bandwidth);
        }
        checkCap(cap);
        Checks.rows(a, d, "a");
        Checks.rows(b, d, "b");
        double[] x = Checks.subsampleRows(a, d, cap, key.child(0));
        double[] y = Checks.subsampleRows(b, d, cap, key.child(1));
        int n = x.length / d;
        int m = y.length / d;
        Checks.atLeast(n, 2, "MMD a");
        Checks.atLeast(m, 2, "MMD b");
        double g = -0.5 / (bandwidth * bandwidth);
        double kxx = 2.0 * withinSum(x, n, d, g) / ((double) n * (n - 1));
        double kyy = 2.0 * withinSum(y, m, d, g) / ((double) m * (m - 1));
        double kxy = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                kxy += Math.exp(g * Checks.sqDist(x, i, y, j, d));
            }
        }
        return kxx + kyy - 2.0 * kxy / ((double) n * m);
    }

    /**
     * Median-heuristic bandwidth: the median Euclidean distance over all pairs of the pooled
     * points (up to {@value #BANDWIDTH_POINTS} drawn without replacement from each sample with
     * {@code key.child(0)} and {@code key.child(1)}). If that median is 0 (mostly repeated points)
     * the largest pairwise distance is used, and 1 if all points coincide.
     */
    public static double medianBandwidth(double[] a, double[] b, int d, Key key) {
        return medianBandwidth(a, b, d, BANDWIDTH_POINTS, key);
    }

    /** The median heuristic over up to {@code points} (≥ 1) points of each sample. */
    public static double medianBandwidth(double[] a, double[] b, int d, int points, Key key) {
        if (points < 1) {
            throw new IllegalArgumentException("bandwidth points must be >= 1, got " + points);
        }
        int n = Checks.rows(a, d, "a");
        int m = Checks.rows(b, d, "b");
        Checks.atLeast(n + m, 2, "median bandwidth");
        double[] pa = Checks.pickRows(a, d, Draw.choice(key.child(0), Math.max(n, 1), Math.min(n, points)));
        double[] pb = Checks.pickRows(b, d, Draw.choice(key.child(1), Math.max(m, 1), Math.min(m, points)));
        double[] pool = new double[pa.length + pb.length];
        System.arraycopy(pa, 0, pool, 0, pa.length);
        System.arraycopy(pb, 0, pool, pa.length, pb.length);
        int p = pool.length / d;
        double[] dist = new double[p * (p - 1) / 2];
        int k = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                dist[k++] = Math.sqrt(Checks.sqDist(pool, i, pool, j, d));
            }
        }
        Arrays.sort(dist);
        int half = dist.length / 2;
        double median = dist.length % 2 == 1 ? dist[half] : 0.5 * (dist[half - 1] + dist[half]);
        if (median > 0 && Double.isFinite(median)) {
            return median;
        }
        double max = dist[dist.length - 1];
        return max > 0 && Double.isFinite(max) ? max : 1.0;
    }

    /** Σ_{i&lt;j} exp(g‖x_i − x_j‖²). */
    private static double withinSum(double[] x, int n, int d, double g) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.exp(g * Checks.sqDist(x, i, x, j, d));
            }
        }
        return s;
    }

    static void checkCap(int cap) {
        if (cap < 2) {
            throw new IllegalArgumentException("cap must be >= 2, got " + cap);
        }
    }
}
