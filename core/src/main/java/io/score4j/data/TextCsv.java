package io.score4j.data;

import io.score4j.InputException;
import io.score4j.MemoryEstimate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV files of any cells, text or numbers, with gaps: the reader of tables whose columns get their
 * types later ({@code io.score4j.table}). The syntax and the bounds are {@link Csv}'s: UTF-8, a header
 * row of unique non-empty names, comma-separated trimmed cells, double quotes around a cell that holds
 * commas ({@code ""} inside for a quote; no line breaks in a cell), blank lines skipped, a byte-order
 * mark ignored, at most {@value CsvLines#MAX_COLUMNS} cells and {@value CsvLines#MAX_LINE_CHARS}
 * characters a row (checked while reading, by {@link CsvLines}).
 *
 * <p>Missing cells: an empty cell and the spellings pandas reads as missing by default,
 * {@value #MISSING_LIST} (case as written), become {@code null}; the first spelling met in a column is
 * kept ({@link TextTable#missingTokens()}). Anything else is kept as its text.
 *
 * <p>Errors are {@link InputException}s naming the file, the row (its line number) and, where one is
 * at fault, the column by name: a ragged row, an unterminated quote, text after a closing quote, a NUL.
 * Before the cell arrays grow, a {@link MemoryEstimate} of the text kept (two bytes a character and
 * 48 bytes of object headers a cell, twice for the copy a caller makes) is checked against the heap.
 */
public final class TextCsv {
    static final String MISSING_LIST = "NA, N/A, n/a, NaN, nan, NULL, null, None, <NA>, #N/A";
    private static final Set<String> MISSING = Set.of("", "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None",
            "<NA>", "#N/A");
    /** Distinct spellings interned per column; beyond this a column (an id, free text) keeps its strings as read. */
    private static final int MAX_INTERNED = 4096;

    private TextCsv() {}

    /** True for a cell read as missing: empty or one of {@value #MISSING_LIST}. */
    public static boolean isMissing(String cell) {
        return MISSING.contains(cell);
    }

    /**
     * Reads every column of a CSV file as text.
     *
     * @throws InputException if the file is missing, a directory, unreadable, not UTF-8, empty, has a
     *                        bad header, no data rows, or a malformed row
     */
    public static TextTable read(Path file) {
        String name = String.valueOf(file);
        if (!Files.exists(file)) {
            throw new InputException(name + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(name + ": is a directory, expected a CSV file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, reader);
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + CsvSyntax.shown(String.valueOf(e.getMessage())), e);
        }
    }

    /** Reads a CSV text from {@code in} (not closed); {@code source} names it in messages. */
    public static TextTable read(String source, Reader in) throws IOException {
        CsvLines lines = new CsvLines(source, in);
        String first = lines.next();
        if (first == null) {
            throw new InputException(source + ": empty file, expected a header row of column names");
        }
        String[] header = header(source, lines.lineNumber(), first.startsWith("\uFEFF") ? first.substring(1) : first);
        lines.header(header);
        return rows(source, lines, header);
    }

    private static String[] header(String source, int row, String line) {
        List<String> cells = split(line, source + ": row " + row, null);
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < cells.size(); j++) {
            String name = cells.get(j);
            if (name.isEmpty()) {
                throw new InputException(source + ": row " + row + " (header), column " + (j + 1) + ": empty column name");
            }
            Integer before = seen.put(name, j);
            if (before != null) {
                throw new InputException(source + ": row " + row + " (header): duplicate column name '"
                        + CsvSyntax.shown(name) + "' (columns " + (before + 1) + " and " + (j + 1) + ")");
            }
        }
        return cells.toArray(new String[0]);
    }

    private static TextTable rows(String source, CsvLines lines, String[] header) throws IOException {
        Grid grid = new Grid(header.length);
        String line;
        while ((line = lines.next()) != null) {
            String where = source + ": row " + lines.lineNumber();
            List<String> cells = split(line, where, header);
            if (cells.size() != header.length) {
                throw new InputException(where + ": expected " + header.length + " cells as in the header, found "
                        + cells.size());
            }
            grid.add(cells, lines.lineNumber(), line.length(), source);
        }
        if (grid.n == 0) {
            throw new InputException(source + ": no data rows after the header (row " + lines.lineNumber() + ")");
        }
        return grid.table(source, header);
    }

    /** The cells read so far, column by column, growing by half when full. */
    private static final class Grid {
        private final int d;
        private final String[][] cols;
        private final String[] tokens;
        private final List<Map<String, String>> interned = new ArrayList<>();
        private int[] rowLines = new int[64];
        private long chars;
        private int n;

        Grid(int d) {
            this.d = d;
            this.cols = new String[d][64];
            this.tokens = new String[d];
            for (int j = 0; j < d; j++) {
                interned.add(new HashMap<>());
            }
        }

        void add(List<String> cells, int lineNumber, int lineChars, String source) {
            if (n == rowLines.length) {
                grow(lineNumber, source);
            }
            chars += lineChars;
            rowLines[n] = lineNumber;
            for (int j = 0; j < d; j++) {
                String cell = cells.get(j);
                if (isMissing(cell)) {
                    tokens[j] = tokens[j] == null ? cell : tokens[j];
                    cell = null;
                } else {
                    Map<String, String> seen = interned.get(j);
                    String before = seen.get(cell);
                    if (before != null) {
                        cell = before;
                    } else if (seen.size() < MAX_INTERNED) {
                        seen.put(cell, cell);
                    }
                }
                cols[j][n] = cell;
            }
            n++;
        }

        private void grow(int lineNumber, String source) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 16, rowLines.length * 3L / 2);
            if (grown == n) {
                throw new InputException(source + ": row " + lineNumber + ": too many rows for one table (limit " + n
                        + ")");
            }
            MemoryEstimate.none().plus("the text cells read from " + source + " up to row " + lineNumber,
                    2L * (2 * chars + 48L * d * grown), 1).check();
            rowLines = Arrays.copyOf(rowLines, grown);
            for (int j = 0; j < d; j++) {
                cols[j] = Arrays.copyOf(cols[j], grown);
            }
        }

        TextTable table(String source, String[] header) {
            for (int j = 0; j < d; j++) {
                cols[j] = Arrays.copyOf(cols[j], n);
            }
            return new TextTable(source, header, cols, Arrays.copyOf(rowLines, n), tokens);
        }
    }

    /**
     * Splits one line at commas outside double quotes, trimming unquoted cells ({@link CsvSyntax#split}), with
     * messages that name the column when the header is known.
     */
    static List<String> split(String line, String where, String[] header) {
        return CsvSyntax.split(line, where, index -> column(header, index));
    }

    private static String column(String[] header, int index) {
        return header != null && index < header.length ? "column '" + CsvSyntax.shown(header[index]) + "'"
                : "column " + (index + 1);
    }
}
