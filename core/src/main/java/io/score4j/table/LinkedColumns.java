package io.score4j.table;

import io.score4j.data.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Columns whose values come in a few repeated combinations (a denormalised table: a town's tax rate, zoning and
 * pupil ratio repeated on each of its rows; a store's region, opening year and floor area on each of its sales),
 * written back as one of the data's combinations. Numeric and category columns both link.
 *
 * <p><b>Found</b> ({@link #find}) among columns without gaps whose distinct values are at most half the rows
 * (numeric columns with at least 3 values, categories with at least 2 levels): taken from the most varied down, a column joins the group when the group's count of distinct tuples grows
 * by at most {@value #GROWTH}× (it is nearly a function of the group, or the group of it); a group of ≥ 2
 * columns with at most rows/2 distinct tuples is kept, and the search repeats on the columns left. Columns
 * drawn independently give many more tuples (people's kids × claims: 46 tuples for 14 claim values), so only
 * dependence links.
 *
 * <p><b>Kept only when the combinations are a closed set</b>: when a fresh row's combination has been seen
 * with probability at least {@value #MIN_COVERAGE}, by the Good–Turing estimate of sample coverage
 * 1 − f₁/n (f₁ combinations seen in one row of n). Then written rows reuse seen combinations as fresh real rows
 * do (Boston's 404 rows: 93 combinations, 15 of one row, coverage 0.96; 93 % of its held-out rows hold a training
 * row's combination); on 100 of those rows, coverage 0.74, they are left unlinked, since copying them would put
 * written rows closer to the training rows than fresh rows are.
 *
 * <p><b>Kept combinations</b>: only tuples found in at least {@value #MIN_COUNT} rows (a combination unique to
 * one row is never written back), at most {@value ColumnProfile#MAX_LEVELS}. A group never holds every column
 * that takes a coordinate: then each written row would be a training row.
 *
 * <p><b>Decoding</b> ({@link #snap}): a row's group is replaced by the kept tuple nearest to the row's model
 * coordinates, in the columns' own encoded units (squared distance between the row's value coordinates and each
 * tuple's: a number encoded at the middle of its ties, a level at its ±1 one-hot vertex, the rule a category's
 * argmax decode already follows). Columns held by the caller (given values, observed cells) restrict the tuples to those
 * that agree with the row's text there; a row that agrees with none keeps its own cells.
 *
 * @param columns indices into the schema's columns, ascending, ≥ 2
 * @param tuples  the kept tuples, [K][columns.length]: a numeric column's data value, a category's level index
 * @param counts  rows of each tuple in the data, each ≥ {@value #MIN_COUNT}
 */
public record LinkedColumns(int[] columns, double[][] tuples, long[] counts) {
    /** Largest growth of distinct tuples when a column joins a group. */
    static final double GROWTH = 1.25;
    /** Rows a combination needs to be written back. */
    static final int MIN_COUNT = 2;
    /** The least Good–Turing coverage 1 − f₁/n at which a group is linked. */
    static final double MIN_COVERAGE = 0.9;

    public LinkedColumns {
        Objects.requireNonNull(columns, "columns");
        if (columns.length < 2 || tuples.length < 1 || counts.length != tuples.length
                || tuples.length > ColumnProfile.MAX_LEVELS) {
            throw new IllegalArgumentException("linked columns need >= 2 columns and 1.." + ColumnProfile.MAX_LEVELS
                    + " tuples with counts; got " + columns.length + ", " + tuples.length + ", " + counts.length);
        }
        columns = columns.clone();
        tuples = Arrays.stream(tuples).map(double[]::clone).toArray(double[][]::new);
        counts = counts.clone();
        for (int k = 0; k < tuples.length; k++) {
            if (tuples[k].length != columns.length || counts[k] < MIN_COUNT) {
                throw new IllegalArgumentException("tuple " + k + " has " + tuples[k].length + " values for "
                        + columns.length + " columns, or count " + counts[k] + " < " + MIN_COUNT);
            }
        }
    }

    /** The groups of {@code table}'s columns (schema order) that {@code codecs} encode; empty when none links. */
    static List<LinkedColumns> find(TextTable table, List<ColumnCodec> codecs) {
        int n = table.n();
        List<Integer> left = new ArrayList<>();
        Map<Integer, Integer> distinct = new HashMap<>();
        double[][] values = new double[codecs.size()][];
        for (int j = 0; j < codecs.size(); j++) {
            ColumnCodec c = codecs.get(j);
            if (c.missingToken() == null && c.valueWidth() > 0) {
                values[j] = values(table, c);
                int k = tupleCounts(values, new int[] {j}, n).size();
                if (k > (c instanceof NumericColumn ? 2 : 1) && k <= n / 2) {
                    left.add(j);
                    distinct.put(j, k);
                }
            }
        }
        left.sort((a, b) -> Integer.compare(distinct.get(b), distinct.get(a)));
        List<LinkedColumns> out = new ArrayList<>();
        while (left.size() >= 2) {
            List<Integer> group = grow(values, left, distinct.get(left.get(0)), n);
            left.removeAll(group);
            int[] cols = group.stream().mapToInt(Integer::intValue).sorted().toArray();
            Map<List<Double>, Long> seen = tupleCounts(values, cols, n);
            if (cols.length >= 2 && cols.length < varying(codecs) && seen.size() <= n / 2
                    && coverage(seen, n) >= MIN_COVERAGE) {
                LinkedColumns kept = kept(cols, seen);
                if (kept != null) {
                    out.add(kept);
                }
            }
        }
        return out;
    }

    /**
     * Columns that take a coordinate: a group must leave one of them out, or every written row would be a training
     * row (as one of its combinations).
     */
    private static int varying(List<ColumnCodec> codecs) {
        return (int) codecs.stream().filter(c -> c.valueWidth() > 0).count();
    }

    /** Good–Turing sample coverage 1 − f₁/n: the estimated chance that a fresh row's combination was seen. */
    static double coverage(Map<List<Double>, Long> seen, int n) {
        long once = seen.values().stream().filter(c -> c == 1).count();
        return 1 - once / (double) n;
    }

    /** The group grown greedily from the first (most varied) of {@code left}, which has {@code k} distinct values. */
    private static List<Integer> grow(double[][] values, List<Integer> left, int k, int n) {
        List<Integer> group = new ArrayList<>(List.of(left.get(0)));
        for (int c : left.subList(1, left.size())) {
            int[] with = new int[group.size() + 1];
            for (int a = 0; a < group.size(); a++) {
                with[a] = group.get(a);
            }
            with[group.size()] = c;
            int kw = tupleCounts(values, with, n).size();
            if (kw <= GROWTH * k) {
                group.add(c);
                k = kw;
            }
        }
        return group;
    }

    /** The tuples seen at least {@value #MIN_COUNT} times (at most the most frequent MAX_LEVELS), or null if fewer than 2. */
    private static LinkedColumns kept(int[] cols, Map<List<Double>, Long> seen) {
        List<Map.Entry<List<Double>, Long>> rows = new ArrayList<>();
        for (Map.Entry<List<Double>, Long> e : seen.entrySet()) {
            if (e.getValue() >= MIN_COUNT) {
                rows.add(e);
            }
        }
        if (rows.size() < 2) {
            return null;
        }
        rows.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        List<Map.Entry<List<Double>, Long>> top = rows.subList(0, Math.min(rows.size(), ColumnProfile.MAX_LEVELS));
        double[][] tuples = top.stream().map(e -> e.getKey().stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        long[] counts = top.stream().mapToLong(Map.Entry::getValue).toArray();
        return new LinkedColumns(cols, tuples, counts);
    }

    /**
     * Distinct tuples of the columns' entries ({@code values[j]}, one per row of n), with their rows, in first-seen
     * order.
     */
    private static Map<List<Double>, Long> tupleCounts(double[][] values, int[] cols, int n) {
        Map<List<Double>, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<Double> key = new ArrayList<>(cols.length);
            for (int j : cols) {
                key.add(values[j][i]);
            }
            out.merge(key, 1L, Long::sum);
        }
        return out;
    }

    /** Column c's cells as tuple entries, read once: a number's value, a category's level index. */
    private static double[] values(TextTable table, ColumnCodec c) {
        int t = table.indexOf(c.name());
        double[] out = new double[table.n()];
        for (int i = 0; i < out.length; i++) {
            String cell = table.cell(i, t);
            out[i] = c instanceof CategoryColumn k ? k.levelOf(cell) : Cells.number(cell);
        }
        return out;
    }

    /** A tuple entry's coordinates (valueWidth of them, from off): a number's at the middle of its ties, a level's ±1. */
    private static void encode(ColumnCodec c, double v, double[] out, int off) {
        if (c instanceof CategoryColumn k) {
            k.encodeLevel((int) v, out, off);
        } else {
            out[off] = ((NumericColumn) c).marginal().encode(v, 0.5);
        }
    }

    /** A tuple entry as the column writes it. */
    private static String text(ColumnCodec c, double v) {
        return c instanceof CategoryColumn k ? k.levels()[(int) v] : ((NumericColumn) c).precision().format(v);
    }

    /**
     * Replaces, in each row i of {@code cells} ([d][n], the decoded text), this group's cells by the nearest kept
     * tuple's text ({@link NumericColumn#precision()}), measured on z [n, w] at the columns' value coordinates.
     *
     * @param held null, or which columns are held in each row ({@code held.length} = d for every row, or n·d)
     */
    void snap(List<ColumnCodec> codecs, int[] offsets, double[] z, int n, int w, String[][] cells, boolean[] held) {
        int g = columns.length;
        int[] from = new int[g + 1];
        for (int a = 0; a < g; a++) {
            from[a + 1] = from[a] + codecs.get(columns[a]).valueWidth();
        }
        double[][] at = new double[tuples.length][from[g]];
        String[][] text = new String[tuples.length][g];
        for (int k = 0; k < tuples.length; k++) {
            for (int a = 0; a < g; a++) {
                encode(codecs.get(columns[a]), tuples[k][a], at[k], from[a]);
                text[k][a] = text(codecs.get(columns[a]), tuples[k][a]);
            }
        }
        int d = codecs.size();
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < tuples.length; k++) {
                double s = 0;
                for (int a = 0; a < g && s < bestDistance; a++) {
                    int j = columns[a];
                    boolean isHeld = held != null && held[held.length == d ? j : i * d + j];
                    for (int c = from[a]; c < from[a + 1] && !isHeld; c++) {
                        double e = z[i * w + offsets[j] + c - from[a]] - at[k][c];
                        s += e * e;
                    }
                    s = isHeld && !text[k][a].equals(cells[j][i]) ? Double.POSITIVE_INFINITY : s;
                }
                if (s < bestDistance) {
                    bestDistance = s;
                    best = k;
                }
            }
            for (int a = 0; best >= 0 && a < g; a++) {
                cells[columns[a]][i] = text[best][a];
            }
        }
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    @Override
    public double[][] tuples() {
        return Arrays.stream(tuples).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkedColumns l && Arrays.equals(columns, l.columns) && Arrays.deepEquals(tuples, l.tuples)
                && Arrays.equals(counts, l.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(columns), Arrays.deepHashCode(tuples), Arrays.hashCode(counts));
    }
}
