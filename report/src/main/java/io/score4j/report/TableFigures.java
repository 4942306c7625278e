package io.score4j.report;

import io.score4j.comparison.Evaluation;
import io.score4j.comparison.FidelityResult;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.table.CategoryColumn;
import io.score4j.table.ColumnCodec;
import io.score4j.table.ColumnKind;
import io.score4j.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One figure per column of a typed table, real rows against each synthetic set, in the table's own values:
 * a numeric column ({@code continuous}, {@code integer}, {@code positive}, {@code bounded}) as density histograms
 * on shared bins ({@link Bins#forData}: Freedman–Diaconis on the real values, or whole units centred on integers
 * for whole-number data), the real rows as filled bars and each synthetic set as an outline in its own colour; a
 * category ({@code binary}, {@code categorical}) as grouped bars of each level's share of the rows, labelled by the
 * data's own level strings, with a bar for gaps when a set has them and for values that are none of the levels.
 * Figures are named {@code col_<j>} (j the column's position) and state each set's share of gaps.
 */
final class TableFigures {
    /** Figure size: wide enough for 20 level labels, low enough to scroll past 14 columns. */
    static final int WIDTH = 760;
    static final int HEIGHT = 380;

    /** An integer column with at most this many distinct real values gets one bin per value (as eval's TV threshold). */
    static final int FEW_VALUES = 20;
    /** Skewness above which a positive column is drawn on log₁₀. */
    static final double LOG_SKEW = 2.0;

    private TableFigures() {}

    /** A named set of rows: the real table or a synthetic one. */
    record Rows(String name, TextTable table) {}

    /**
     * The column figures, in the schema's order. {@code sets.get(0)} is the real table; {@code evaluations.get(s)}
     * judged {@code sets.get(s + 1)} (its per-column tests go into the captions).
     */
    static List<ReportFigures.Entry> render(TableSchema schema, List<Rows> sets, List<Evaluation> evaluations,
                                            Path dir) {
        List<ReportFigures.Entry> out = new ArrayList<>();
        for (int j = 0; j < schema.columns().size(); j++) {
            ColumnCodec c = schema.columns().get(j);
            ChartSpec spec = new ChartSpec(dir, "col_" + j, c.name() + " (" + c.kind().id() + ")", c.name(),
                    c instanceof CategoryColumn ? "share of rows" : "density", WIDTH, HEIGHT);
            String gaps = gapNote(c.name(), sets);
            ReportFigures.Entry e = c instanceof CategoryColumn cat ? bars(spec, cat, sets, gaps)
                    : histogram(spec, c, sets, gaps);
            out.add(new ReportFigures.Entry(e.section(), e.figure(), e.caption() + tests(c.name(), sets, evaluations)));
        }
        return out;
    }

    private static ReportFigures.Entry histogram(ChartSpec spec, ColumnCodec c, List<Rows> sets, String gaps) {
        double[] real = numbers(sets.get(0).table(), c.name());
        boolean log = logScale(real);
        List<Sample> shown = new ArrayList<>();
        shown.add(new Sample(sets.get(0).name(), log ? log10(real) : real));
        StringBuilder outside = new StringBuilder();
        for (Rows r : sets.subList(1, sets.size())) {
            double[] v = numbers(r.table(), c.name());
            double[] positive = log ? Arrays.stream(v).filter(x -> x > 0).toArray() : v;
            double[] in = Bins.inView(log ? log10(positive) : v, shown.get(0).values());
            shown.add(new Sample(r.name(), in));
            outside.append(in.length == v.length ? "" : String.format(Locale.ROOT, " %s: %d of %d values lie outside "
                    + "the data's range widened by half its span%s and are not drawn.", r.name(), v.length - in.length,
                    v.length, log ? " (or are not positive)" : ""));
        }
        boolean unit = c.kind() == ColumnKind.INTEGER && !log && distinct(real) <= FEW_VALUES;
        Bins bins = unit ? unitBins(shown)
                : Bins.forData(shown.get(0).values(), shown.stream().map(Sample::values).toArray(double[][]::new));
        ChartSpec drawn = new ChartSpec(spec.dir(), spec.name(), spec.title(), log ? "log₁₀ " + c.name() : c.name(),
                log ? "density per log₁₀ unit" : unit ? "share of rows" : "density", spec.width(), spec.height());
        Figure f = Charts.histogram(drawn, bins, shown, List.of(), gaps);
        String caption = String.format(Locale.ROOT, "Column %s (%s): density histograms of the %d real values (filled "
                + "bars) and of %s (outlines) on %d shared bins (%s)%s; gaps are left out and counted above the plot.%s",
                c.name(), c.kind().id(), real.length, synthetic(sets), bins.count(), bins.rule(), log ? ", drawn on log₁₀ "
                + "of the values: the real values are positive and skewed (γ₁ > " + LOG_SKEW + "), so a linear axis "
                + "would put most of them in one bar" : "", outside);
        return new ReportFigures.Entry("Columns, real vs synthetic", f, caption);
    }

    /** Whether a numeric column is drawn on log₁₀: every real value positive and the skewness above {@value #LOG_SKEW}. */
    static boolean logScale(double[] real) {
        if (real.length < 3 || Arrays.stream(real).anyMatch(v -> v <= 0)) {
            return false;
        }
        double mean = Arrays.stream(real).average().orElse(0);
        double m2 = Arrays.stream(real).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        double m3 = Arrays.stream(real).map(v -> Math.pow(v - mean, 3)).average().orElse(0);
        return m2 > 0 && m3 / Math.pow(m2, 1.5) > LOG_SKEW;
    }

    private static double[] log10(double[] v) {
        return Arrays.stream(v).map(Math::log10).toArray();
    }

    private static long distinct(double[] v) {
        return Arrays.stream(v).distinct().count();
    }

    /** One bin per whole number over every set's range, each integer in the middle of its bin. */
    private static Bins unitBins(List<Sample> sets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Sample s : sets) {
            for (double v : s.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new Bins(Math.floor(lo) - 0.5, Math.ceil(hi) + 0.5, (int) (Math.ceil(hi) - Math.floor(lo)) + 1,
                "an integer column with few values: one value per bin, centred on it");
    }

    private static ReportFigures.Entry bars(ChartSpec spec, CategoryColumn cat, List<Rows> sets, String gaps) {
        List<String> levels = new ArrayList<>(Arrays.asList(cat.levels()));
        int[][] counts = new int[sets.size()][];
        boolean anyGap = false;
        boolean anyOther = false;
        for (int s = 0; s < sets.size(); s++) {
            counts[s] = levelCounts(sets.get(s).table(), cat.name(), levels);
            anyGap |= counts[s][levels.size()] > 0;
            anyOther |= counts[s][levels.size() + 1] > 0;
        }
        List<String> labels = new ArrayList<>(levels);
        if (anyGap) {
            labels.add("(gap)");
        }
        if (anyOther) {
            labels.add("(other value)");
        }
        double[][] share = new double[sets.size()][labels.size()];
        for (int s = 0; s < sets.size(); s++) {
            int n = sets.get(s).table().n();
            for (int k = 0; k < labels.size(); k++) {
                int from = k < levels.size() ? k : labels.get(k).equals("(gap)") ? levels.size() : levels.size() + 1;
                share[s][k] = n == 0 ? 0 : (double) counts[s][from] / n;
            }
        }
        Figure f = BarCharts.grouped(spec, labels, sets.stream().map(Rows::name).toList(), share, gaps);
        String caption = String.format(Locale.ROOT, "Column %s (%s, %d levels): each level's share of the rows, real "
                + "(first bar of each group) and %s, labelled by the data's own values%s.", cat.name(), cat.kind().id(),
                levels.size(), synthetic(sets), anyGap || anyOther ? "; gaps"
                + (anyOther ? " and values that are none of the data's levels" : "") + " have bars of their own" : "");
        return new ReportFigures.Entry("Columns, real vs synthetic", f, caption);
    }

    /** Rows per level (in {@code levels}' order), then gaps, then values that are none of the levels. */
    private static int[] levelCounts(TextTable t, String column, List<String> levels) {
        int j = t.indexOf(column);
        int[] counts = new int[levels.size() + 2];
        for (int i = 0; i < t.n(); i++) {
            String cell = t.cell(i, j);
            int k = gap(cell) ? levels.size() : levels.indexOf(cell.strip());
            counts[k >= 0 ? k : levels.size() + 1]++;
        }
        return counts;
    }

    /** The column's cells that are not gaps, as numbers (a cell that is not a number is left out). */
    static double[] numbers(TextTable t, String column) {
        int j = t.indexOf(column);
        double[] out = new double[t.n()];
        int k = 0;
        for (int i = 0; i < t.n(); i++) {
            String cell = t.cell(i, j);
            if (!gap(cell)) {
                try {
                    double v = Double.parseDouble(cell.strip());
                    if (Double.isFinite(v)) {
                        out[k++] = v;
                    }
                } catch (NumberFormatException e) {
                    // not a number: left out, as a gap would be
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** "gaps: real 0%, syn.csv 1.2%" for the subtitle, or "" when no set has a gap in this column. */
    static String gapNote(String column, List<Rows> sets) {
        StringBuilder b = new StringBuilder();
        boolean any = false;
        for (Rows r : sets) {
            int j = r.table().indexOf(column);
            int gaps = 0;
            for (int i = 0; i < r.table().n(); i++) {
                gaps += gap(r.table().cell(i, j)) ? 1 : 0;
            }
            any |= gaps > 0;
            b.append(b.length() == 0 ? "gaps: " : ", ").append(r.name()).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * gaps / Math.max(1, r.table().n())));
        }
        return any ? b.toString() : "no gaps in any set";
    }

    /** " Per-column test (as eval): syn.csv KS 0.061 (critical 0.096, passes); …" for the caption. */
    private static String tests(String column, List<Rows> sets, List<Evaluation> evaluations) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < evaluations.size(); s++) {
            FidelityResult f = evaluations.get(s).fidelity();
            if (f == null) {
                continue;
            }
            for (FidelityResult.ColumnCheck c : f.columns()) {
                if (c.name().equals(column)) {
                    b.append(b.length() == 0 ? " Per-column test, as eval: " : "; ").append(sets.get(s + 1).name())
                            .append(String.format(Locale.ROOT, " %s %.4f (critical %.4f, %s)", c.discrete() ? "TV" : "KS",
                                    c.statistic(), c.critical(), c.passes() ? "passes" : "FAILS"));
                }
            }
        }
        return b.length() == 0 ? "" : b + ".";
    }

    private static String synthetic(List<Rows> sets) {
        List<String> names = sets.subList(1, sets.size()).stream().map(r -> r.name() + " (" + r.table().n() + " rows)")
                .toList();
        return String.join(", ", names);
    }

    private static boolean gap(String cell) {
        return cell == null || TextCsv.isMissing(cell);
    }
}
