package io.score4j.report;

import io.score4j.io.AtomicFiles;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a self-contained {@code report.html}: one HTML5 file with inline CSS, no scripts and no
 * external resources other than the figures' own PNG/SVG files, referenced by relative paths.
 *
 * <p>Layout, in order: the title; the metrics table (name → formatted value); the sections, each
 * a heading followed by its paragraphs and figures in the order added; the settings table (name →
 * value, every setting the run used); the notes. Every piece of text is HTML-escaped.
 *
 * <p>A builder: methods add to this instance and return it; {@link #render} and {@link #write}
 * do not change it. Not thread-safe.
 */
public final class HtmlReport {
    /** The file name {@link #write} uses. */
    public static final String FILE_NAME = "report.html";

    private sealed interface Block permits Text, FigureBlock, TableBlock, Details {}

    private record Text(String text) implements Block {}

    private record FigureBlock(Figure figure, String caption) implements Block {}

    /** A table: the first row is the header. */
    private record TableBlock(List<String[]> rows) implements Block {}

    /** Preformatted text, folded under a one-line summary. */
    private record Details(String summary, String text) implements Block {}

    private record Section(String heading, List<Block> blocks) {}

    private final String title;
    /** Metric name → {value, unit, meaning}. */
    private final Map<String, String[]> metrics = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** An empty report with this title. */
    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** Starts a new section; later {@link #text} and {@link #figure} calls add to it. */
    public HtmlReport section(String heading) {
        sections.add(new Section(Objects.requireNonNull(heading, "heading"), new ArrayList<>()));
        return this;
    }

    /** Adds a paragraph (line breaks kept) to the current section, starting an untitled one if needed. */
    public HtmlReport text(String paragraph) {
        current().blocks().add(new Text(Objects.requireNonNull(paragraph, "paragraph")));
        return this;
    }

    /** Adds a figure: its PNG embedded and linked to its SVG, with a caption. */
    public HtmlReport figure(Figure figure, String caption) {
        current().blocks().add(new FigureBlock(Objects.requireNonNull(figure, "figure"),
                Objects.requireNonNull(caption, "caption")));
        return this;
    }

    /** Adds a table to the current section: {@code rows.get(0)} is the header, every row as wide as it. */
    public HtmlReport table(List<String[]> rows) {
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.length != rows.get(0).length)) {
            throw new IllegalArgumentException("a table needs a header and rows of its width");
        }
        current().blocks().add(new TableBlock(rows.stream().map(String[]::clone).toList()));
        return this;
    }

    /** Adds preformatted text (a command's output), folded under {@code summary}, to the current section. */
    public HtmlReport details(String summary, String text) {
        current().blocks().add(new Details(Objects.requireNonNull(summary, "summary"), Objects.requireNonNull(text, "text")));
        return this;
    }

    /** Adds (or replaces, keeping its place) a metric, shown with {@link #format(double)}. */
    public HtmlReport metric(String name, double value) {
        return metric(name, value, "", "");
    }

    /**
     * Adds (or replaces, keeping its place) a metric with its unit (e.g. "data units", may be empty)
     * and a one-line meaning; the table gets unit and meaning columns when any metric has them.
     */
    public HtmlReport metric(String name, double value, String unit, String meaning) {
        metrics.put(Objects.requireNonNull(name, "name"), new String[] {format(value),
                Objects.requireNonNull(unit, "unit"), Objects.requireNonNull(meaning, "meaning")});
        return this;
    }

    /** Adds every metric in iteration order. */
    public HtmlReport metrics(Map<String, ? extends Number> values) {
        values.forEach((k, v) -> metric(k, Objects.requireNonNull(v, "metric " + k).doubleValue()));
        return this;
    }

    /** Adds (or replaces, keeping its place) a setting; arrays are shown element by element. */
    public HtmlReport setting(String name, Object value) {
        settings.put(Objects.requireNonNull(name, "name"), display(value));
        return this;
    }

    /** Adds every setting in iteration order. */
    public HtmlReport settings(Map<String, ?> values) {
        values.forEach(this::setting);
        return this;
    }

    /** Adds a free-form note (line breaks kept), listed at the end. */
    public HtmlReport note(String text) {
        notes.add(Objects.requireNonNull(text, "text"));
        return this;
    }

    /** Writes {@code dir/report.html} atomically (UTF-8) and returns its path; modifies only that file. */
    public Path write(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        AtomicFiles.writeString(file, render(dir));
        return file;
    }

    /** The HTML document, with figure paths relative to {@code reportDir}. */
    public String render(Path reportDir) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        metricsTable(h, metrics);
        for (Section s : sections) {
            section(h, s, reportDir);
        }
        table(h, "Settings", "settings", settings);
        if (!notes.isEmpty()) {
            h.append("<section>\n<h2>Notes</h2>\n<ul class=\"notes\">\n");
            notes.forEach(n -> h.append("<li>").append(escape(n)).append("</li>\n"));
            h.append("</ul>\n</section>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private Section current() {
        if (sections.isEmpty()) {
            section("");
        }
        return sections.get(sections.size() - 1);
    }

    private static void metricsTable(StringBuilder h, Map<String, String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        boolean explained = rows.values().stream().anyMatch(r -> !r[1].isEmpty() || !r[2].isEmpty());
        h.append("<section>\n<h2>Metrics</h2>\n<table class=\"metrics\">\n<thead><tr><th>name</th><th>value</th>")
                .append(explained ? "<th>unit</th><th>meaning</th>" : "").append("</tr></thead>\n<tbody>\n");
        rows.forEach((k, v) -> {
            h.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(v[0])).append("</td>");
            if (explained) {
                h.append("<td>").append(escape(v[1])).append("</td><td>").append(escape(v[2])).append("</td>");
            }
            h.append("</tr>\n");
        });
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void table(StringBuilder h, String heading, String cssClass, Map<String, String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<section>\n<h2>").append(heading).append("</h2>\n<table class=\"").append(cssClass)
                .append("\">\n<thead><tr><th>name</th><th>value</th></tr></thead>\n<tbody>\n");
        rows.forEach((k, v) -> h.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(v))
                .append("</td></tr>\n"));
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void section(StringBuilder h, Section s, Path reportDir) {
        h.append("<section>\n");
        if (!s.heading().isEmpty()) {
            h.append("<h2>").append(escape(s.heading())).append("</h2>\n");
        }
        for (Block b : s.blocks()) {
            if (b instanceof Text t) {
                h.append("<p>").append(escape(t.text())).append("</p>\n");
            } else if (b instanceof FigureBlock f) {
                String png = escape(href(reportDir, f.figure().png()));
                String svg = escape(href(reportDir, f.figure().svg()));
                String caption = escape(f.caption());
                h.append("<figure>\n<a href=\"").append(svg).append("\"><img src=\"").append(png)
                        .append("\" alt=\"").append(caption).append("\"></a>\n<figcaption>").append(caption)
                        .append(" <a href=\"").append(svg).append("\">(SVG)</a></figcaption>\n</figure>\n");
            } else if (b instanceof TableBlock t) {
                h.append("<table class=\"grid\">\n<thead><tr>");
                for (String c : t.rows().get(0)) {
                    h.append("<th>").append(escape(c)).append("</th>");
                }
                h.append("</tr></thead>\n<tbody>\n");
                for (String[] row : t.rows().subList(1, t.rows().size())) {
                    h.append("<tr>");
                    for (String c : row) {
                        h.append("<td>").append(escape(c)).append("</td>");
                    }
                    h.append("</tr>\n");
                }
                h.append("</tbody>\n</table>\n");
            } else if (b instanceof Details d) {
                h.append("<details><summary>").append(escape(d.summary())).append("</summary>\n<pre>")
                        .append(escape(d.text())).append("</pre></details>\n");
            }
        }
        h.append("</section>\n");
    }

    /** {@code target} relative to {@code dir}, '/'-separated and percent-encoded as a URI path. */
    static String href(Path dir, Path target) {
        Path rel = dir.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        StringBuilder path = new StringBuilder();
        for (Path part : rel) {
            path.append(path.length() == 0 ? "" : "/").append(part);
        }
        try {
            return new URI(null, null, path.toString(), null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot link figure " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * A metric value for people: up to 6 significant digits in plain notation for magnitudes in
     * [1e-4, 1e6), scientific ("1.234e-07") otherwise; "NaN", "inf", "-inf" for non-finite values.
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-4 && a < 1e6)) {
            return BigDecimal.valueOf(v).round(new MathContext(6))
                    .stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static String display(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Object[] arr) {
            return Arrays.deepToString(arr);
        }
        if (value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
        }
        return value.toString();
    }

    /** Escapes {@code & < > " '} so any text is safe in element content and quoted attributes. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   max-width: 980px; margin: 2em auto; padding: 0 1em; color: #222; background: #fff;
                   line-height: 1.5; }
            h1 { font-size: 1.8em; border-bottom: 2px solid #1f77b4; padding-bottom: .2em; }
            h2 { font-size: 1.3em; margin-top: 1.6em; color: #1f4e79; }
            p, li { white-space: pre-wrap; }
            table { border-collapse: collapse; margin: .5em 0 1em; font-size: .95em; }
            th, td { border: 1px solid #ddd; padding: .3em .8em; text-align: left; vertical-align: top; }
            th { background: #f4f6f8; }
            td:first-child { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
            table.metrics td:nth-child(2) { text-align: right; font-variant-numeric: tabular-nums; }
            table.metrics td:nth-child(4) { color: #555; font-size: .92em; }
            table.grid td { font-variant-numeric: tabular-nums; }
            pre { font-size: .85em; overflow-x: auto; background: #f8f8f8; padding: .6em; }
            figure { margin: 1em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #555; font-size: .92em; }
            """;
}
