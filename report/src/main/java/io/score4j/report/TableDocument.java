package io.score4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.score4j.comparison.Evaluation;
import io.score4j.comparison.FidelityResult;
import io.score4j.comparison.Metric;
import io.score4j.io.AtomicFiles;
import io.score4j.table.ColumnCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link TableReport}'s documents: {@code report.json} (format {@value TableReport#FORMAT}: model, data, samples,
 * each set's comparison and fidelity in eval's JSON form, figures) and {@code report.html} (fidelity and privacy
 * side by side, per-column tests, one figure per column, eval's own tables, settings).
 */
final class TableDocument {
    private TableDocument() {}

    static void writeJson(Path dir, TableReport r, List<ReportFigures.Entry> figures, String samplesFile) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("format", TableReport.FORMAT);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("file", r.modelFile.toString());
        model.put("columns", r.schema.names());
        model.put("kinds", r.schema.columns().stream().map(c -> c.kind().id()).toList());
        model.put("settings", r.settings());
        j.put("model", model);
        j.put("data", Map.of("file", r.reference.toString(), "rows", r.sets.get(0).table().n()));
        j.put("holdout", r.holdout == null ? null : r.holdout.toString());
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("file", samplesFile);
        samples.put("dropped_non_finite", r.dropped);
        samples.put("sampler", r.drawn == null ? null : r.drawn.sampler());
        samples.put("sets", r.names());
        j.put("samples", samples);
        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (int s = 0; s < r.evaluations.size(); s++) {
            Evaluation e = r.evaluations.get(s);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.names().get(s));
            c.put("samples_file", e.in().samplesFile());
            c.putAll(e.result().toJson());
            c.put("fidelity", e.fidelity() == null ? null : e.fidelity().toJson());
            comparisons.add(c);
        }
        j.put("comparisons", comparisons);
        List<Map<String, Object>> figs = new ArrayList<>();
        for (ReportFigures.Entry e : figures) {
            figs.add(Map.of("name", e.name(), "png", e.figure().png().getFileName().toString(), "svg",
                    e.figure().svg().getFileName().toString(), "title", e.figure().title()));
        }
        j.put("figures", figs);
        try {
            AtomicFiles.writeBytes(dir.resolve("report.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(j));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeHtml(Path dir, TableReport r, List<ReportFigures.Entry> figures) {
        HtmlReport h = HtmlReport.titled("score4j report: " + r.modelFile.getFileName() + " (typed table, "
                + r.schema.columns().size() + " columns)");
        h.section("Fidelity and privacy").text(String.format(Locale.ROOT, "%d real rows of %s against %s%s, each judged "
                + "as score4j eval --reference %s --samples FILE%s --seed %d judges it (same numbers for the same "
                + "files and seed; eval's own tables are at the end).", r.sets.get(0).table().n(), r.reference,
                String.join(", ", r.names()), r.holdout == null ? "" : "; held-out real rows: " + r.holdout,
                r.reference.getFileName(), r.holdout == null ? "" : " --holdout " + r.holdout.getFileName(), r.seed));
        h.table(sideBySide(r));
        h.section("Per-column tests").text("Total variation (TV) for a column with at most 20 distinct real values, "
                + "else the two-sample Kolmogorov–Smirnov distance (KS), each against its 5% critical value: a "
                + "statistic below it is what two samples of one law give 95% of the time. Off-grid: the share of "
                + "synthetic values the real column never takes (discrete columns).");
        h.table(columnTests(r));
        figures(h, figures);
        h.section("eval's tables");
        for (int s = 0; s < r.evaluations.size(); s++) {
            Evaluation e = r.evaluations.get(s);
            h.details("score4j eval: " + r.names().get(s), ComparisonTable.render(e.result(), e.in())
                    + (e.fidelity() == null ? "" : System.lineSeparator() + FidelityTable.render(e.fidelity())));
        }
        h.settings(settings(r));
        if (r.dropped > 0) {
            h.note(r.dropped + " drawn rows had a non-finite coordinate (the chain diverged) and were left out.");
        }
        h.note("Held-out log-likelihood is not shown for a table model: its rows are compared in the table's own "
                + "values, and logp of the encoded coordinates would depend on the dequantisation noise.");
        h.write(dir);
    }

    private static void figures(HtmlReport h, List<ReportFigures.Entry> figures) {
        String section = null;
        for (ReportFigures.Entry e : figures) {
            if (!e.section().equals(section) && e.name().startsWith("col_")) {
                h.section(e.section()).text("One figure per column, in the table's order, on the data's own values: "
                        + "numeric columns as density histograms on shared bins (real filled, synthetic sets as "
                        + "outlines), categories as bars of each level's share of the rows.");
            } else if (!e.section().equals(section)) {
                h.section(e.section());
            }
            section = e.section();
            h.figure(e.figure(), e.caption());
        }
    }

    /** The model, each column's kind and codec, the training settings and how drawn rows were drawn. */
    private static Map<String, Object> settings(TableReport r) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", r.modelFile.toString());
        settings.put("objective", r.model.settings().getOrDefault("objective", "unknown"));
        for (ColumnCodec c : r.schema.columns()) {
            settings.put("column " + c.name(), c.kind().id() + ": " + c.describe());
        }
        r.settings().forEach((k, v) -> settings.put("train." + k, v));
        if (r.drawn != null) {
            r.drawn.sampler().forEach((k, v) -> settings.put("report.sampler." + k, v));
        }
        return settings;
    }

    /** Every set's headline metrics side by side: metric, one column per set, units, meaning. */
    static List<String[]> sideBySide(TableReport r) {
        List<String> names = r.names();
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[names.size() + 3];
        head[0] = "metric";
        for (int s = 0; s < names.size(); s++) {
            head[s + 1] = names.get(s);
        }
        head[names.size() + 1] = "units";
        head[names.size() + 2] = "meaning";
        rows.add(head);
        List<Metric> first = r.evaluations.get(0).metrics();
        for (Metric m : first) {
            String[] row = new String[names.size() + 3];
            row[0] = m.label();
            for (int s = 0; s < names.size(); s++) {
                row[s + 1] = r.evaluations.get(s).metrics().stream().filter(x -> x.key().equals(m.key())).findFirst()
                        .map(FidelityTable::value).orElse("-");
            }
            row[names.size() + 1] = m.units().text();
            row[names.size() + 2] = m.meaning();
            rows.add(row);
        }
        return rows;
    }

    /** One row per compared column: kind, test, then statistic / critical / passes for each set. */
    static List<String[]> columnTests(TableReport r) {
        List<String> names = r.names();
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("column", "test", "levels"));
        for (String n : names) {
            head.addAll(List.of(n + ": statistic", "critical", "passes", "off-grid"));
        }
        rows.add(head.toArray(new String[0]));
        FidelityResult f0 = r.evaluations.get(0).fidelity();
        if (f0 == null) {
            return rows;
        }
        for (int k = 0; k < f0.columns().size(); k++) {
            FidelityResult.ColumnCheck c0 = f0.columns().get(k);
            List<String> row = new ArrayList<>(List.of(c0.name(), c0.discrete() ? "TV" : "KS",
                    Integer.toString(c0.levels())));
            for (Evaluation e : r.evaluations) {
                FidelityResult.ColumnCheck c = e.fidelity().columns().stream().filter(x -> x.name().equals(c0.name()))
                        .findFirst().orElse(null);
                if (c == null) {
                    row.addAll(List.of("-", "-", "-", ""));
                    continue;
                }
                row.addAll(List.of(String.format(Locale.ROOT, "%.4f", c.statistic()),
                        String.format(Locale.ROOT, "%.4f", c.critical()), c.passes() ? "yes" : "NO",
                        c.discrete() ? String.format(Locale.ROOT, "%.4f", c.offGrid()) : ""));
            }
            rows.add(row.toArray(new String[0]));
        }
        return rows;
    }
}
