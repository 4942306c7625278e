package io.score4j.table;

/**
 * One column of a {@link TableSchema}: how its cells become model coordinates and come back as text.
 *
 * <p>Layout of the column's coordinates: {@link #valueWidth()} value coordinates, then, when the column
 * had gaps in the data ({@link #missingToken()} not null), one indicator: +1 for a missing cell, −1 for a
 * present one. A missing cell's value coordinates are filled with a draw from the column's marginal
 * ({@link #fill}) and marked unobserved in {@link TableSchema.Encoded#observed()}.
 */
public sealed interface ColumnCodec permits NumericColumn, CategoryColumn {
    /** The column's name in the data. */
    String name();

    /** Its kind. */
    ColumnKind kind();

    /** How gaps were written in the data ("" for empty cells, "NA", …), or null when the column had none. */
    String missingToken();

    /** Value coordinates (1 for numeric kinds; 1 for binary, 0 for a single level, L for L levels). */
    int valueWidth();

    /** All coordinates: value coordinates plus the missing indicator when the column has gaps. */
    default int width() {
        return valueWidth() + (missingToken() == null ? 0 : 1);
    }

    /** Names of the coordinates: the column's name, {@code name=level} for one-hot ones, {@code name?} for the indicator. */
    String[] coordinateNames();

    /**
     * Writes a present cell's value coordinates to {@code out[off, off + valueWidth())}.
     *
     * @param u     a uniform draw in [0, 1) placing integers and atoms inside their CDF interval
     * @param where "file: row r, column 'c'" for messages
     * @throws io.score4j.InputException if the cell is not a value of this column (text in a numeric column,
     *                                   a level the data did not have)
     */
    void encode(String cell, double u, double[] out, int off, String where);

    /** Writes a draw from the column's marginal to {@code out[off, off + valueWidth())}, for a gap. */
    void fill(double u, double[] out, int off);

    /** The text of the value whose coordinates are {@code z[off, off + valueWidth())} (all finite or ±∞). */
    String decode(double[] z, int off);

    /** One line for the summary: what the column holds, e.g. "18 … 90 (median 41)". */
    String describe();
}
