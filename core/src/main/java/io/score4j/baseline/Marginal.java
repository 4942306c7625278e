package io.score4j.baseline;

import java.util.Arrays;

/**
 * One column's empirical distribution as a {@link GaussianCopula} keeps it: knots (values) with their
 * CDF levels, at most {@value #MAX_KNOTS}.
 *
 * <p>A {@linkplain #discrete() discrete} column (at most {@value #MAX_LEVELS} distinct values: binary,
 * categorical codes, small integers) keeps each value with its cumulative frequency, and its quantile
 * function is the step F⁻¹(u) = the smallest value whose level is ≥ u: only the data's own values come
 * back. A continuous column keeps K = min(n, {@value #MAX_KNOTS}) type-7 quantiles at levels k/(K − 1)
 * (all order statistics when n ≤ {@value #MAX_KNOTS}), and F⁻¹(u) interpolates linearly between them:
 * values stay within the data's [min, max] and fall between observed values rather than on them.
 *
 * @param discrete whether the quantile function is a step
 * @param values   knots, strictly increasing, finite, 1 … {@value #MAX_KNOTS} (≥ 2 when continuous)
 * @param levels   CDF level of each knot, increasing, in [0, 1], the last 1 (continuous: k/(K − 1))
 */
public record Marginal(boolean discrete, double[] values, double[] levels) {
    /** Most knots per column: bounds the model file at about 40 kB per column. */
    public static final int MAX_KNOTS = 1024;
    /** Most distinct values of a column treated as discrete. */
    public static final int MAX_LEVELS = 20;

    public Marginal {
        if (values == null || levels == null || values.length != levels.length || values.length < (discrete ? 1 : 2)
                || values.length > MAX_KNOTS) {
            throw new IllegalArgumentException("marginal needs 1.." + MAX_KNOTS + " knots (2 when continuous) with one "
                    + "level each, got " + (values == null ? "null" : values.length));
        }
        values = values.clone();
        levels = levels.clone();
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k]) || (k > 0 && !(values[k] > values[k - 1]) && discrete)
                    || (k > 0 && !(values[k] >= values[k - 1]))) {
                throw new IllegalArgumentException("marginal values must be finite and increasing (strictly when "
                        + "discrete), got " + values[k] + " at knot " + k);
            }
            if (!(levels[k] >= 0 && levels[k] <= 1) || (k > 0 && !(levels[k] > levels[k - 1]))) {
                throw new IllegalArgumentException("marginal levels must increase strictly within [0, 1], got " + levels[k]
                        + " at knot " + k);
            }
        }
        if (levels[levels.length - 1] != 1.0) {
            throw new IllegalArgumentException("a marginal's last level must be 1, got " + levels[levels.length - 1]);
        }
    }

    /** The marginal of {@code column} (finite values, at least 2). Nothing is modified. */
    public static Marginal of(double[] column) {
        if (column.length < 2) {
            throw new IllegalArgumentException("a marginal needs at least 2 values, got " + column.length);
        }
        double[] s = column.clone();
        Arrays.sort(s);
        double[] distinct = new double[Math.min(s.length, MAX_LEVELS + 1)];
        double[] cumulative = new double[distinct.length];
        int k = 0;
        for (int i = 0; i < s.length && k <= MAX_LEVELS; i++) {
            if (k == 0 || s[i] != distinct[k - 1]) {
                if (k == MAX_LEVELS) {
                    k++;
                    break;
                }
                distinct[k++] = s[i];
            }
            cumulative[k - 1] = (i + 1.0) / s.length;
        }
        if (k <= MAX_LEVELS && k >= 2) {
            return new Marginal(true, Arrays.copyOf(distinct, k), Arrays.copyOf(cumulative, k));
        }
        int knots = Math.min(s.length, MAX_KNOTS);
        double[] values = new double[knots];
        double[] levels = new double[knots];
        for (int j = 0; j < knots; j++) {
            levels[j] = (double) j / (knots - 1);
            double pos = levels[j] * (s.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, s.length - 1);
            values[j] = s[lo] + (pos - lo) * (s[hi] - s[lo]);
        }
        levels[knots - 1] = 1.0;
        return new Marginal(false, values, levels);
    }

    /** F⁻¹(u) for u in [0, 1] (see the class comment). */
    public double quantile(double u) {
        if (discrete) {
            int at = Arrays.binarySearch(levels, u);
            int k = at >= 0 ? at : -at - 1;
            return values[Math.min(k, values.length - 1)];
        }
        double pos = Math.min(Math.max(u, 0.0), 1.0) * (values.length - 1);
        int lo = Math.min((int) pos, values.length - 2);
        return values[lo] + (pos - lo) * (values[lo + 1] - values[lo]);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marginal m && discrete == m.discrete && Arrays.equals(values, m.values)
                && Arrays.equals(levels, m.levels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(levels) + (discrete ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Marginal[" + (discrete ? "discrete" : "continuous") + ", " + values.length + " knots]";
    }
}
