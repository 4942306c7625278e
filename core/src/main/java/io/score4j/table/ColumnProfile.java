package io.score4j.table;

import io.score4j.InputException;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one column's cells are, measured once: gaps, whether every present cell is a number, the
 * numbers' range, integrality, decimals and shape, and the distinct values. Type inference
 * ({@link TypeRules}) and the codecs ({@link TableSchema#fit}) read it.
 */
final class ColumnProfile {
    /** Most levels a categorical column may have (its one-hot width), and most knots of a quantile transform. */
    static final int MAX_LEVELS = 1024;

    final TextTable table;
    final int column;
    final String name;
    final int missing;
    final String missingToken;
    /** Row index of the first present cell that is not a number, or −1 when every present cell is one. */
    final int firstText;
    /** The present cells' values in ascending order (numeric columns), else null. */
    final double[] sorted;
    /** Text levels and their counts, ascending (text columns with at most {@link #MAX_LEVELS} levels), else null. */
    final TreeMap<String, Integer> textLevels;
    /** Distinct present values; {@code MAX_LEVELS + 1} means "more than {@link #MAX_LEVELS}" for text. */
    final int distinct;
    final boolean integral;
    /** Most decimals a present cell is written with, or {@link Cells#SHORTEST} if one has an exponent or too many. */
    final int decimals;
    /** True when no present cell is written with a trailing zero after its point ({@code 2.50}, {@code 3.0}, {@code 4.}). */
    final boolean trimmed;

    private ColumnProfile(TextTable t, int j, int missing, int firstText, double[] sorted,
            TreeMap<String, Integer> textLevels, int distinct, boolean integral, int decimals, boolean trimmed) {
        this.table = t;
        this.column = j;
        this.name = t.names()[j];
        this.missing = missing;
        this.missingToken = missing > 0 ? t.missingTokens()[j] == null ? "" : t.missingTokens()[j] : null;
        this.firstText = firstText;
        this.sorted = sorted;
        this.textLevels = textLevels;
        this.distinct = distinct;
        this.integral = integral;
        this.decimals = decimals;
        this.trimmed = trimmed;
    }

    /**
     * Profiles column j of {@code t}.
     *
     * @throws InputException if every cell of the column is missing
     */
    static ColumnProfile of(TextTable t, int j) {
        String[] cells = t.columns()[j];
        int missing = 0;
        int firstText = -1;
        for (int i = 0; i < cells.length; i++) {
            if (gap(cells[i])) {
                missing++;
            } else if (firstText < 0 && Double.isNaN(Cells.number(cells[i]))) {
                firstText = i;
            }
        }
        if (missing == cells.length) {
            throw new InputException(t.source() + ": column '" + t.names()[j] + "' has no values (every cell is missing)");
        }
        return firstText >= 0 ? text(t, j, cells, missing, firstText) : numeric(t, j, cells, missing);
    }

    private static ColumnProfile text(TextTable t, int j, String[] cells, int missing, int firstText) {
        TreeMap<String, Integer> levels = new TreeMap<>();
        for (String c : cells) {
            if (!gap(c)) {
                levels.merge(c, 1, Integer::sum);
                if (levels.size() > MAX_LEVELS) {
                    return new ColumnProfile(t, j, missing, firstText, null, null, MAX_LEVELS + 1, false, 0, false);
                }
            }
        }
        return new ColumnProfile(t, j, missing, firstText, null, levels, levels.size(), false, 0, false);
    }

    private static ColumnProfile numeric(TextTable t, int j, String[] cells, int missing) {
        double[] v = new double[cells.length - missing];
        int k = 0;
        int decimals = 0;
        boolean integral = true;
        boolean trimmed = true;
        for (String c : cells) {
            if (!gap(c)) {
                double x = Cells.number(c);
                v[k++] = x;
                integral &= x == Math.rint(x) && Math.abs(x) <= 0x1p53;
                int dec = Cells.decimals(c);
                trimmed &= dec == Cells.SHORTEST || c.indexOf('.') < 0 || !c.endsWith("0") && !c.endsWith(".");
                decimals = decimals == Cells.SHORTEST || dec == Cells.SHORTEST || dec > Cells.MAX_DECIMALS
                        ? Cells.SHORTEST : Math.max(decimals, dec);
            }
        }
        Arrays.sort(v);
        int distinct = 1;
        for (int i = 1; i < v.length; i++) {
            distinct += v[i] != v[i - 1] ? 1 : 0;
        }
        return new ColumnProfile(t, j, missing, -1, v, null, distinct, integral, decimals, trimmed);
    }

    /** A gap: null, or a cell the CSV reader reads as missing (for tables built in memory). */
    static boolean gap(String cell) {
        return cell == null || TextCsv.isMissing(cell);
    }

    /** How the column's numbers are written back. */
    Precision precision() {
        return new Precision(decimals, trimmed && decimals > 0);
    }

    boolean isText() {
        return firstText >= 0;
    }

    /** Present cells. */
    int present() {
        return table.n() - missing;
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    /** Share of present values equal to 0 (numeric columns). */
    double zeroShare() {
        int zeros = 0;
        for (double x : sorted) {
            zeros += x == 0.0 ? 1 : 0;
        }
        return zeros / (double) sorted.length;
    }

    /** Sample skewness γ₁ = m₃ / m₂^{3/2} of the present values (0 for a constant column). */
    double skewness() {
        double mean = 0;
        for (double x : sorted) {
            mean += x;
        }
        mean /= sorted.length;
        double m2 = 0;
        double m3 = 0;
        for (double x : sorted) {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= sorted.length;
        m3 /= sorted.length;
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0.0;
    }

    /** The distinct values with their counts, ascending (numeric columns). */
    TreeMap<Double, Integer> numericLevels() {
        TreeMap<Double, Integer> out = new TreeMap<>();
        for (double x : sorted) {
            out.merge(x, 1, Integer::sum);
        }
        return out;
    }

    /** "data.csv: column 'age'", for messages. */
    String where() {
        return table.source() + ": column '" + shown(name) + "'";
    }

    /** The first text cell, for messages: "'Paris' (row 4)". */
    String firstTextShown() {
        return "'" + shown(table.cell(firstText, column)) + "' (row " + table.lines()[firstText] + ")";
    }

    static String shown(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }

    static <K> int[] counts(Map<K, Integer> levels) {
        return levels.values().stream().mapToInt(Integer::intValue).toArray();
    }
}
