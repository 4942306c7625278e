package io.score4j.report;

import io.score4j.comparison.FidelityResult;
import io.score4j.comparison.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of a fidelity check ({@code score4j eval} prints it after the {@link ComparisonTable}):
 * one row per column test, then the headline metrics with their units and (left-aligned, last) their
 * meanings; and, for several
 * sample files, their headline metrics side by side.
 */
public final class FidelityTable {
    private FidelityTable() {}

    /** The column tests and the fidelity metrics, ending with a line break. */
    public static String render(FidelityResult f) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "kind", "levels", "test", "statistic",
            "critical " + String.format(Locale.ROOT, "%.0f%%", 100 * f.settings().alpha()), "passes", "off-grid"});
        for (FidelityResult.ColumnCheck c : f.columns()) {
            rows.add(new String[] {c.name(), c.discrete() ? "discrete" : "continuous", Integer.toString(c.levels()),
                c.discrete() ? "TV" : "KS", fixed(c.statistic()), fixed(c.critical()), c.passes() ? "yes" : "NO",
                c.discrete() ? fixed(c.offGrid()) : ""});
        }
        List<String[]> metrics = new ArrayList<>();
        List<String> meanings = new ArrayList<>();
        metrics.add(new String[] {"fidelity and privacy", "value", "units"});
        meanings.add("meaning");
        for (Metric m : f.metrics()) {
            metrics.add(new String[] {m.label(), value(m), m.units().text()});
            meanings.add(m.meaning());
        }
        String[] lines = ComparisonTable.align(metrics).split(System.lineSeparator());
        int width = 0;
        for (String line : lines) {
            width = Math.max(width, line.length());
        }
        StringBuilder b = new StringBuilder(ComparisonTable.align(rows)).append(System.lineSeparator());
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]).append(" ".repeat(width - lines[i].length() + 2)).append(meanings.get(i))
                    .append(System.lineSeparator());
        }
        return b.toString();
    }

    /**
     * Headline metrics of several sample files side by side: one row per metric key (in the first
     * file's order, then any others), one column per file; a metric a file lacks is shown as "-".
     *
     * @param files   the files as named, shape [k]
     * @param metrics each file's metrics, shape [k]
     */
    public static String sideBySide(List<String> files, List<List<Metric>> metrics) {
        if (files.size() != metrics.size() || files.isEmpty()) {
            throw new IllegalArgumentException("side by side needs one metric list per file");
        }
        List<String> keys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (List<Metric> list : metrics) {
            for (Metric m : list) {
                if (!keys.contains(m.key())) {
                    keys.add(m.key());
                    labels.add(m.label());
                    units.add(m.units().text());
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[files.size() + 2];
        head[0] = "metric";
        for (int k = 0; k < files.size(); k++) {
            head[k + 1] = files.get(k);
        }
        head[files.size() + 1] = "units";
        rows.add(head);
        for (int i = 0; i < keys.size(); i++) {
            String[] row = new String[files.size() + 2];
            row[0] = labels.get(i);
            for (int k = 0; k < files.size(); k++) {
                String key = keys.get(i);
                row[k + 1] = metrics.get(k).stream().filter(m -> m.key().equals(key)).findFirst()
                        .map(FidelityTable::value).orElse("-");
            }
            row[files.size() + 1] = units.get(i);
            rows.add(row);
        }
        return ComparisonTable.align(rows);
    }

    static String value(Metric m) {
        if (m.units() == Metric.Units.ROWS) {
            return String.format(Locale.ROOT, "%.0f", m.value());
        }
        boolean fixedPoint = m.units() == Metric.Units.FRACTION || m.key().startsWith("correlation_");
        return fixedPoint ? fixed(m.value()) : String.format(Locale.ROOT, "%.5g", m.value());
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
