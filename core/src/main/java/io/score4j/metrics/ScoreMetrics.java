package io.score4j.metrics;

import io.score4j.density.Density;

/**
 * Distances between a learned score s and a known score s* = ∇ₓ log p evaluated at the same points.
 * Scores are flat row-major arrays of shape [n, d], point i at {@code [i*d, (i+1)*d)}.
 */
public final class ScoreMetrics {
    private ScoreMetrics() {}

    /**
     * Fisher divergence estimate ½ · (1/n) Σ_i ‖s(x_i) − s*(x_i)‖², the score-matching objective
     * minus its floor when the x_i are drawn from p.
     *
     * @param learned s at n points, shape [n, d]
     * @param truth   s* at the same points, shape [n, d]
     */
    public static double fisherDivergence(double[] learned, double[] truth, int d) {
        Checks.sameLength(learned, truth, "fisherDivergence");
        int n = Checks.rows(learned, d, "learned");
        Checks.atLeast(n, 1, "fisherDivergence");
        return 0.5 * sumSquaredDiff(learned, truth) / n;
    }

    /** {@link #fisherDivergence(double[], double[], int)} with s* computed from {@code truth} at {@code points} (shape [n, d]). */
    public static double fisherDivergence(double[] points, double[] learned, Density truth) {
        return fisherDivergence(learned, trueScores(points, truth), truth.dim());
    }

    /**
     * Mean squared error over every entry, (1/(n·d)) Σ_i Σ_j (s_ij − s*_ij)², as the seed's
     * {@code grid_mse} over a fixed grid of points.
     */
    public static double gridMse(double[] learned, double[] truth) {
        Checks.sameLength(learned, truth, "gridMse");
        Checks.atLeast(learned.length, 1, "gridMse");
        return sumSquaredDiff(learned, truth) / learned.length;
    }

    /** {@link #gridMse(double[], double[])} with s* computed from {@code truth} at {@code grid} (shape [n, d]). */
    public static double gridMse(double[] grid, double[] learned, Density truth) {
        return gridMse(learned, trueScores(grid, truth));
    }

    /** The 1-D grid lo, lo + step, …, lo + (count−1)·step (the seed uses lo = −4, step = 0.01, count = 800). */
    public static double[] uniformGrid(double lo, double step, int count) {
        if (count < 0 || !(step > 0) || !Double.isFinite(lo) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("uniformGrid needs finite lo, step > 0, count >= 0; got lo=" + lo
                    + ", step=" + step + ", count=" + count);
        }
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = lo + i * step;
        }
        return g;
    }

    /** s*(x) of each point of {@code points} (shape [n, d]); shape [n, d]. */
    public static double[] trueScores(double[] points, Density truth) {
        int d = truth.dim();
        Checks.rows(points, d, "points");
        double[] out = new double[points.length];
        for (int off = 0; off < points.length; off += d) {
            truth.score(points, off, out, off);
        }
        return out;
    }

    private static double sumSquaredDiff(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - b[i];
            s += diff * diff;
        }
        return s;
    }
}
