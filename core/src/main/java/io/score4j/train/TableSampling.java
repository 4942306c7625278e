package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.table.ColumnCodec;
import io.score4j.table.TableSchema;

import java.util.Arrays;
import java.util.List;

/**
 * Sampling and imputation for a table model ({@link TableTraining}): the model's coordinates decoded back to the
 * table's columns (names, order, kinds, bounds and precision of the data), conditions given in the table's own
 * values (a category by its text), and gaps filled with observed cells kept as their input text.
 */
public final class TableSampling {
    private TableSampling() {}

    /**
     * Decoded rows.
     *
     * @param table   the rows whose coordinates were all finite, decoded ({@link TableSchema#decode})
     * @param dropped rows left out because a coordinate was not finite (a diverged chain)
     */
    public record Decoded(TextTable table, int dropped) {}

    /**
     * Decodes n rows of model coordinates z [n, w] (row-major), dropping each row with a NaN or infinite
     * coordinate; the survivors keep their order.
     */
    public static Decoded decode(TableSchema schema, double[] z, int n, String source) {
        return decode(schema, z, n, source, Given.none(schema.width()));
    }

    /**
     * As {@link #decode(TableSchema, double[], int, String)}, the columns {@code given} fixes (one row, or one per
     * row of z) held by the schema's linked columns ({@link TableSchema#decode(double[], int, String, boolean[])}).
     */
    public static Decoded decode(TableSchema schema, double[] z, int n, String source, Given given) {
        int w = schema.width();
        given.requireFits(n, w);
        if (z.length != (long) n * w) {
            throw new IllegalArgumentException("expected n*w = " + n + "*" + w + " coordinates, got " + z.length);
        }
        int d = schema.columns().size();
        int[] index = finiteRows(z, n, w);
        int rows = 0;
        double[] kept = new double[z.length];
        boolean[] held = new boolean[given.rows() == 1 ? d : n * d];
        for (int i = 0; i < n; i++) {
            if (index[i] >= 0) {
                System.arraycopy(z, i * w, kept, rows * w, w);
                rows++;
            }
            if (i == 0 && given.rows() == 1 || given.rows() > 1 && index[i] >= 0) {
                for (int j = 0; j < d; j++) {
                    held[(given.rows() == 1 ? 0 : index[i] * d) + j] = schema.columns().get(j).valueWidth() > 0
                            && given.isGiven(i, schema.offset(j));
                }
            }
        }
        boolean[] heldKept = given.rows() == 1 ? held : Arrays.copyOf(held, rows * d);
        return new Decoded(schema.decode(Arrays.copyOf(kept, rows * w), rows, source, heldKept), n - rows);
    }

    /**
     * n drawn rows of model coordinates z [n, w], decoded as {@link #decode} does, refused when nothing can be
     * written: every row diverged, or a row does not hold a value {@code given} fixes (a sampler that does not
     * condition this model; {@link #unmet}).
     *
     * @param source  where the rows go, for the decoder's messages
     * @param sampler the sampler's name, for the message
     * @param advice  what to try when every chain diverged, e.g. {@code more --steps}
     * @throws InputException ending "Nothing was written."
     */
    public static Decoded decodeDrawn(TableSchema schema, double[] z, int n, Given given, String source,
                                      String sampler, String advice) {
        Decoded rows = decode(schema, z, n, source, given);
        if (rows.table().n() == 0) {
            throw new InputException("all " + n + " samples are not finite (the chain diverged); try " + advice
                    + ". Nothing was written.");
        }
        int unmet = given.isEmpty() ? 0 : unmet(schema, given, rows.table());
        if (unmet > 0) {
            throw new InputException("--given: " + unmet + " of " + rows.table().n() + " rows drawn by --sampler "
                    + sampler + " do not hold the given values (this sampler does not condition this model yet). "
                    + "Nothing was written.");
        }
        return rows;
    }

    /**
     * {@code COL=VALUE} pairs (the column name is everything before the last {@code =}) as a {@link Given} over the
     * model's w coordinates: each value encoded by {@link TableSchema#encodeValue} (a category fixes all its
     * coordinates, a column with gaps its indicator at −1).
     *
     * @throws InputException starting with {@code flag} for a malformed pair, an unknown column, a value that is not
     *                        one of the column's, a column given twice, or every column given
     */
    public static Given given(TableSchema schema, List<String> pairs, String flag) {
        int w = schema.width();
        boolean[] mask = new boolean[w];
        double[] values = new double[w];
        List<String> names = Arrays.asList(schema.names());
        boolean[] seen = new boolean[names.size()];
        for (String pair : pairs) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new InputException(flag + " '" + NamedRows.shown(pair) + "' is not COL=VALUE");
            }
            String name = pair.substring(0, eq).trim();
            double[] coords = schema.encodeValue(name, pair.substring(eq + 1).trim(), flag);
            int j = names.indexOf(name);
            if (seen[j]) {
                throw new InputException(flag + " gives column '" + NamedRows.shown(name) + "' twice");
            }
            seen[j] = true;
            for (int k = 0; k < coords.length; k++) {
                mask[schema.offset(j) + k] = true;
                values[schema.offset(j) + k] = coords[k];
            }
        }
        boolean all = true;
        for (boolean s : seen) {
            all &= s;
        }
        if (all) {
            throw new InputException(flag + " gives every column (" + NamedRows.listed(names) + "): nothing is left to sample");
        }
        return new Given(w, mask, values);
    }

    /**
     * Rows of {@code rows} (decoded samples) whose cell differs, in a column {@code given} fixes, from the text
     * the given coordinates decode to: 0 when the sampler honoured the condition.
     */
    public static int unmet(TableSchema schema, Given given, TextTable rows) {
        TextTable want = schema.decodeColumns(given.values(), 1, "--given");
        int bad = 0;
        for (int i = 0; i < rows.n(); i++) {
            boolean ok = true;
            for (int j = 0; j < schema.columns().size() && ok; j++) {
                ok = !given.isGiven(0, schema.offset(j))
                        || java.util.Objects.equals(want.cell(0, j), rows.cell(i, j));
            }
            bad += ok ? 0 : 1;
        }
        return bad;
    }

    /**
     * Imputed rows of a table: the table's columns in the schema's order, observed cells as their input text.
     *
     * @param table        the filled rows
     * @param rowsWithGaps rows that had a gap in one of the schema's columns
     * @param cellsFilled  gaps filled (each gets a value: its column's indicator is given as −1, "present")
     * @param nonFinite    rows whose draw was not finite (their gaps are left as gaps)
     */
    public record Filled(TextTable table, int rowsWithGaps, long cellsFilled, int nonFinite) {}

    /**
     * Fills the gaps of {@code rows} (the schema's columns found by name, others ignored) with a draw from the
     * model's p(gap cells | observed cells): rows are encoded, every observed coordinate and every gap indicator
     * (at −1, "present") given, the rest sampled ({@link Imputation}), then decoded; observed cells are copied
     * from the input text, so they come back byte for byte.
     */
    public static Filled impute(ScoreModel m, TableSchema schema, TextTable rows, SamplingPlan plan, Key key,
                                ModelSampling.Progress bar) {
        TableSchema.Encoded enc = schema.encode(rows, key.fold(1));
        int n = enc.n();
        int w = enc.width();
        double[] x = enc.values().clone();
        int d = schema.columns().size();
        long gaps = 0;
        int rowsWithGaps = 0;
        for (int i = 0; i < n; i++) {
            int before = (int) gaps;
            for (int j = 0; j < d; j++) {
                ColumnCodec c = schema.columns().get(j);
                int off = i * w + schema.offset(j);
                if (gap(rows.cell(i, rows.indexOf(c.name())))) {
                    gaps++;
                    Arrays.fill(x, off, off + c.valueWidth(), Double.NaN);
                    if (c.missingToken() != null) {
                        x[off + c.valueWidth()] = -1.0;
                    }
                }
            }
            rowsWithGaps += gaps > before ? 1 : 0;
        }
        Imputation.Result r = Imputation.impute(m, new Dataset(m.columns(), n, w, x), rows.source(), plan, key, bar);
        String[][] cells = new String[d][n];
        String[] names = schema.names();
        int bad = 0;
        TextTable decoded = decode(schema, r.values(), n, rows.source(), new Given(w, enc.observed(), x)).table();
        int[] decodedRow = finiteRows(r.values(), n, w);
        for (int i = 0; i < n; i++) {
            bad += decodedRow[i] < 0 ? 1 : 0;
            for (int j = 0; j < d; j++) {
                String input = rows.cell(i, rows.indexOf(names[j]));
                cells[j][i] = !gap(input) || decodedRow[i] < 0 ? input : decoded.cell(decodedRow[i], j);
            }
        }
        String[] tokens = new String[d];
        for (int j = 0; j < d; j++) {
            String t = rows.missingTokens()[rows.indexOf(names[j])];
            tokens[j] = t != null ? t : schema.columns().get(j).missingToken();
        }
        return new Filled(new TextTable(rows.source(), names, cells, rows.lines(), tokens), rowsWithGaps, gaps, bad);
    }

    private static boolean gap(String cell) {
        return cell == null || TextCsv.isMissing(cell);
    }

    /** For each row of z [n, w], its index among the rows whose coordinates are all finite, or −1. */
    static int[] finiteRows(double[] z, int n, int w) {
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean finite = true;
            for (int c = i * w; c < (i + 1) * w && finite; c++) {
                finite = Double.isFinite(z[c]);
            }
            out[i] = finite ? k++ : -1;
        }
        return out;
    }
}
