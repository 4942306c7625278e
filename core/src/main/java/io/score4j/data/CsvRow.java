package io.score4j.data;

import io.score4j.InputException;
import java.util.List;

/**
 * One data line of a CSV file, parsed with the rules and messages of {@link Csv#read}: for readers that split a
 * file into lines themselves (score4j-spark's tasks read their share of a file's lines). Quoted cells cannot
 * span lines, as in {@link Csv#read}.
 */
public final class CsvRow {
    private CsvRow() {}

    /** Whether {@link Csv#read} skips the line (blank: empty or only white space). */
    public static boolean isBlank(String line) {
        return line.isBlank();
    }

    /**
     * Parses line {@code lineNumber} (1-based, the header being line 1 or later) of {@code file} and writes the
     * cells at {@code pick} into {@code out[off … off + pick.length)}; modifies only those elements.
     *
     * @param header the file's column names; the line must have as many cells
     * @throws InputException naming the file, row and column, with {@link Csv#read}'s words, for a wrong cell
     *                        count or a cell that is not a finite number
     */
    public static void parse(String line, String file, long lineNumber, String[] header, int[] pick, double[] out,
                             int off) {
        String where = file + ": row " + lineNumber;
        List<String> cells = CsvSyntax.split(line, where);
        if (cells.size() != header.length) {
            throw new InputException(where + ": expected " + header.length + " cells as in the header, found "
                    + cells.size());
        }
        for (int j = 0; j < pick.length; j++) {
            int c = pick[j];
            out[off + j] = CsvSyntax.parseNumber(cells.get(c), where + ", column '" + CsvSyntax.shown(header[c]) + "'");
        }
    }
}
