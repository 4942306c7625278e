package io.score4j.table;

import io.score4j.InputException;
import io.score4j.MemoryEstimate;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reversible map between a table's rows (text cells, with gaps) and the model's numeric matrix:
 * one {@link ColumnCodec} per column, in the data's order, fitted on the training table.
 *
 * <p>Shapes: a table of n rows and the schema's d columns encodes to a row-major matrix [n, w] with
 * w = {@link #width()} = Σ_j {@link ColumnCodec#width()}; column j occupies [{@link #offset(int) offset(j)},
 * offset(j) + width_j). {@link #decode} maps any [n, w] matrix without NaN back to text cells, every
 * value within its column's [min, max] and written at the data's precision.
 *
 * <p>Rows with gaps train: a gap's value coordinates hold a draw from the column's marginal and are marked
 * unobserved ({@link Encoded#observed()}), and the column's indicator coordinate says +1 (missing); the
 * model learns the indicators with the values, so synthetic rows have gaps where the data would. A loss may
 * use the mask to skip unobserved coordinates; imputation conditions on a row's observed coordinates
 * (indicators set to −1) and takes the rest from the sampler.
 *
 * <p>The schema is stored as JSON ({@link #toJson()}, {@link #fromJson}).
 */
public final class TableSchema {
    private final List<ColumnCodec> columns;
    private final int rows;
    private final int[] offsets;
    private final String[] notes;
    private final List<LinkedColumns> links;

    /**
     * @param columns the columns in the data's order, names unique (1 to 100000 of them)
     * @param rows    rows of the table the schema was fitted on (≥ 1)
     */
    public TableSchema(List<ColumnCodec> columns, int rows) {
        this(columns, rows, List.of(), null);
    }

    /**
     * @param links groups of numeric columns written back as one of the data's combinations ({@link LinkedColumns});
     *              disjoint, each column numeric
     */
    public TableSchema(List<ColumnCodec> columns, int rows, List<LinkedColumns> links) {
        this(columns, rows, links, null);
    }

    private TableSchema(List<ColumnCodec> columns, int rows, List<LinkedColumns> links, String[] notes) {
        if (columns.isEmpty() || rows < 1) {
            throw new IllegalArgumentException("need at least one column and one row, got " + columns.size() + ", " + rows);
        }
        this.links = List.copyOf(links);
        boolean[] linked = new boolean[columns.size()];
        for (LinkedColumns l : this.links) {
            for (int j : l.columns()) {
                if (j < 0 || j >= columns.size() || linked[j] || columns.get(j).valueWidth() == 0) {
                    throw new IllegalArgumentException("linked column " + j + " is out of range, repeated or constant");
                }
                linked[j] = true;
            }
        }
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.offsets = new int[columns.size() + 1];
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < columns.size(); j++) {
            if (!seen.add(columns.get(j).name())) {
                throw new IllegalArgumentException("column name repeated: " + columns.get(j).name());
            }
            offsets[j + 1] = Math.addExact(offsets[j], columns.get(j).width());
        }
        this.notes = notes == null ? new String[columns.size()] : notes;
        Arrays.setAll(this.notes, j -> this.notes[j] == null ? "" : this.notes[j]);
    }

    /** The model's matrix for n rows: values [n, w] row-major, and which entries were observed (false for gaps' values). */
    public record Encoded(double[] values, boolean[] observed, int n, int width) {
        public Encoded {
            if (values.length != (long) n * width || observed.length != values.length) {
                throw new IllegalArgumentException("values and observed must have n*width = " + n + "*" + width);
            }
        }
    }

    /**
     * Fits a schema on every column of {@code table}: kinds inferred ({@link TypeRules}) unless given.
     *
     * @param kinds kinds by column name (e.g. from {@link #parseTypes}); columns not named are inferred
     * @param flag  the flag the kinds came from, for messages ({@code "--types"})
     * @throws InputException if a column is all gaps, is text with too many levels, or cannot be its given kind
     */
    public static TableSchema fit(TextTable table, Map<String, ColumnKind> kinds, String flag) {
        return fit(table, kinds, flag, true);
    }

    /**
     * As {@link #fit(TextTable, Map, String)}; {@code link} false leaves every column on its own (no
     * {@link LinkedColumns} searched).
     */
    public static TableSchema fit(TextTable table, Map<String, ColumnKind> kinds, String flag, boolean link) {
        for (String name : kinds.keySet()) {
            if (table.indexOf(name) < 0) {
                throw new InputException(flag + ": unknown column '" + ColumnProfile.shown(name) + "' in " + table.source());
            }
        }
        List<ColumnCodec> out = new ArrayList<>();
        String[] notes = new String[table.d()];
        for (int j = 0; j < table.d(); j++) {
            ColumnProfile p = ColumnProfile.of(table, j);
            ColumnKind given = kinds.get(p.name);
            ColumnKind kind = given == null ? TypeRules.infer(p) : given;
            TypeRules.check(p, kind, flag);
            out.add(ColumnCodecs.of(p, kind));
            notes[j] = (given == null ? "" : "; given") + TypeRules.notes(p)
                    + (p.missing > 0 ? "; " + p.missing + " gaps" : "");
        }
        return new TableSchema(out, table.n(), link ? LinkedColumns.find(table, out) : List.of(), notes);
    }

    /**
     * True when {@code table} needs this codec rather than a plain numeric reading: some cell is text or a gap
     * (empty, {@code NA}, …). A table of numbers only is left to the numeric path unless kinds are given.
     */
    public static boolean needsCodec(TextTable table) {
        for (String[] column : table.columns()) {
            for (String cell : column) {
                if (ColumnProfile.gap(cell) || Double.isNaN(Cells.number(cell))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The kind {@link TypeRules} infers for each column of {@code table}, in its order, without fitting codecs.
     *
     * @throws InputException if a column is all gaps or text with too many levels
     */
    public static List<ColumnKind> inferredKinds(TextTable table) {
        List<ColumnKind> out = new ArrayList<>(table.d());
        for (int j = 0; j < table.d(); j++) {
            out.add(TypeRules.infer(ColumnProfile.of(table, j)));
        }
        return out;
    }

    /** {@code col=kind,…} parsed against the table's names; see {@link TypeRules#parseOverrides}. */
    public static Map<String, ColumnKind> parseTypes(String spec, TextTable table, String flag) {
        return TypeRules.parseOverrides(spec, table.names(), flag);
    }

    /** The columns, in the data's order. */
    public List<ColumnCodec> columns() {
        return columns;
    }

    /** Rows of the table the schema was fitted on. */
    public int rows() {
        return rows;
    }

    /** Column names in the data's order. */
    public String[] names() {
        return columns.stream().map(ColumnCodec::name).toArray(String[]::new);
    }

    /** Groups of columns written back as one of the data's combinations (empty when none was found). */
    public List<LinkedColumns> links() {
        return links;
    }

    /** Model coordinates w per row. */
    public int width() {
        return offsets[columns.size()];
    }

    /** First coordinate of column j (j = d gives {@link #width()}). */
    public int offset(int j) {
        return offsets[j];
    }

    /**
     * The coordinates decoded as levels, in groups: each category column's level coordinates (one for a binary
     * column, decoded by sign; L for a one-hot one, decoded by argmax) and each gap indicator (one, by sign), as
     * indices in [0, {@link #width()}). Numeric columns' value coordinates are in no group.
     */
    public int[][] levelGroups() {
        List<int[]> out = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            ColumnCodec c = columns.get(j);
            int value = c.valueWidth();
            if (c instanceof CategoryColumn && value > 0) {
                int[] group = new int[value];
                for (int k = 0; k < value; k++) {
                    group[k] = offsets[j] + k;
                }
                out.add(group);
            }
            if (c.missingToken() != null) {
                out.add(new int[] {offsets[j] + value});
            }
        }
        return out.toArray(new int[0][]);
    }

    /** Names of the w coordinates ({@code age}, {@code city=Paris}, {@code income?}), for the model's column list. */
    public String[] coordinateNames() {
        List<String> out = new ArrayList<>();
        for (ColumnCodec c : columns) {
            out.addAll(Arrays.asList(c.coordinateNames()));
        }
        return out.toArray(new String[0]);
    }

    /**
     * Encodes the rows of {@code table}, whose columns are found by name (extra columns are ignored).
     * Entry (i, j)'s tie-breaking or gap-filling uniform is {@code key.uniform(i·d + j)}: the result is a
     * pure function of the table and the key.
     *
     * @throws InputException naming file, row and column for a cell that is not a value of its column,
     *                        naming a schema column the table lacks, or when the matrix would not fit in the heap
     */
    public Encoded encode(TextTable table, Key key) {
        Objects.requireNonNull(key, "key");
        int d = columns.size();
        int w = width();
        int n = table.n();
        MemoryEstimate.none().plusArrays("the encoded table of " + table.source() + " (" + n + " rows × " + w
                + " coordinates, values and mask)", (long) n * w, Double.BYTES + 1, 1).check();
        double[] values = new double[n * w];
        boolean[] observed = new boolean[values.length];
        for (int j = 0; j < d; j++) {
            ColumnCodec c = columns.get(j);
            int t = table.indexOf(c.name());
            if (t < 0) {
                throw new InputException(table.source() + ": no column '" + ColumnProfile.shown(c.name())
                        + "', which the model has; the table has " + String.join(", ", table.names()));
            }
            int vw = c.valueWidth();
            for (int i = 0; i < n; i++) {
                int off = i * w + offsets[j];
                String cell = table.cell(i, t);
                double u = key.uniform((long) i * d + j);
                boolean gap = ColumnProfile.gap(cell);
                if (gap) {
                    c.fill(u, values, off);
                } else {
                    c.encode(cell, u, values, off, table.where(i, t));
                    Arrays.fill(observed, off, off + vw, true);
                }
                if (c.missingToken() != null) {
                    values[off + vw] = gap ? 1.0 : -1.0;
                    observed[off + vw] = true;
                }
            }
        }
        return new Encoded(values, observed, n, w);
    }

    /**
     * The coordinates of column {@code column} holding {@code value} (its {@link ColumnCodec#width()} of them,
     * the indicator −1), for conditioning on a value ({@code sample --given col=value}): integers and atoms
     * take the midpoint of their CDF interval, which decodes back to the value itself.
     *
     * @param flag the start of messages, e.g. {@code "--given"}
     * @throws InputException naming the flag and column if the column is unknown or the value is a gap or not
     *                        one of the column's values
     */
    public double[] encodeValue(String column, String value, String flag) {
        for (ColumnCodec c : columns) {
            if (c.name().equals(column)) {
                String where = flag + " " + ColumnProfile.shown(column);
                if (ColumnProfile.gap(value)) {
                    throw new InputException(where + ": a gap ('" + ColumnProfile.shown(value) + "') cannot be given");
                }
                double[] out = new double[c.width()];
                c.encode(value.trim(), 0.5, out, 0, where);
                if (c.missingToken() != null) {
                    out[c.valueWidth()] = -1.0;
                }
                return out;
            }
        }
        throw new InputException(flag + ": unknown column '" + ColumnProfile.shown(column) + "'; the model has "
                + String.join(", ", names()));
    }

    /**
     * Decodes n rows of model coordinates (row-major [n, w]; ±∞ allowed, NaN not) to text cells in the
     * data's column order and names; a cell is null (a gap, written as the data's missing token) where
     * its column's indicator is > 0.
     *
     * @throws IllegalArgumentException if the shape is wrong or an entry is NaN (a diverged sample: the
     *                                  caller reports those before decoding)
     */
    public TextTable decode(double[] z, int n, String source) {
        return decode(z, n, source, null, true);
    }

    /**
     * As {@link #decode(double[], int, String)}, with {@code held} columns (given values, observed cells; length
     * d for every row, or n·d) restricting each row's {@link #links()} to the combinations that agree with the row
     * there.
     */
    public TextTable decode(double[] z, int n, String source, boolean[] held) {
        if (held != null && held.length != columns.size() && held.length != (long) n * columns.size()) {
            throw new IllegalArgumentException("held needs d or n*d entries, got " + held.length);
        }
        return decode(z, n, source, held, true);
    }

    /** Each column decoded on its own, {@link #links()} ignored (a baseline's rows, a given row's own values). */
    public TextTable decodeColumns(double[] z, int n, String source) {
        return decode(z, n, source, null, false);
    }

    private TextTable decode(double[] z, int n, String source, boolean[] held, boolean link) {
        int w = width();
        if (n < 0 || z.length != (long) n * w) {
            throw new IllegalArgumentException("expected n*w = " + n + "*" + w + " coordinates, got " + z.length);
        }
        for (int i = 0; i < z.length; i++) {
            if (Double.isNaN(z[i])) {
                throw new IllegalArgumentException("coordinate " + (i % w) + " of row " + (i / w) + " is NaN");
            }
        }
        int d = columns.size();
        String[][] cells = new String[d][n];
        String[] tokens = new String[d];
        for (int j = 0; j < d; j++) {
            ColumnCodec c = columns.get(j);
            tokens[j] = c.missingToken();
            int vw = c.valueWidth();
            for (int i = 0; i < n; i++) {
                int off = i * w + offsets[j];
                boolean gap = c.missingToken() != null && z[off + vw] > 0;
                cells[j][i] = gap ? null : c.decode(z, off);
            }
        }
        for (LinkedColumns l : link ? links : List.<LinkedColumns>of()) {
            l.snap(columns, offsets, z, n, w, cells, held);
        }
        int[] lines = new int[n];
        Arrays.setAll(lines, i -> i + 2);
        return new TextTable(source, names(), cells, lines, tokens);
    }

    /** One line per column: name, kind, what it holds and notes (skew, zeros, gaps), for the CLI to print. */
    public String summary() {
        int nameWidth = 4;
        for (ColumnCodec c : columns) {
            nameWidth = Math.max(nameWidth, Math.min(24, c.name().length()));
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < columns.size(); j++) {
            ColumnCodec c = columns.get(j);
            String gaps = c.missingToken() == null ? ""
                    : notes[j].contains("gaps") ? " ('" + c.missingToken() + "')" : "; gaps ('" + c.missingToken() + "')";
            b.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %-11s  ", ColumnProfile.shown(c.name()),
                    c.kind().id()))
                    .append(c.describe()).append(notes[j]).append(gaps).append('\n');
        }
        for (LinkedColumns l : links) {
            b.append("linked: ").append(String.join(", ", Arrays.stream(l.columns()).mapToObj(j -> ColumnProfile.shown(
                    columns.get(j).name())).toArray(String[]::new))).append(" come in ").append(l.tuples().length)
                    .append(" combinations of at least ").append(LinkedColumns.MIN_COUNT)
                    .append(" rows; each written row takes one of them (train --no-links: each column on its own)\n");
        }
        return b.toString();
    }

    /** The schema as one line of JSON; see {@link SchemaJson}. */
    public String toJson() {
        return SchemaJson.write(this);
    }

    /**
     * Reads and validates a schema written by {@link #toJson()}.
     *
     * @param source where the text came from, for messages (e.g. "model.safetensors: metadata 'table'")
     * @throws InputException naming the source and the first field that is malformed or out of bounds
     */
    public static TableSchema fromJson(String json, String source) {
        return SchemaJson.read(json, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema s && rows == s.rows && columns.equals(s.columns) && links.equals(s.links);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * columns.hashCode() + rows) + links.hashCode();
    }
}
