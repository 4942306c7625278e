package io.score4j.comparison;

import io.score4j.comparison.Metric.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a {@link Comparison} computes. Its JSON form is {@link #toJson()}; its headline
 * numbers, each with units and a one-line meaning, are {@link #metrics()}.
 *
 * @param settings    the settings used (seed, subsample size, projections, …)
 * @param counts      rows on each side
 * @param columns     per-column statistics, in column order, shape [d]
 * @param distances   the multivariate distances
 * @param correlation correlation matrices and their difference; null when d = 1
 * @param modes       mass per mixture component; empty for a rows reference
 * @param oneD        one-dimensional extras; null when d ≥ 2
 */
public record ComparisonResult(ComparisonSettings settings, Counts counts, List<Column> columns, Distances distances,
                               Correlation correlation, List<Mode> modes, OneD oneD) {
    public ComparisonResult {
        if (settings == null || counts == null || columns == null || columns.isEmpty() || distances == null
                || modes == null) {
            throw new IllegalArgumentException("comparison result needs settings, counts, columns, distances and modes");
        }
        if ((correlation == null) != (columns.size() < 2) || (oneD == null) != (columns.size() >= 2)) {
            throw new IllegalArgumentException("correlation is reported exactly when d >= 2 and oneD exactly when d = 1, d="
                    + columns.size());
        }
        columns = List.copyOf(columns);
        modes = List.copyOf(modes);
    }

    /**
     * Rows on each side.
     *
     * @param samplesRows    sample rows given, finite or not
     * @param finiteSamples  sample rows without NaN or infinite values (the ones every metric uses)
     * @param mixture        whether the reference is a mixture
     * @param referenceRows  reference rows; for a mixture the draws behind MMD², energy and sliced W₁
     */
    public record Counts(int samplesRows, int finiteSamples, boolean mixture, int referenceRows) {
        public Counts {
            if (finiteSamples < 0 || finiteSamples > samplesRows || referenceRows < 0) {
                throw new IllegalArgumentException("counts need 0 <= finiteSamples <= samplesRows and referenceRows >= 0, "
                        + "got " + finiteSamples + "/" + samplesRows + ", " + referenceRows);
            }
        }

        /** Sample rows with a NaN or infinite entry, left out of every metric. */
        public int nonFiniteSamples() {
            return samplesRows - finiteSamples;
        }
    }

    /**
     * Statistics of one column.
     *
     * @param ks         KS distance: two-sample against rows, one-sample against the mixture's marginal CDF
     * @param ksCritical the asymptotic critical value at {@link ComparisonSettings#ksAlpha()}: distances above it
     *                   are unlikely (probability about α) if the samples come from the reference's distribution
     */
    public record Column(String name, double samplesMean, double samplesStd, double referenceMean, double referenceStd,
                         double ks, double ksCritical) {
        public Column {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("column name must be non-blank, got " + name);
            }
        }
    }

    /**
     * Distances between the two d-dimensional distributions.
     *
     * @param mmd2      unbiased MMD² with a Gaussian kernel (scatters around 0 for equal distributions)
     * @param bandwidth the kernel's bandwidth h, data units
     * @param energy    energy distance (V-statistic), data units
     * @param sliced    sliced Wasserstein-1, data units
     */
    public record Distances(double mmd2, double bandwidth, double energy, double sliced) {}

    /**
     * Pearson correlation matrices, flat [d, d], and the Frobenius and max-abs norms of their difference.
     * For a mixture the reference matrix is exact (from its moments).
     */
    public record Correlation(double[] samples, double[] reference, double frobenius, double maxAbs) {
        public Correlation {
            if (samples == null || reference == null || samples.length != reference.length) {
                throw new IllegalArgumentException("correlation matrices must both be given with equal sizes");
            }
            samples = samples.clone();
            reference = reference.clone();
        }

        @Override
        public double[] samples() {
            return samples.clone();
        }

        @Override
        public double[] reference() {
            return reference.clone();
        }
    }

    /**
     * A mixture component: its weight w, the fraction of finite samples nearest its mean, and the
     * binomial standard error √(w(1 − w)/n) that fraction would have for exact samples.
     */
    public record Mode(int component, double weight, double mass, double standardError) {
        public Mode {
            if (component < 0) {
                throw new IllegalArgumentException("component must be >= 0, got " + component);
            }
        }
    }

    /**
     * One-dimensional extras: the exact W₁ between the samples and the reference (empirical or the
     * mixture's CDF), and the fraction of values above 0 on each side.
     */
    public record OneD(double wasserstein1, double samplesFractionPositive, double referenceFractionPositive) {}

    /** Dimension. */
    public int d() {
        return columns.size();
    }

    /**
     * The headline numbers in a fixed order: mmd2, mmd_bandwidth, energy_distance,
     * sliced_wasserstein; then correlation_frobenius and correlation_max_abs (d ≥ 2) or wasserstein1,
     * fraction_positive_samples and fraction_positive_reference (d = 1).
     */
    public List<Metric> metrics() {
        int cap = settings.subsample();
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("mmd2", String.format(Locale.ROOT, "MMD² (Gaussian kernel, ≤ %d rows per side)", cap),
                distances.mmd2(), Units.NONE, "unbiased squared maximum mean discrepancy at bandwidth mmd_bandwidth; "
                + "0 in expectation when both sides follow one law, so small negative values are noise"));
        boolean median = settings.bandwidth() instanceof Bandwidth.Median;
        m.add(new Metric("mmd_bandwidth", "MMD bandwidth h (" + (median ? "median heuristic" : "fixed") + ")",
                distances.bandwidth(), Units.DATA, "the kernel is exp(−‖x − y‖²/(2h²)); " + bandwidthRule()));
        m.add(new Metric("energy_distance", String.format(Locale.ROOT, "energy distance (≤ %d rows per side)", cap),
                distances.energy(), Units.DATA, "2E‖X − Y‖ − E‖X − X'‖ − E‖Y − Y'‖ (V-statistic); biased upwards by "
                + "about (1/n + 1/m)·E‖X − X'‖ even for perfect samples"));
        m.add(new Metric("sliced_wasserstein", String.format(Locale.ROOT, "sliced W1 (%d projections)",
                settings.projections()), distances.sliced(), Units.DATA, "mean 1-D Wasserstein-1 distance over "
                + settings.projections() + " random unit directions, all rows"));
        if (correlation != null) {
            m.add(new Metric("correlation_frobenius", "correlation difference (Frobenius)", correlation.frobenius(),
                    Units.NONE, "Frobenius norm of R_samples − R_reference (Pearson correlation matrices)"));
            m.add(new Metric("correlation_max_abs", "correlation difference (max abs)", correlation.maxAbs(),
                    Units.NONE, "largest |r_samples − r_reference| over column pairs"));
        }
        if (oneD != null) {
            m.add(new Metric("wasserstein1", "W1", oneD.wasserstein1(), Units.DATA,
                    "exact 1-D Wasserstein-1 distance "
                    + (counts.mixture() ? "to the mixture's CDF" : "between the two sides")));
            m.add(new Metric("fraction_positive_samples", "fraction positive (samples)", oneD.samplesFractionPositive(),
                    Units.FRACTION, "share of sample values above 0"));
            m.add(new Metric("fraction_positive_reference", "fraction positive (ref)", oneD.referenceFractionPositive(),
                    Units.FRACTION, "share of the reference above 0" + (counts.mixture() ? " (exact)" : "")));
        }
        return m;
    }

    /** The bandwidth rule in words. */
    public String bandwidthRule() {
        return settings.bandwidth() instanceof Bandwidth.Median med
                ? "h is the median pairwise distance of ≤ " + med.points() + " rows per side, pooled"
                : "h is fixed by the settings";
    }

    /** The JSON object of {@code eval --json}, keys in a fixed order (see {@link ComparisonJson}). */
    public Map<String, Object> toJson() {
        return ComparisonJson.of(this);
    }
}
