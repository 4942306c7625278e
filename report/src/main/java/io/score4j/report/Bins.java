package io.score4j.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Equal-width histogram bins: {@code count} bins of {@code [lo, hi]}, with the rule that chose them
 * (for captions).
 *
 * @param lo    left edge of the first bin
 * @param hi    right edge of the last bin, {@code > lo}
 * @param count number of bins, 1 to 10 000
 * @param rule  how they were chosen, a phrase for a caption, e.g. "Freedman–Diaconis rule on the data"
 */
public record Bins(double lo, double hi, int count, String rule) {
    /** Fewest bins a rule picks. */
    public static final int MIN_BINS = 10;
    /** Most bins a rule picks. */
    public static final int MAX_BINS = 200;

    public Bins {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && hi > lo)) {
            throw new IllegalArgumentException("bins need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("bins must be in [1, 10000], got " + count);
        }
        java.util.Objects.requireNonNull(rule, "rule");
    }

    /** Bin width (hi − lo)/count. */
    public double width() {
        return (hi - lo) / count;
    }

    /** {@code count} equal bins over the finite range of all {@code sets} (widened when it is one point). */
    public static Bins fixed(int count, double[]... sets) {
        double[] r = span(sets);
        return new Bins(r[0], r[1], count, count + " equal bins");
    }

    /**
     * Bins over the finite range of all {@code sets}, of width chosen from {@code reference} (the data):
     * for whole-number data, one or more whole units per bin with edges at k − ½ (each integer in the
     * middle of its bin, no empty bins between integers), at least {@value #MIN_BINS} bins when the range spans
     * that many integers; otherwise the Freedman–Diaconis width 2·IQR·n^(−1/3). The count is kept within
     * [{@value #MIN_BINS}, {@value #MAX_BINS}].
     */
    public static Bins forData(double[] reference, double[]... sets) {
        double[] r = span(sets);
        double[] finite = Arrays.stream(reference).filter(Double::isFinite).sorted().toArray();
        double fd = finite.length < 4 ? 0 : 2 * (quantile(finite, 0.75) - quantile(finite, 0.25))
                * Math.pow(finite.length, -1.0 / 3);
        if (finite.length > 0 && wholeNumbers(finite)) {
            double lo = Math.floor(r[0]) - 0.5;
            double hi = Math.ceil(r[1]) + 0.5;
            double units = Math.max(1, Math.min(Math.ceil(Math.max(fd, (hi - lo) / MAX_BINS)),
                    Math.floor((hi - lo) / MIN_BINS)));
            int count = (int) Math.ceil((hi - lo) / units);
            return new Bins(lo, lo + count * units, count, String.format(Locale.ROOT,
                    "whole-number data: %s per bin, centred on integers", units == 1 ? "one value" : (long) units + " values"));
        }
        int count = fd > 0 ? (int) Math.ceil((r[1] - r[0]) / fd) : MIN_BINS;
        count = Math.max(MIN_BINS, Math.min(MAX_BINS, count));
        return new Bins(r[0], r[1], count, String.format(Locale.ROOT,
                "width %.3g by the Freedman–Diaconis rule 2·IQR·n^(−1/3) on the data", (r[1] - r[0]) / count));
    }

    /**
     * The range a histogram of samples shows next to {@code reference} (the data): the data's range
     * widened by half its span on each side (by ½ when the data are one value).
     */
    public static double[] viewRange(double[] reference) {
        double[] r = Binning.finiteRange(java.util.List.of(reference));
        double pad = r[1] > r[0] ? 0.5 * (r[1] - r[0]) : 0.5;
        return new double[] {r[0] - pad, r[1] + pad};
    }

    /**
     * The values inside {@link #viewRange}, so a few samples that ran far away do not squeeze the
     * histogram of the rest into a few bars; say how many were left out.
     */
    public static double[] inView(double[] values, double[] reference) {
        double[] r = viewRange(reference);
        return Arrays.stream(values).filter(v -> v >= r[0] && v <= r[1]).toArray();
    }

    private static boolean wholeNumbers(double[] sorted) {
        for (double v : sorted) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return sorted[sorted.length - 1] - sorted[0] <= 100_000;
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static double[] span(double[]... sets) {
        double[] r = Binning.finiteRange(Arrays.asList(sets));
        return r[0] < r[1] ? r : Binning.widen(r[0], r[1]);
    }
}
