package io.score4j.comparison;

import io.score4j.comparison.Metric.Units;
import io.score4j.metrics.ClassifierTwoSample;
import io.score4j.metrics.ClosestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link Fidelity} check finds: a test per column, the classifier two-sample test and the
 * distances to closest record. Its headline numbers, each with units and a one-line meaning, are
 * {@link #metrics()}; its JSON form is {@link #toJson()}.
 *
 * @param settings the settings used
 * @param columns  one check per column, in column order
 * @param c2st     real (reference) rows against the samples; null when C2ST is off or either side has fewer
 *                 rows than folds
 * @param holdoutC2st real reference rows against held-out real rows, the level a perfect generator would
 *                 reach; null without held-out rows or with C2ST off
 * @param samplesDcr distances to closest reference record of the samples
 * @param holdoutDcr the same for held-out real rows; null without them
 */
public record FidelityResult(FidelitySettings settings, List<ColumnCheck> columns, ClassifierTwoSample.Result c2st,
                             ClassifierTwoSample.Result holdoutC2st, Dcr samplesDcr, Dcr holdoutDcr) {
    public FidelityResult {
        if (settings == null || columns == null || columns.isEmpty() || samplesDcr == null
                || (c2st != null && !settings.c2st()) || (holdoutC2st != null && c2st == null)) {
            throw new IllegalArgumentException("fidelity result needs settings, columns, samples' DCR, and C2ST only "
                    + "when the settings ask for it");
        }
        columns = List.copyOf(columns);
    }

    /**
     * One column's two-sample test: total variation for a discrete reference column (at most
     * {@link FidelitySettings#maxLevels()} distinct values), KS otherwise.
     *
     * @param name      column name
     * @param discrete  whether the column is tested with total variation
     * @param levels    distinct values of the reference column
     * @param statistic TV or KS distance, in [0, 1]
     * @param critical  the value the statistic exceeds with probability about α when both sides follow one
     *                  law: a permutation quantile for TV, the asymptotic KS critical value otherwise
     * @param offGrid   discrete columns: the fraction of sample values the reference never takes; NaN otherwise
     */
    public record ColumnCheck(String name, boolean discrete, int levels, double statistic, double critical,
                              double offGrid) {
        public ColumnCheck {
            if (name == null || name.isBlank() || levels < 1) {
                throw new IllegalArgumentException("column check needs a name and levels >= 1, got " + name);
            }
        }

        /** Whether the statistic stays below its critical value. */
        public boolean passes() {
            return statistic < critical;
        }
    }

    /**
     * Distances to closest reference record of one side's rows, in standard units (each column divided
     * by the reference's standard deviation).
     *
     * @param rows        finite rows of that side
     * @param queried     rows whose distance was computed (all, or a subsample of {@link FidelitySettings#dcrRows()})
     * @param median      median distance of the queried rows
     * @param standardError the median's standard error ({@link ClosestRecord#medianStandardError}; NaN below 2 rows)
     * @param exactCopies rows (of all {@code rows}) equal to some reference row in every column
     */
    public record Dcr(int rows, int queried, double median, double standardError, int exactCopies) {
        public Dcr {
            if (queried < 1 || queried > rows || exactCopies < 0 || exactCopies > rows) {
                throw new IllegalArgumentException("DCR needs 1 <= queried <= rows and 0 <= copies <= rows, got " + queried
                        + ", " + rows + ", " + exactCopies);
            }
        }
    }

    /** Fraction of columns whose test passes (statistic below its critical value). */
    public double columnsPassing() {
        return columns.stream().filter(ColumnCheck::passes).count() / (double) columns.size();
    }

    /**
     * The headline numbers in a fixed order: columns_passing; c2st_accuracy and c2st_standard_error
     * (C2ST on), c2st_holdout_accuracy (and held-out rows); dcr_median_samples, exact_copies;
     * dcr_median_holdout, dcr_holdout_standard_error and holdout_exact_copies (held-out rows).
     */
    public List<Metric> metrics() {
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("columns_passing", String.format(Locale.ROOT, "columns passing (α = %s)", settings.alpha()),
                columnsPassing(), Units.FRACTION, "share of columns whose TV (discrete) or KS (continuous) is below "
                + "its critical value"));
        if (c2st != null) {
            m.add(new Metric("c2st_accuracy", String.format(Locale.ROOT, "C2ST accuracy (%d folds)", c2st.folds()),
                    c2st.accuracy(), Units.FRACTION, String.format(Locale.ROOT, "cross-validated accuracy of boosted "
                    + "trees telling reference rows from samples (%d rows per side); 0.5 = indistinguishable, 1 = fully "
                    + "separable, well below 0.5 = samples closer to the reference rows than fresh rows would be",
                    c2st.rowsPerSide())));
            m.add(new Metric("c2st_standard_error", "C2ST standard error", c2st.standardError(), Units.FRACTION,
                    "binomial standard error of the accuracy; under one law it is about ½ ± "
                    + String.format(Locale.ROOT, "%.4f", c2st.nullStandardError())));
        }
        if (holdoutC2st != null) {
            m.add(new Metric("c2st_holdout_accuracy", "C2ST accuracy, held-out rows", holdoutC2st.accuracy(),
                    Units.FRACTION, String.format(Locale.ROOT, "the same test of reference rows against held-out real "
                    + "rows (%d rows per side): what a perfect generator would score", holdoutC2st.rowsPerSide())));
        }
        m.add(new Metric("dcr_median_samples", "DCR median (samples)", samplesDcr.median(), Units.STANDARD,
                "median distance of a sample row to its closest reference row (" + samplesDcr.queried() + " rows)"));
        m.add(new Metric("exact_copies", "exact copies (samples)", samplesDcr.exactCopies(), Units.ROWS,
                "sample rows equal to a reference row in every column, of " + samplesDcr.rows()));
        if (holdoutDcr != null) {
            m.add(new Metric("dcr_median_holdout", "DCR median (held-out)", holdoutDcr.median(), Units.STANDARD,
                    "the same for held-out real rows: samples well below it suggest memorised rows"));
            m.add(new Metric("dcr_holdout_standard_error", "DCR median standard error (held-out)",
                    holdoutDcr.standardError(), Units.STANDARD, "the held-out median's sampling error (order statistics "
                    + "of its " + holdoutDcr.queried() + " rows): a samples' median within about two of it is at fresh "
                    + "rows' distance"));
            m.add(new Metric("holdout_exact_copies", "exact copies (held-out)", holdoutDcr.exactCopies(), Units.ROWS,
                    "held-out rows equal to a reference row (duplicates in the real data), of " + holdoutDcr.rows()));
        }
        return m;
    }

    /** The JSON object, keys in a fixed order (see {@link FidelityJson}). */
    public Map<String, Object> toJson() {
        return FidelityJson.of(this);
    }
}
