package io.score4j.report;

/** An axis-aligned rectangle {@code [xMin, xMax] × [yMin, yMax]} with finite, strictly ordered bounds. */
public record Box(double xMin, double xMax, double yMin, double yMax) {
    public Box {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax)) {
            throw new IllegalArgumentException("box x range must be finite with xMin < xMax, got [" + xMin + ", " + xMax + "]");
        }
        if (!(Double.isFinite(yMin) && Double.isFinite(yMax) && yMin < yMax)) {
            throw new IllegalArgumentException("box y range must be finite with yMin < yMax, got [" + yMin + ", " + yMax + "]");
        }
    }

    /**
     * The smallest box holding every finite point of every set, widened by 5% on each side (and to
     * width 1 around a single value); the unit box around the origin when there are no finite points.
     */
    public static Box around(Points... sets) {
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] y = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Points p : sets) {
            double[] xy = p.xy();
            for (int j = 0; j + 1 < xy.length; j += 2) {
                if (Double.isFinite(xy[j]) && Double.isFinite(xy[j + 1])) {
                    extend(x, xy[j]);
                    extend(y, xy[j + 1]);
                }
            }
        }
        double[] xr = Binning.widen(x[0], x[1]);
        double[] yr = Binning.widen(y[0], y[1]);
        return new Box(xr[0], xr[1], yr[0], yr[1]);
    }

    private static void extend(double[] range, double v) {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }

    /** Whether {@code (x, y)} lies inside, bounds included. */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
}
