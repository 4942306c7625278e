package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import io.score4j.table.TableSchema;
import io.score4j.train.TableTraining;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code train} and {@code baseline} read {@code --csv}: a file of numbers only (and no {@code --types}) through
 * the numeric reader exactly as before, so its models and outputs keep their bytes; a file with a text cell or a
 * gap, or any file with {@code --types}, through the typed-table codec ({@link TableTraining}).
 */
final class TableInput {
    private TableInput() {}

    /** The data read: {@code table} is null for the numeric path, else {@code data} is its encoded matrix. */
    record Loaded(Dataset data, TableTraining.Prepared table) {}

    /**
     * Reads the training data: the numeric path is tried first (one read for a numeric file); when it fails on
     * a file that holds text or gaps, the file is read as a table instead. Any other failure is the numeric
     * reader's own error.
     */
    static Loaded load(DataOptions data, String types, Key key) {
        if (data.csv == null) {
            InputException.require(types == null, "--types", types, "applies only to --csv");
            return new Loaded(data.load(key), null);
        }
        data.checkSource();
        if (types != null) {
            return table(data.csv, data.columns, types, key);
        }
        try {
            return new Loaded(data.load(key), null);
        } catch (InputException numeric) {
            TextTable t = textOrNull(data.csv);
            if (t == null || !TableSchema.needsCodec(TableTraining.select(t, data.columns, "--columns"))) {
                throw numeric;
            }
            return table(t, data.columns, null, key);
        }
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

    private static Loaded table(Path csv, List<String> columns, String types, Key key) {
        return table(TextCsv.read(csv), columns, types, key);
    }

    private static Loaded table(TextTable t, List<String> columns, String types, Key key) {
        TableTraining.Prepared p = TableTraining.prepare(TableTraining.select(t, columns, "--columns"), types, key);
        return new Loaded(p.data(), p);
    }
}
