package io.score4j.report;

import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.table.CategoryColumn;
import io.score4j.table.ColumnCodec;
import io.score4j.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How columns go together, which per-column figures cannot show (and a classifier two-sample test sees): the
 * {@value #PAIRS} pairs of numeric columns with the largest real |Pearson r|, one row of scatter panels per pair,
 * one panel per set (real first), every panel of a row on the real rows' box, so equal positions are equal values.
 * A column drawn on log₁₀ in its own figure ({@link TableFigures#logScale}) is drawn on log₁₀ here too. Rows with a
 * gap (or a value that is not a number, or not positive on a log axis) in either column are left out.
 */
final class TablePairs {
    /** Pairs shown. */
    static final int PAIRS = 3;
    /** Most rows of a set drawn in a panel (the first ones). */
    static final int MAX_POINTS = ReportFigures.SCATTER_POINTS;
    private static final int PANEL = 330;

    private TablePairs() {}

    /** The pairs figure, or null when the table has fewer than two numeric columns. */
    static ReportFigures.Entry render(TableSchema schema, List<TableFigures.Rows> sets, Path staging, Path parts) {
        List<String> numeric = schema.columns().stream().filter(c -> !(c instanceof CategoryColumn))
                .map(ColumnCodec::name).toList();
        if (numeric.size() < 2) {
            return null;
        }
        List<boolean[]> log = new ArrayList<>();
        TextTable real = sets.get(0).table();
        for (String c : numeric) {
            log.add(new boolean[] {TableFigures.logScale(TableFigures.numbers(real, c))});
        }
        List<int[]> pairs = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < numeric.size(); i++) {
            for (int j = i + 1; j < numeric.size(); j++) {
                double[] xy = xy(real, numeric.get(i), numeric.get(j), log.get(i)[0], log.get(j)[0]);
                pairs.add(new int[] {i, j, r.size()});
                r.add(pearson(xy));
            }
        }
        pairs.sort(Comparator.comparingDouble((int[] p) -> -Math.abs(r.get(p[2]))));
        List<Figure> panels = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (int[] p : pairs.subList(0, Math.min(PAIRS, pairs.size()))) {
            String x = numeric.get(p[0]);
            String y = numeric.get(p[1]);
            boolean lx = log.get(p[0])[0];
            boolean ly = log.get(p[1])[0];
            Box box = Box.around(new Points("real", xy(real, x, y, lx, ly)));
            for (int s = 0; s < sets.size(); s++) {
                TableFigures.Rows set = sets.get(s);
                ChartSpec spec = new ChartSpec(parts, "pair_" + p[2] + "_" + s, set.name(), (lx ? "log₁₀ " : "") + x,
                        (ly ? "log₁₀ " : "") + y, PANEL, PANEL);
                panels.add(Charts.scatter(spec, List.of(new Points(set.name(), xy(set.table(), x, y, lx, ly))), box,
                        s));
            }
            shown.append(shown.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s vs %s (real r = %.2f)",
                    y, x, r.get(p[2])));
        }
        Figure f = Panels.grid(staging, "pairs", "Pairs of columns, real and synthetic", panels, sets.size());
        return new ReportFigures.Entry("Pairs of columns", f, "The " + Math.min(PAIRS, pairs.size()) + " pairs of "
                + "numeric columns with the largest real |Pearson r| (" + shown + "), one row each; in a row, one panel "
                + "per set (real first, then " + String.join(", ", sets.subList(1, sets.size()).stream()
                .map(TableFigures.Rows::name).toList()) + "), all on the real rows' box (its range plus 5%), so a "
                + "shape in one panel compares with the same place in the others. At most " + MAX_POINTS + " rows of "
                + "each set (the first); rows with a gap in either column are left out.");
    }

    /** The (x, y) cells of the first {@value #MAX_POINTS} rows where both are numbers (positive on a log axis). */
    static double[] xy(TextTable t, String x, String y, boolean logX, boolean logY) {
        int jx = t.indexOf(x);
        int jy = t.indexOf(y);
        double[] out = new double[2 * Math.min(t.n(), MAX_POINTS)];
        int k = 0;
        for (int i = 0; i < t.n() && k < out.length; i++) {
            double vx = number(t.cell(i, jx), logX);
            double vy = number(t.cell(i, jy), logY);
            if (Double.isFinite(vx) && Double.isFinite(vy)) {
                out[k++] = vx;
                out[k++] = vy;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private static double number(String cell, boolean log) {
        if (cell == null || TextCsv.isMissing(cell)) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(cell.strip());
            return !log ? v : v > 0 ? Math.log10(v) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Pearson's r of flat (x, y) pairs; 0 when either side is constant or there are fewer than 3 pairs. */
    static double pearson(double[] xy) {
        int n = xy.length / 2;
        if (n < 3) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += xy[2 * i] / n;
            my += xy[2 * i + 1] / n;
        }
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - mx;
            double dy = xy[2 * i + 1] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }
}
