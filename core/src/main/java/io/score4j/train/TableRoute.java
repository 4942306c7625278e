package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.table.ColumnKind;
import io.score4j.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Which road a {@code --csv} trains on (and {@code baseline} fits on): a typed table ({@link TableTraining}) or
 * plain numbers (standardised columns, the numeric model {@code logp} and {@code score} read).
 *
 * <ul>
 *   <li>{@code --types none}: plain numbers (a text cell or gap is then the numeric reader's error);</li>
 *   <li>any other {@code --types}, or a text cell or gap in the data: a typed table;</li>
 *   <li>a file of numbers only: a typed table when some column's inferred kind is not continuous (whole
 *   numbers, two values, one value), because the numeric model writes such columns as arbitrary decimals
 *   outside the data's values and range; plain numbers when every column is continuous, where the numeric
 *   model's smooth density (and {@code logp}) fits the data. Both choices come with a {@link #note}.</li>
 * </ul>
 *
 * @param table true for the typed table, false for plain numbers
 * @param note  a {@code note:} line saying which road and how to take the other, or null when the user chose
 */
public record TableRoute(boolean table, String note) {
    /** The {@code --types} value that asks for plain numbers. */
    public static final String NONE = "none";

    /** True when {@code types} is {@value #NONE} (any case, spaces ignored). */
    public static boolean plain(String types) {
        return types != null && types.strip().toLowerCase(Locale.ROOT).equals(NONE);
    }

    /**
     * The road for {@code data} (the columns trained on) given {@code --types} (null when absent).
     *
     * @param file the file, for the note
     */
    public static TableRoute of(TextTable data, String types, String file) {
        if (plain(types)) {
            return new TableRoute(false, null);
        }
        if (types != null || TableSchema.needsCodec(data)) {
            return new TableRoute(true, null);
        }
        List<ColumnKind> kinds = TableSchema.inferredKinds(data);
        List<String> discrete = new ArrayList<>();
        for (int j = 0; j < kinds.size(); j++) {
            if (kinds.get(j) != ColumnKind.CONTINUOUS) {
                discrete.add(data.names()[j] + " " + kinds.get(j).id());
            }
        }
        if (discrete.isEmpty()) {
            return new TableRoute(false, "note: " + file + ": every column is continuous: trained as plain numbers "
                    + "(standardised; logp and score read the model; samples are not held to the data's range or decimals); "
                    + "--types COL=KIND trains a typed table instead");
        }
        String shown = discrete.size() <= 6 ? String.join(", ", discrete)
                : String.join(", ", discrete.subList(0, 6)) + ", …";
        return new TableRoute(true, "note: " + file + ": " + discrete.size() + " of " + kinds.size()
                + " columns are not continuous (" + shown + "): trained as a typed table, so rows keep the data's "
                + "values, bounds and decimals; --types none trains plain numbers instead");
    }

    /**
     * The {@code columns} of {@code csv} as text when they train as a typed table ({@link #of}), null for plain
     * numbers. A file the text reader cannot read, or a {@code --columns} name it lacks, is left to the numeric
     * reader (null), whose error, the one a numeric file always gave, is then the one reported; with
     * {@code types} given, those errors are thrown.
     *
     * @param columns the {@code --columns} trained on, or null for all
     * @param byKinds false to leave a file of numbers only to plain numbers whatever its kinds (baseline --save,
     *                which saves a numeric copula only)
     * @param notes   receives the road's {@link #note}, when there is one
     */
    public static TextTable read(Path csv, List<String> columns, String types, boolean byKinds,
                                 Consumer<String> notes) {
        if (plain(types)) {
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
        TableRoute route = of(t, types, csv.toString());
        if (route.note() != null) {
            notes.accept(route.note());
        }
        return route.table() ? t : null;
    }

    /** The file as text, or null when that read fails too (a file beyond the heap, a malformed row). */
    private static TextTable textOrNull(Path csv) {
        try {
            return TextCsv.read(csv);
        } catch (InputException e) {
            return null;
        }
    }
}
