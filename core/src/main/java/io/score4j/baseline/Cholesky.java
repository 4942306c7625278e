package io.score4j.baseline;

/** Cholesky factors of correlation matrices (flat [d, d], row-major) for {@link GaussianCopula}. */
final class Cholesky {
    private Cholesky() {}

    /**
     * R itself when it is positive definite, else the shrunk (R + εI)/(1 + ε) for the smallest ε in
     * 1e-10, 1e-9, … that is: a unit diagonal is kept, and exactly collinear columns (a copy, a constant)
     * still factor.
     */
    static double[] nearestDefinite(double[] r) {
        int d = (int) Math.round(Math.sqrt(r.length));
        if (tryFactor(r, d) != null) {
            return r.clone();
        }
        for (double eps = 1e-10; eps <= 1.0; eps *= 10) {
            double[] s = new double[r.length];
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    s[j * d + k] = j == k ? 1.0 : r[j * d + k] / (1.0 + eps);
                }
            }
            if (tryFactor(s, d) != null) {
                return s;
            }
        }
        throw new IllegalStateException("no shrinkage makes the correlation positive definite");
    }

    /** The lower-triangular L with L Lᵀ = R. */
    static double[] factor(double[] r, int d) {
        double[] l = tryFactor(r, d);
        if (l == null) {
            throw new IllegalArgumentException("correlation matrix is not positive definite");
        }
        return l;
    }

    /** Throws unless r is a d×d symmetric matrix with unit diagonal, entries in [−1, 1], positive definite. */
    static void checkCorrelation(double[] r, int d) {
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                double v = r[j * d + k];
                if (!(Math.abs(v) <= 1) || v != r[k * d + j] || (j == k && v != 1.0)) {
                    throw new IllegalArgumentException("correlation must be symmetric with unit diagonal and entries in "
                            + "[-1, 1], got " + v + " at (" + j + ", " + k + ")");
                }
            }
        }
        factor(r, d);
    }

    private static double[] tryFactor(double[] r, int d) {
        double[] l = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k <= j; k++) {
                double s = r[j * d + k];
                for (int m = 0; m < k; m++) {
                    s -= l[j * d + m] * l[k * d + m];
                }
                if (j == k) {
                    if (!(s > 1e-12)) {
                        return null;
                    }
                    l[j * d + j] = Math.sqrt(s);
                } else {
                    l[j * d + k] = s / l[k * d + k];
                }
            }
        }
        return l;
    }
}
