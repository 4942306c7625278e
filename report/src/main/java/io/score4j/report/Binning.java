package io.score4j.report;

/** Density-normalised histogram counts, in 1-D and 2-D. */
final class Binning {
    private Binning() {}

    /**
     * The range {@code [lo, hi]} of the finite values, widened by 5% on each side, to width 1 around
     * a single value, and to {@code [-0.5, 0.5]} when there is none. Arguments are min and max so far
     * ({@code +inf, -inf} when empty).
     */
    static double[] widen(double min, double max) {
        if (min > max) {
            return new double[] {-0.5, 0.5};
        }
        double pad = max > min ? 0.05 * (max - min) : 0.5;
        return new double[] {min - pad, max + pad};
    }

    /** {@code [min, max]} of the finite values in all arrays ({@code +inf, -inf} if none). */
    static double[] finiteRange(Iterable<double[]> arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * Density of the finite {@code values} over {@code bins} equal bins of {@code [lo, hi]}: count /
     * (number of finite values × bin width), so the bars integrate to the fraction of finite values
     * inside the range (1 when the range covers them all). The value {@code hi} falls in the last bin.
     */
    static double[] density1d(double[] values, double lo, double hi, int bins) {
        checkBins(bins);
        double width = (hi - lo) / bins;
        double[] out = new double[bins];
        long n = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            n++;
            if (v >= lo && v <= hi) {
                out[Math.min(bins - 1, (int) ((v - lo) / width))]++;
            }
        }
        scale(out, n == 0 ? 0 : 1 / (n * width));
        return out;
    }

    /**
     * Density of the finite points of flat {@code xy} over a {@code bins × bins} grid on {@code box},
     * indexed {@code [ix * bins + iy]}: count / (number of finite points × cell area), so the grid
     * integrates to the fraction of points inside the box.
     */
    static double[] density2d(double[] xy, Box box, int bins) {
        checkBins(bins);
        double dx = (box.xMax() - box.xMin()) / bins;
        double dy = (box.yMax() - box.yMin()) / bins;
        double[] out = new double[bins * bins];
        long n = 0;
        for (int j = 0; j + 1 < xy.length; j += 2) {
            double x = xy[j];
            double y = xy[j + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            n++;
            if (box.contains(x, y)) {
                int ix = Math.min(bins - 1, (int) ((x - box.xMin()) / dx));
                int iy = Math.min(bins - 1, (int) ((y - box.yMin()) / dy));
                out[ix * bins + iy]++;
            }
        }
        scale(out, n == 0 ? 0 : 1 / (n * dx * dy));
        return out;
    }

    private static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
    }

    private static void checkBins(int bins) {
        if (bins < 1 || bins > 10_000) {
            throw new IllegalArgumentException("bins must be in [1, 10000], got " + bins);
        }
    }
}
