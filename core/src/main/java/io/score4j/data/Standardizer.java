package io.score4j.data;

import java.util.Arrays;

/**
 * Per-column affine standardisation z_j = (x_j − m_j) / s_j, learned from a dataset.
 *
 * <p>m_j is the column mean and s_j the population standard deviation √(Σ_i (x_ij − m_j)² / n)
 * (numpy's default, ddof = 0). A constant column (all values equal, which includes n = 1) gets
 * s_j = 1, so it maps to exactly 0 and inverts back to its value, instead of dividing by zero.
 *
 * <p>Scores transform with the inverse scale: if s_z is the score of the standardised data, the
 * score of the original data is s_x(x)_j = s_z(z)_j / s_j ({@link #scoreToOriginal}).
 *
 * @param mean m, shape [d]
 * @param std  s, shape [d], each finite and &gt; 0
 */
public record Standardizer(double[] mean, double[] std) {

    public Standardizer {
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("standardizer mean and std must be non-empty and of equal length");
        }
        mean = mean.clone();
        std = std.clone();
        for (int j = 0; j < std.length; j++) {
            if (!Double.isFinite(mean[j]) || !(std[j] > 0.0) || Double.isInfinite(std[j])) {
                throw new IllegalArgumentException("standardizer column " + j + " needs a finite mean and a finite std > 0,"
                        + " got mean=" + mean[j] + ", std=" + std[j]);
            }
        }
    }

    /** The identity standardisation on {@code d} columns (mean 0, std 1), for runs that do not standardise. */
    public static Standardizer identity(int d) {
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new Standardizer(new double[d], ones);
    }

    /**
     * Learns per-column mean and std (ddof 0; constant columns get std 1) from {@code data}, which needs n ≥ 1.
     *
     * <p>Overflow-safe: each column is summed after scaling by the power of two 2^−e nearest its
     * largest magnitude (exact, so the result has the same bits as the plain formula wherever that
     * one does not overflow), and scaled back; values near ±1.8e308 give a finite mean and std.
     */
    public static Standardizer fit(Dataset data) {
        int n = data.n();
        int d = data.d();
        if (n < 1) {
            throw new IllegalArgumentException("cannot fit a standardizer to an empty dataset");
        }
        double[] v = data.values();
        double[] m = new double[d];
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, v[i * d + j]);
                max = Math.max(max, v[i * d + j]);
            }
            double big = Math.max(Math.abs(min), Math.abs(max));
            int e = big == 0.0 ? 0 : Math.getExponent(big);
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += Math.scalb(v[i * d + j], -e);
            }
            double mean = sum / n;
            double ss = 0.0;
            for (int i = 0; i < n; i++) {
                double r = Math.scalb(v[i * d + j], -e) - mean;
                ss += r * r;
            }
            m[j] = Math.scalb(mean, e);
            s[j] = min == max ? 1.0 : Math.scalb(Math.sqrt(ss / n), e);
        }
        return new Standardizer(m, s);
    }

    /** Dimension d. */
    public int dim() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * z = (x − m) / s for a flat row-major array (shape [n, d]); returns a new array. Where x − m
     * overflows (x and m near ±1.8e308 with opposite signs) it is computed as 2·(x/2 − m/2)/s.
     */
    public double[] apply(double[] x) {
        double[] out = new double[checkRows(x.length)];
        for (int i = 0; i < x.length; i++) {
            int j = i % mean.length;
            double diff = x[i] - mean[j];
            out[i] = Double.isInfinite(diff) && Double.isFinite(x[i]) ? (x[i] * 0.5 - mean[j] * 0.5) / std[j] * 2
                    : diff / std[j];
        }
        return out;
    }

    /** The standardised dataset, same columns. */
    public Dataset apply(Dataset data) {
        checkDim(data.d());
        return new Dataset(data.columns(), data.n(), data.d(), apply(data.values()));
    }

    /** x = z·s + m for a flat row-major array (shape [n, d]); returns a new array. */
    public double[] invert(double[] z) {
        double[] out = new double[checkRows(z.length)];
        for (int i = 0; i < z.length; i++) {
            int j = i % mean.length;
            out[i] = z[i] * std[j] + mean[j];
        }
        return out;
    }

    /** The dataset mapped back to the original scale, same columns. */
    public Dataset invert(Dataset data) {
        checkDim(data.d());
        return new Dataset(data.columns(), data.n(), data.d(), invert(data.values()));
    }

    /** Scores in standardised space (shape [n, d]) to scores in the original space: s_z / s, per column. */
    public double[] scoreToOriginal(double[] scoreZ) {
        double[] out = new double[checkRows(scoreZ.length)];
        for (int i = 0; i < scoreZ.length; i++) {
            out[i] = scoreZ[i] / std[i % std.length];
        }
        return out;
    }

    private int checkRows(int length) {
        if (length % mean.length != 0) {
            throw new IllegalArgumentException("array length " + length + " is not a multiple of d=" + mean.length);
        }
        return length;
    }

    private void checkDim(int d) {
        if (d != mean.length) {
            throw new IllegalArgumentException("dataset has d=" + d + " but the standardizer was fit with d=" + mean.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
