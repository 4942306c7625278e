package io.score4j.table;

import io.score4j.InputException;
import java.util.Locale;

/**
 * What a table column holds, which decides how it is encoded for the model and written back.
 * Missingness is not a kind: any column may have gaps ({@link ColumnCodec#missingToken()}).
 */
public enum ColumnKind {
    /** Real numbers: quantile-normal transform, written at the data's decimals. */
    CONTINUOUS,
    /** Whole numbers: quantile-normal transform of the dequantised values, rounded on output, written without decimals. */
    INTEGER,
    /** Exactly two values (text or numbers): one signed coordinate, −1 for the first level, +1 for the second. */
    BINARY,
    /** A set of levels (text or numeric codes): one signed coordinate per level (+1 for the row's level), argmax on output. */
    CATEGORICAL,
    /** Numbers ≥ 0 (often skewed): log(x + c), standardised. */
    POSITIVE,
    /** Numbers in the data's [min, max]: logit of the position in a slightly widened range, standardised. */
    BOUNDED;

    /** The lower-case name used in {@code --types}, summaries and the schema JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the kinds whose values are numbers on a line (every kind but binary and categorical). */
    public boolean numeric() {
        return this != BINARY && this != CATEGORICAL;
    }

    /**
     * The kind named {@code id} (any case).
     *
     * @param where the start of the message on failure, e.g. {@code "--types age=int"}
     * @throws InputException naming the unknown kind and listing the known ones
     */
    public static ColumnKind parse(String id, String where) {
        for (ColumnKind k : values()) {
            if (k.id().equalsIgnoreCase(id.trim())) {
                return k;
            }
        }
        throw new InputException(where + ": unknown column kind '" + id.trim()
                + "' (expected continuous, integer, binary, categorical, positive or bounded)");
    }
}
