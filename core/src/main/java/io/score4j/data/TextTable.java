package io.score4j.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A table of text cells as read from a CSV file, before any column is given a type: column names,
 * cells stored column by column, and the file line of each row (for messages).
 *
 * <p>Shapes: {@code names} [d], {@code columns} [d][n] with {@code columns[j][i]} the trimmed text
 * of row i, column j, or {@code null} where the cell is missing; {@code lines} [n], the 1-based line
 * number of row i in its file (or i + 2 for a table built in memory); {@code missingTokens} [d], the
 * first missing-value spelling met in column j ({@code ""}, {@code "NA"}, …) or {@code null} when the
 * column has no missing cell, so a writer can spell gaps as the input did.
 *
 * <p>Immutable by contract: the arrays are not copied (tables are large), so callers must not change them.
 *
 * @param source the file (or a description) the cells came from, for messages
 */
public record TextTable(String source, String[] names, String[][] columns, int[] lines, String[] missingTokens) {
    public TextTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(missingTokens, "missingTokens");
        if (names.length == 0 || columns.length != names.length || missingTokens.length != names.length) {
            throw new IllegalArgumentException("need d >= 1 names, columns and missingTokens of one length, got "
                    + names.length + ", " + columns.length + ", " + missingTokens.length);
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.length; j++) {
            if (names[j] == null || names[j].isEmpty() || !seen.add(names[j])) {
                throw new IllegalArgumentException("names[" + j + "] must be a non-empty unique name, got " + names[j]);
            }
            if (columns[j] == null || columns[j].length != lines.length) {
                throw new IllegalArgumentException("columns[" + j + "] must have n=" + lines.length + " cells");
            }
        }
    }

    /**
     * A table built in memory (rows numbered as if under a header on line 1); missing cells are {@code null}
     * (or a spelling {@link TextCsv#isMissing} accepts, which every reader of the table treats as a gap).
     */
    public static TextTable of(String source, String[] names, String[][] columns) {
        int n = columns.length == 0 ? 0 : columns[0].length;
        int[] lines = new int[n];
        Arrays.setAll(lines, i -> i + 2);
        String[] tokens = new String[names.length];
        for (int j = 0; j < columns.length && j < tokens.length; j++) {
            for (String cell : columns[j]) {
                if (cell == null || TextCsv.isMissing(cell)) {
                    tokens[j] = cell == null ? "" : cell;
                    break;
                }
            }
        }
        return new TextTable(source, names, columns, lines, tokens);
    }

    /** Rows n. */
    public int n() {
        return lines.length;
    }

    /** Columns d. */
    public int d() {
        return names.length;
    }

    /** Index of the column named {@code name}, or −1. */
    public int indexOf(String name) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** The cell of row i, column j ({@code null} when missing). */
    public String cell(int i, int j) {
        return columns[j][i];
    }

    /** "file: row 12, column 'age'" for row i (0-based) and column j, as messages start. */
    public String where(int i, int j) {
        return source + ": row " + lines[i] + ", column '" + CsvSyntax.shown(names[j]) + "'";
    }
}
