package io.score4j.baseline;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import io.score4j.table.CategoryColumn;
import io.score4j.table.ColumnCodec;
import io.score4j.table.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The Gaussian copula of a typed table ({@code score4j baseline --csv} on a file with text cells or gaps, or with
 * {@code --types}), written in the same format as a table model's samples so that {@code eval} judges both alike.
 *
 * <p>The table is encoded by its {@link TableSchema} (quantile-normal values with integers dequantised, ±1 category
 * coordinates, gap indicators); the copula is fitted on one coordinate per value: a numeric column's, a binary
 * column's ±1, a category of k ≥ 3 levels as its level index 0…k−1 (an ordinal code with its empirical, discrete
 * marginal: one-hot coordinates drawn through a copula would often give no level or two), and each gap indicator
 * (a constant column has none).
 * Draws are mapped back (a level index rounded and clamped, then one-hot) and decoded by the schema: the data's
 * columns, kinds, bounds and precision, gaps where the indicator says so.
 */
public final class TableCopula {
    private TableCopula() {}

    /**
     * {@code n} copula rows of {@code table} under {@code schema} (fitted on it); {@code key.fold(1)} encodes,
     * {@code key.fold(2)} draws. Same key, same rows, whatever the thread count.
     */
    public static TextTable sample(TableSchema schema, TextTable table, int n, Key key, Parallelism par) {
        TableSchema.Encoded enc = schema.encode(table, key.fold(1));
        List<String> names = new ArrayList<>();
        for (ColumnCodec c : schema.columns()) {
            if (c.valueWidth() > 0) {
                names.add(c.name());
            }
            if (c.missingToken() != null) {
                names.add(c.name() + "?");
            }
        }
        int m = names.size();
        int w = schema.width();
        double[] compact = new double[enc.n() * m];
        for (int i = 0; i < enc.n(); i++) {
            int k = 0;
            for (int j = 0; j < schema.columns().size(); j++) {
                ColumnCodec c = schema.columns().get(j);
                int off = i * w + schema.offset(j);
                if (c.valueWidth() > 0) {
                    compact[i * m + k++] = coded(c) ? argmax(enc.values(), off, c.valueWidth()) : enc.values()[off];
                }
                if (c.missingToken() != null) {
                    compact[i * m + k++] = enc.values()[off + c.valueWidth()];
                }
            }
        }
        GaussianCopula copula = GaussianCopula.fit(new Dataset(names.toArray(new String[0]), enc.n(), m, compact));
        Dataset drawn = copula.sample(n, key.fold(2), par);
        double[] z = new double[n * w];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (int j = 0; j < schema.columns().size(); j++) {
                ColumnCodec c = schema.columns().get(j);
                int off = i * w + schema.offset(j);
                double v = c.valueWidth() > 0 ? drawn.values()[i * m + k++] : 0;
                if (coded(c)) {
                    int level = (int) Math.max(0, Math.min(c.valueWidth() - 1, Math.rint(v)));
                    for (int l = 0; l < c.valueWidth(); l++) {
                        z[off + l] = l == level ? 1 : -1;
                    }
                } else if (c.valueWidth() == 1) {
                    z[off] = v;
                }
                if (c.missingToken() != null) {
                    z[off + c.valueWidth()] = drawn.values()[i * m + k++];
                }
            }
        }
        return schema.decodeColumns(z, n, "copula of " + table.source());
    }

    /** A category of three levels or more, coded for the copula by its level index. */
    private static boolean coded(ColumnCodec c) {
        return c instanceof CategoryColumn && c.valueWidth() >= 2;
    }

    private static int argmax(double[] z, int off, int width) {
        int best = 0;
        for (int l = 1; l < width; l++) {
            if (z[off + l] > z[off + best]) {
                best = l;
            }
        }
        return best;
    }
}
