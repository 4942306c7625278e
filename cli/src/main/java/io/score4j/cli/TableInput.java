package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import io.score4j.table.TableSchema;
import io.score4j.train.TableRoute;
import io.score4j.train.TableTraining;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * How {@code train} and {@code baseline} read {@code --csv}: by the road {@link TableRoute} chooses, a typed table
 * (text cells, gaps, {@code --types}, or numbers with a column that is not continuous) through the codec
 * ({@link TableTraining}), else plain numbers through the numeric reader exactly as before, so their models and
 * outputs keep their bytes; {@code --types none} asks for plain numbers.
 */
final class TableInput {
    private TableInput() {}

    /** The data read: {@code table} is null for the numeric path, else {@code data} is its encoded matrix. */
    record Loaded(Dataset data, TableTraining.Prepared table) {}

    /** Reads the training data by {@link #tableOrNull}'s road; the road's note goes to {@code notes}. */
    static Loaded load(DataOptions data, String types, Key key, Consumer<String> notes) {
        if (data.csv == null) {
            InputException.require(types == null, "--types", types, "applies only to --csv");
            return new Loaded(data.load(key), null);
        }
        data.checkSource();
        TextTable t = tableOrNull(data.csv, data.columns, types, true, notes);
        if (t == null) {
            return new Loaded(data.load(key), null);
        }
        TableTraining.Prepared p = TableTraining.prepare(t, types, key);
        return new Loaded(p.data(), p);
    }

    /**
     * The {@code --columns} of {@code csv} as text when they train as a typed table ({@link TableRoute}), null
     * for plain numbers. A file the text reader cannot read, or a {@code --columns} name it lacks, is left to
     * the numeric reader, whose error (the one a numeric file always gave) is then reported.
     *
     * @param byKinds false to leave a file of numbers only to plain numbers whatever its kinds (baseline --save,
     *                which saves a numeric copula only)
     */
    static TextTable tableOrNull(Path csv, List<String> columns, String types, boolean byKinds,
                                 Consumer<String> notes) {
        if (TableRoute.plain(types)) {
            return null;
        }
        TextTable read = types != null ? TextCsv.read(csv) : textOrNull(csv);
        if (read == null) {
            return null;
        }
        TextTable t;
        try {
            t = TableTraining.select(read, columns, "--columns");
        } catch (InputException e) {
            if (types != null) {
                throw e;
            }
            return null;
        }
        if (!byKinds && types == null && !TableSchema.needsCodec(t)) {
            return null;
        }
        TableRoute route = TableRoute.of(t, types, csv.toString());
        if (route.note() != null) {
            notes.accept(route.note());
        }
        return route.table() ? t : null;
    }

    /**
     * The file as text, or null when that read fails too (a file beyond the heap, a malformed row): the numeric
     * reader's error, the one a numeric file always gave, is then the one reported.
     */
    static TextTable textOrNull(Path csv) {
        try {
            return TextCsv.read(csv);
        } catch (InputException e) {
            return null;
        }
    }
}
