package io.score4j.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link ComparisonResult}, keys in this order: {@code samples} (rows,
 * finite_rows, non_finite_rows), {@code reference} (kind {@code rows} or {@code mixture}, rows),
 * {@code seed}, {@code ks_alpha}, {@code columns} (name, samples_mean, samples_std, reference_mean,
 * reference_std, ks, ks_critical), {@code mmd2}, {@code mmd_bandwidth}, {@code mmd_subsample},
 * {@code energy_distance}, {@code sliced_wasserstein}, {@code projections}, {@code units} (each
 * headline metric's units), then {@code correlation} (d ≥ 2), {@code modes} (mixture),
 * {@code wasserstein1} and {@code fraction_positive} (d = 1). Non-finite numbers become {@code null}.
 */
final class ComparisonJson {
    private ComparisonJson() {}

    static Map<String, Object> of(ComparisonResult r) {
        ComparisonResult.Counts n = r.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", ordered("rows", n.samplesRows(), "finite_rows", n.finiteSamples(),
                "non_finite_rows", n.nonFiniteSamples()));
        m.put("reference", ordered("kind", n.mixture() ? "mixture" : "rows", "rows", n.referenceRows()));
        m.put("seed", r.settings().seed());
        m.put("ks_alpha", r.settings().ksAlpha());
        m.put("columns", r.columns().stream().map(ComparisonJson::column).toList());
        m.put("mmd2", num(r.distances().mmd2()));
        m.put("mmd_bandwidth", num(r.distances().bandwidth()));
        m.put("mmd_subsample", r.settings().subsample());
        m.put("energy_distance", num(r.distances().energy()));
        m.put("sliced_wasserstein", num(r.distances().sliced()));
        m.put("projections", r.settings().projections());
        Map<String, Object> units = new LinkedHashMap<>();
        r.metrics().forEach(metric -> units.put(metric.key(), metric.units().text()));
        m.put("units", units);
        if (r.correlation() != null) {
            ComparisonResult.Correlation c = r.correlation();
            m.put("correlation", ordered("samples", matrix(c.samples(), r.d()), "reference", matrix(c.reference(), r.d()),
                    "frobenius", num(c.frobenius()), "max_abs", num(c.maxAbs())));
        }
        if (!r.modes().isEmpty()) {
            m.put("modes", r.modes().stream().map(mode -> ordered("component", mode.component(), "weight",
                    num(mode.weight()), "mass", num(mode.mass()), "standard_error", num(mode.standardError()))).toList());
        }
        if (r.oneD() != null) {
            m.put("wasserstein1", num(r.oneD().wasserstein1()));
            m.put("fraction_positive", ordered("samples", num(r.oneD().samplesFractionPositive()),
                    "reference", num(r.oneD().referenceFractionPositive())));
        }
        return m;
    }

    private static Map<String, Object> column(ComparisonResult.Column c) {
        return ordered("name", c.name(), "samples_mean", num(c.samplesMean()), "samples_std", num(c.samplesStd()),
                "reference_mean", num(c.referenceMean()), "reference_std", num(c.referenceStd()),
                "ks", num(c.ks()), "ks_critical", num(c.ksCritical()));
    }

    /** An insertion-ordered map from alternating keys and values (values may be null). */
    static Map<String, Object> ordered(Object... keysAndValues) {
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
