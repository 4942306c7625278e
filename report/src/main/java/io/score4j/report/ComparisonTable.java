package io.score4j.report;

import io.score4j.comparison.ComparisonInputs;
import io.score4j.comparison.ComparisonResult;
import io.score4j.comparison.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of a comparison ({@code score4j eval} prints it): blocks of aligned columns (first column left-aligned,
 * the others right-aligned), separated by blank lines. Numbers use {@link Locale#ROOT}; the metrics
 * block shows each {@link Metric}'s label (which states the MMD subsample size), value and units.
 */
public final class ComparisonTable {
    private static final int MAX_PAIRS = 15;

    private ComparisonTable() {}

    /** The whole report, ending with a line break. */
    public static String render(ComparisonResult r, ComparisonInputs in) {
        List<String> blocks = new ArrayList<>();
        blocks.add(sides(r, in));
        blocks.add(columns(r));
        blocks.add(distances(r));
        if (r.correlation() != null) {
            blocks.add(correlations(r));
        }
        if (!r.modes().isEmpty()) {
            blocks.add(modes(r));
        }
        return String.join(System.lineSeparator(), blocks);
    }

    /** The warning for samples with NaN or infinite values, or null when there are none. */
    public static String nonFiniteWarning(ComparisonResult r, ComparisonInputs in) {
        int bad = r.counts().nonFiniteSamples();
        if (bad == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "warning: %d of %d rows of %s have NaN or infinite values (did the sampler "
                + "diverge?); they are left out of every metric", bad, r.counts().samplesRows(), in.samplesFile());
    }

    private static String sides(ComparisonResult r, ComparisonInputs in) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "file", "rows", "finite", "non-finite"});
        ComparisonResult.Counts c = r.counts();
        rows.add(new String[] {"samples", in.samplesFile(), str(c.samplesRows()), str(c.finiteSamples()),
            str(c.nonFiniteSamples())});
        String what = c.mixture() ? str(c.referenceRows()) + " drawn" : str(c.referenceRows());
        rows.add(new String[] {"reference (" + in.referenceKind() + ")", in.referenceFile(), what, "", ""});
        String text = align(rows);
        String warning = nonFiniteWarning(r, in);
        return warning == null ? text : text + warning.replaceFirst("^warning", "WARNING") + System.lineSeparator();
    }

    private static String columns(ComparisonResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "mean (samples)", "mean (ref)", "std (samples)", "std (ref)", "KS",
            "KS critical " + pct(r.settings().ksAlpha())});
        for (ComparisonResult.Column c : r.columns()) {
            rows.add(new String[] {c.name(), num(c.samplesMean()), num(c.referenceMean()), num(c.samplesStd()),
                num(c.referenceStd()), fixed(c.ks()), fixed(c.ksCritical())});
        }
        return align(rows);
    }

    /** One row per headline metric: label, value, units; fractions and correlation differences fixed-point. */
    private static String distances(ComparisonResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "value", "units"});
        for (Metric m : r.metrics()) {
            boolean fixedPoint = m.units() == Metric.Units.FRACTION || m.key().startsWith("correlation_");
            rows.add(new String[] {m.label(), fixedPoint ? fixed(m.value()) : num(m.value()), m.units().text()});
        }
        return align(rows);
    }

    private static String correlations(ComparisonResult r) {
        int d = r.d();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"correlation", "samples", "ref"});
        int shown = 0;
        for (int j = 0; j < d && shown < MAX_PAIRS; j++) {
            for (int k = j + 1; k < d && shown < MAX_PAIRS; k++, shown++) {
                rows.add(new String[] {r.columns().get(j).name() + " ~ " + r.columns().get(k).name(),
                    fixed(r.correlation().samples()[j * d + k]), fixed(r.correlation().reference()[j * d + k])});
            }
        }
        int pairs = d * (d - 1) / 2;
        String more = pairs > shown ? "(" + (pairs - shown) + " more pairs in --json)" + System.lineSeparator() : "";
        return align(rows) + more;
    }

    private static String modes(ComparisonResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"mode", "weight", "mass (samples)", "std error"});
        for (ComparisonResult.Mode m : r.modes()) {
            rows.add(new String[] {str(m.component()), fixed(m.weight()), fixed(m.mass()), fixed(m.standardError())});
        }
        return align(rows);
    }

    /** Pads every cell of each column to that column's widest cell; one line per row. */
    static String align(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(c == 0 ? "" : "  ").append(c == 0 ? row[c] + pad : pad + row[c]);
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String str(int v) {
        return Integer.toString(v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.5g", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pct(double alpha) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * alpha);
    }
}
