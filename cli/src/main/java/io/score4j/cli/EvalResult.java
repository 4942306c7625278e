package io.score4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code score4j eval} reports, and its JSON form ({@link #toJson()}). Non-finite numbers
 * become JSON {@code null}.
 *
 * @param samples     the samples file: rows, and how many were finite
 * @param reference   the reference: its kind ({@code csv} or {@code mixture}), file, and rows used
 *                    (for a mixture, the number of fresh draws behind MMD, energy and sliced W₁)
 * @param seed        the {@code --seed} whose key drew every random choice
 * @param columns     per-column statistics, in column order
 * @param distances   the multivariate distances
 * @param correlation correlation matrices and their difference; null when d = 1
 * @param modes       mass per mixture component; empty for a CSV reference
 * @param oneD        one-dimensional extras; null when d ≥ 2
 */
record EvalResult(Side samples, Side reference, long seed, List<Column> columns, Distances distances,
                  Correlation correlation, List<Mode> modes, OneD oneD) {
    /** Significance level of the reported KS critical values. */
    static final double KS_ALPHA = 0.05;

    EvalResult {
        if (samples == null || reference == null || columns == null || columns.isEmpty() || distances == null
                || modes == null) {
            throw new IllegalArgumentException("eval result needs samples, reference, columns, distances and modes");
        }
        if ((correlation == null) != (columns.size() < 2) || (oneD == null) != (columns.size() >= 2)) {
            throw new IllegalArgumentException("correlation is reported exactly when d >= 2 and oneD exactly when d = 1, d="
                    + columns.size());
        }
        columns = List.copyOf(columns);
        modes = List.copyOf(modes);
    }

    /**
     * One side of the comparison.
     *
     * @param kind       {@code samples}, {@code csv} or {@code mixture}
     * @param rows       data rows
     * @param finiteRows rows without NaN or infinite values (the ones every metric uses)
     */
    record Side(String kind, String file, int rows, int finiteRows) {
        Side {
            if (kind == null || file == null || rows < 0 || finiteRows < 0 || finiteRows > rows) {
                throw new IllegalArgumentException("side needs a kind, a file and 0 <= finiteRows <= rows, got "
                        + kind + ", " + file + ", " + finiteRows + "/" + rows);
            }
        }
    }

    /**
     * Statistics of one column.
     *
     * @param ks         KS distance: two-sample against a CSV, one-sample against the mixture's marginal CDF
     * @param ksCritical the asymptotic critical value at {@link #KS_ALPHA}: distances above it are unlikely
     *                   (probability about α) if the samples come from the reference's distribution
     */
    record Column(String name, double samplesMean, double samplesStd, double referenceMean, double referenceStd,
                  double ks, double ksCritical) {
        Column {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("column name must be non-blank, got " + name);
            }
        }
    }

    /**
     * Distances between the two d-dimensional distributions.
     *
     * @param mmd2        unbiased MMD² with an RBF kernel (scatters around 0 for equal distributions)
     * @param bandwidth   the kernel's median-heuristic bandwidth h
     * @param energy      energy distance (V-statistic)
     * @param sliced      sliced Wasserstein-1 over {@code projections} random directions
     */
    record Distances(double mmd2, double bandwidth, double energy, double sliced, int projections) {
        Distances {
            if (projections < 1) {
                throw new IllegalArgumentException("projections must be >= 1, got " + projections);
            }
        }
    }

    /**
     * Pearson correlation matrices, flat [d, d], and the Frobenius and max-abs norms of their difference.
     * For a mixture the reference matrix is exact (from its moments).
     */
    record Correlation(double[] samples, double[] reference, double frobenius, double maxAbs) {
        Correlation {
            if (samples == null || reference == null || samples.length != reference.length) {
                throw new IllegalArgumentException("correlation matrices must both be given with equal sizes");
            }
        }
    }

    /**
     * A mixture component: its weight w, the fraction of finite samples nearest its mean, and the
     * binomial standard error √(w(1 − w)/n) that fraction would have for exact samples.
     */
    record Mode(int component, double weight, double mass, double standardError) {
        Mode {
            if (component < 0) {
                throw new IllegalArgumentException("component must be >= 0, got " + component);
            }
        }
    }

    /**
     * One-dimensional extras: the exact W₁ between the samples and the reference (empirical or the
     * mixture's CDF), and the fraction of values above 0 on each side.
     */
    record OneD(double wasserstein1, double samplesFractionPositive, double referenceFractionPositive) {}

    /** Dimension. */
    int d() {
        return columns.size();
    }

    /** The JSON object written by {@code --json}, keys in a fixed order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", ordered("file", samples.file(), "rows", samples.rows(), "finite_rows", samples.finiteRows(),
                "non_finite_rows", samples.rows() - samples.finiteRows()));
        m.put("reference", ordered("kind", reference.kind(), "file", reference.file(), "rows", reference.rows()));
        m.put("seed", seed);
        m.put("ks_alpha", KS_ALPHA);
        m.put("columns", columns.stream().map(EvalResult::columnJson).toList());
        m.put("mmd2", num(distances.mmd2()));
        m.put("mmd_bandwidth", num(distances.bandwidth()));
        m.put("energy_distance", num(distances.energy()));
        m.put("sliced_wasserstein", num(distances.sliced()));
        m.put("projections", distances.projections());
        if (correlation != null) {
            m.put("correlation", correlationJson(correlation, d()));
        }
        if (!modes.isEmpty()) {
            m.put("modes", modes.stream().map(EvalResult::modeJson).toList());
        }
        if (oneD != null) {
            m.put("wasserstein1", num(oneD.wasserstein1()));
            m.put("fraction_positive", ordered("samples", num(oneD.samplesFractionPositive()),
                    "reference", num(oneD.referenceFractionPositive())));
        }
        return m;
    }

    private static Map<String, Object> columnJson(Column c) {
        return ordered("name", c.name(), "samples_mean", num(c.samplesMean()), "samples_std", num(c.samplesStd()),
                "reference_mean", num(c.referenceMean()), "reference_std", num(c.referenceStd()),
                "ks", num(c.ks()), "ks_critical", num(c.ksCritical()));
    }

    private static Map<String, Object> correlationJson(Correlation c, int d) {
        return ordered("samples", matrix(c.samples(), d), "reference", matrix(c.reference(), d),
                "frobenius", num(c.frobenius()), "max_abs", num(c.maxAbs()));
    }

    private static Map<String, Object> modeJson(Mode mode) {
        return ordered("component", mode.component(), "weight", num(mode.weight()), "mass", num(mode.mass()),
                "standard_error", num(mode.standardError()));
    }

    /** An insertion-ordered map from alternating keys and values (values may be null). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static List<List<Double>> matrix(double[] flat, int d) {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                row.add(num(flat[i * d + j]));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The value, or null (JSON has no NaN or infinity). */
    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
