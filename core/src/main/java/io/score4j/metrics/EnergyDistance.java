package io.score4j.metrics;

import io.score4j.random.Key;

/**
 * Energy distance (Székely and Rizzo), V-statistic form:
 * <pre>
 *   ℰ = 2/(nm) Σ_i Σ_j ‖x_i − y_j‖ − 1/n² Σ_i Σ_j ‖x_i − x_j‖ − 1/m² Σ_i Σ_j ‖y_i − y_j‖ ≥ 0.
 * </pre>
 * In one dimension ℰ = 2 ∫ (F_a(t) − F_b(t))² dt exactly (F the empirical CDFs). For two samples
 * of one distribution E[ℰ] = (1/n + 1/m)·E‖X − X'‖ (the V-statistic's bias), not 0.
 *
 * <p>Cost is O(cap²·d): a sample with more than {@code cap} points (default {@value Mmd#DEFAULT_CAP})
 * is first subsampled without replacement with {@code key.child(0)} (a) or {@code key.child(1)} (b).
 */
public final class EnergyDistance {
    private EnergyDistance() {}

    /** ℰ with samples capped at {@value Mmd#DEFAULT_CAP} points. a: shape [n, d]; b: shape [m, d]. */
    public static double energy(double[] a, double[] b, int d, Key key) {
        return energy(a, b, d, Mmd.DEFAULT_CAP, key);
    }

    /** ℰ with samples capped at {@code cap} points each. */
    public static double energy(double[] a, double[] b, int d, int cap, Key key) {
        Mmd.checkCap(cap);
        Checks.rows(a, d, "a");
        Checks.rows(b, d, "b");
        double[] x = Checks.subsampleRows(a, d, cap, key.child(0));
        double[] y = Checks.subsampleRows(b, d, cap, key.child(1));
        int n = x.length / d;
        int m = y.length / d;
        Checks.atLeast(n, 1, "energy a");
        Checks.atLeast(m, 1, "energy b");
        double cross = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                cross += Math.sqrt(Checks.sqDist(x, i, y, j, d));
            }
        }
        return 2.0 * cross / ((double) n * m) - meanWithin(x, n, d) - meanWithin(y, m, d);
    }

    /** (1/n²) Σ_i Σ_j ‖x_i − x_j‖ = (2/n²) Σ_{i&lt;j} ‖x_i − x_j‖. */
    private static double meanWithin(double[] x, int n, int d) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.sqrt(Checks.sqDist(x, i, x, j, d));
            }
        }
        return 2.0 * s / ((double) n * n);
    }
}
