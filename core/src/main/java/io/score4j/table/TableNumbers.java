package io.score4j.table;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.TextTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A typed table as numbers for comparing tables ({@code score4j eval} on a CSV with text cells or gaps): a schema
 * fitted on the reference table, then each table (reference, samples, held-out rows) mapped column by column to
 * a numeric {@link Dataset} every comparison reads the same way.
 *
 * <p>Per column of the reference: a numeric column gives its value; a category (text or numeric codes) gives its
 * level's index in the reference's level order (0, 1, …; a value the reference never has is an error); a
 * column with gaps in the reference adds an indicator column {@code name?} (1 for a gap, 0 otherwise) and a gap's
 * value reads as the reference's median (numeric) or level 0 (category), the same fill in every table, so gaps
 * are compared through their indicator alone.
 */
public final class TableNumbers {
    private final TableSchema schema;
    private final double[] fill;
    private final String[] columns;

    private TableNumbers(TableSchema schema, double[] fill) {
        this.schema = schema;
        this.fill = fill;
        List<String> names = new ArrayList<>();
        for (ColumnCodec c : schema.columns()) {
            names.add(c.name());
            if (c.missingToken() != null) {
                names.add(c.name() + "?");
            }
        }
        this.columns = names.toArray(new String[0]);
    }

    /**
     * Fits on {@code reference}: kinds inferred ({@link TypeRules}), levels and medians from its cells.
     *
     * @throws InputException as {@link TableSchema#fit} does (a column of gaps only, too many text levels)
     */
    public static TableNumbers fit(TextTable reference) {
        TableSchema schema = TableSchema.fit(reference, Map.of(), "--types");
        double[] fill = new double[reference.d()];
        for (int j = 0; j < reference.d(); j++) {
            ColumnProfile p = ColumnProfile.of(reference, j);
            fill[j] = schema.columns().get(j) instanceof NumericColumn ? p.sorted[(p.sorted.length - 1) / 2] : 0;
        }
        return new TableNumbers(schema, fill);
    }

    /** The numeric columns: each reference column, followed by {@code name?} for one with gaps. */
    public String[] columns() {
        return columns.clone();
    }

    /**
     * {@code table}'s rows as numbers ({@link #columns()}), its columns found by the reference's names.
     *
     * @param flag the flag the table came from, to start messages ({@code --samples})
     * @throws InputException naming the flag, file, row and column of a cell that is not a value of its column,
     *                        or a reference column the table lacks
     */
    public Dataset apply(TextTable table, String flag) {
        int n = table.n();
        int d = columns.length;
        double[] out = new double[n * d];
        int k = 0;
        for (int j = 0; j < schema.columns().size(); j++) {
            ColumnCodec c = schema.columns().get(j);
            int t = table.indexOf(c.name());
            if (t < 0) {
                throw new InputException(flag + " " + table.source() + ": no column '" + ColumnProfile.shown(c.name())
                        + "'; the reference has " + String.join(", ", schema.names()));
            }
            double[] buf = new double[c.width()];
            for (int i = 0; i < n; i++) {
                String cell = table.cell(i, t);
                boolean gap = ColumnProfile.gap(cell);
                out[i * d + k] = gap ? fill[j] : value(c, cell, buf, flag + " " + table.where(i, t));
                if (c.missingToken() != null) {
                    out[i * d + k + 1] = gap ? 1 : 0;
                } else if (gap) {
                    throw new InputException(flag + " " + table.where(i, t) + ": a gap, and the reference column has none");
                }
            }
            k += c.missingToken() != null ? 2 : 1;
        }
        return new Dataset(columns.clone(), n, d, out);
    }

    private static double value(ColumnCodec c, String cell, double[] buf, String where) {
        if (c instanceof CategoryColumn cat) {
            Arrays.fill(buf, 0);
            cat.encode(cell, 0.5, buf, 0, where);
            return cat.level(buf, 0);
        }
        double v = Cells.number(cell);
        if (Double.isNaN(v)) {
            throw new InputException(where + ": '" + ColumnProfile.shown(cell) + "' is not a number");
        }
        return v;
    }
}
