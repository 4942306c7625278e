package io.score4j.comparison;

import io.score4j.metrics.ClassifierTwoSample;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a {@link FidelityResult} ({@code eval --json}'s {@code fidelity}), keys in this
 * order: {@code seed}, {@code alpha}, {@code columns} (name, kind {@code discrete|continuous}, levels,
 * test {@code tv|ks}, statistic, critical, passes, off_grid), {@code columns_passing}, {@code c2st}
 * (accuracy, standard_error, null_standard_error, rows_per_side, folds; null when off),
 * {@code c2st_holdout} (the same, held-out rows; null without), {@code dcr} ({@code samples} and
 * {@code holdout}, each rows, queried, median, exact_copies; holdout null without), then {@code units}
 * and {@code meanings} of each headline metric. Non-finite numbers become {@code null}.
 */
final class FidelityJson {
    private FidelityJson() {}

    static Map<String, Object> of(FidelityResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", r.settings().seed());
        m.put("alpha", r.settings().alpha());
        m.put("columns", r.columns().stream().map(c -> ComparisonJson.ordered("name", c.name(), "kind",
                c.discrete() ? "discrete" : "continuous", "levels", c.levels(), "test", c.discrete() ? "tv" : "ks",
                "statistic", num(c.statistic()), "critical", num(c.critical()), "passes", c.passes(),
                "off_grid", num(c.offGrid()))).toList());
        m.put("columns_passing", num(r.columnsPassing()));
        m.put("c2st", c2st(r.c2st()));
        m.put("c2st_holdout", c2st(r.holdoutC2st()));
        m.put("dcr", ComparisonJson.ordered("samples", dcr(r.samplesDcr()), "holdout", dcr(r.holdoutDcr())));
        Map<String, Object> units = new LinkedHashMap<>();
        Map<String, Object> meanings = new LinkedHashMap<>();
        r.metrics().forEach(metric -> {
            units.put(metric.key(), metric.units().text());
            meanings.put(metric.key(), metric.meaning());
        });
        m.put("units", units);
        m.put("meanings", meanings);
        return m;
    }

    private static Map<String, Object> c2st(ClassifierTwoSample.Result c) {
        return c == null ? null : ComparisonJson.ordered("accuracy", num(c.accuracy()), "standard_error",
                num(c.standardError()), "null_standard_error", num(c.nullStandardError()), "rows_per_side",
                c.rowsPerSide(), "folds", c.folds());
    }

    private static Map<String, Object> dcr(FidelityResult.Dcr d) {
        return d == null ? null : ComparisonJson.ordered("rows", d.rows(), "queried", d.queried(), "median",
                num(d.median()), "median_standard_error", num(d.standardError()), "exact_copies", d.exactCopies());
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
