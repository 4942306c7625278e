package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code --samples} file of {@code score4j eval}. The layout rules are those of
 * {@link io.score4j.data.Csv#read}: UTF-8, a leading byte-order mark ignored, blank lines skipped, a
 * header row of distinct names, cells trimmed and optionally double-quoted ({@code ""} inside for a
 * quote, no line breaks), every row as many cells as the header, only the selected columns parsed.
 *
 * <p>Unlike {@code Csv.read}, a selected cell may be non-finite, because a sampler that diverged
 * must be reported, not refused: {@code nan}, {@code inf}, {@code infinity} (any case, with a sign),
 * a decimal too large for a double (±∞) and an empty cell (how pandas writes NaN) are read as NaN or
 * ±∞; the caller counts such rows. Anything else that is not a decimal number is an
 * {@link InputException} naming the flag, the file, the row (1-based line number) and the column.
 */
final class EvalCsv {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_SHOWN = 40;

    private final String where;
    private final BufferedReader reader;
    private int line;

    private EvalCsv(String where, BufferedReader reader) {
        this.where = where;
        this.reader = reader;
    }

    /**
     * Reads the named columns of {@code file} in the requested order (all columns when
     * {@code columns} is null). Values may be non-finite; at least one data row is required.
     *
     * @param flag the flag that named the file, for messages ({@code --samples})
     */
    static Dataset read(Path file, List<String> columns, String flag) {
        String where = flag + " " + file;
        if (!Files.exists(file)) {
            throw new InputException(where + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(where + ": is a directory, expected a CSV file");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new EvalCsv(where, r).read(columns);
        } catch (CharacterCodingException e) {
            throw new InputException(where + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(where + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private Dataset read(List<String> columns) throws IOException {
        String first = nextNonBlank();
        if (first == null) {
            throw new InputException(where + ": empty file, expected a header row of column names");
        }
        String[] header = header(first.startsWith("\uFEFF") ? first.substring(1) : first);
        int[] pick = select(header, columns);
        String[] names = new String[pick.length];
        Arrays.setAll(names, j -> header[pick[j]]);
        double[] values = rows(header, pick);
        return new Dataset(names, values.length / pick.length, pick.length, values);
    }

    private String[] header(String text) {
        List<String> cells = split(text, where + ": row " + line + " (header)");
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < cells.size(); j++) {
            String name = cells.get(j);
            if (name.isEmpty()) {
                throw new InputException(where + ": row " + line + " (header), column " + (j + 1)
                        + ": empty column name");
            }
            if (!seen.add(name)) {
                throw new InputException(where + ": row " + line + " (header): duplicate column name '"
                        + shown(name) + "'");
            }
        }
        return cells.toArray(new String[0]);
    }

    private int[] select(String[] header, List<String> columns) {
        if (columns == null) {
            int[] all = new int[header.length];
            Arrays.setAll(all, j -> j);
            return all;
        }
        int[] pick = new int[columns.size()];
        for (int j = 0; j < pick.length; j++) {
            pick[j] = List.of(header).indexOf(columns.get(j));
            if (pick[j] < 0) {
                throw new InputException(where + ": missing column '" + shown(columns.get(j)) + "'; its header has "
                        + shown(String.join(", ", header), 5 * MAX_SHOWN));
            }
        }
        return pick;
    }

    private double[] rows(String[] header, int[] pick) throws IOException {
        double[] values = new double[64 * pick.length];
        int size = 0;
        String text;
        while ((text = nextNonBlank()) != null) {
            String at = where + ": row " + line;
            List<String> cells = split(text, at);
            if (cells.size() != header.length) {
                throw new InputException(at + ": expected " + header.length + " cells as in the header, found "
                        + cells.size());
            }
            if (size + pick.length > values.length) {
                values = Arrays.copyOf(values, Math.addExact(values.length, values.length / 2 + pick.length));
            }
            for (int j : pick) {
                values[size++] = parse(cells.get(j), at + ", column '" + shown(header[j]) + "'");
            }
        }
        if (size == 0) {
            throw new InputException(where + ": no data rows after the header");
        }
        return Arrays.copyOf(values, size);
    }

    /** A decimal number, or NaN/±∞ for the non-finite spellings listed in the class comment. */
    static double parse(String cell, String at) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        if (DECIMAL.matcher(cell).matches()) {
            return Double.parseDouble(cell);
        }
        String lower = cell.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = negative || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new InputException(at + ": not a number: '" + shown(cell) + "'");
    }

    /** Splits a line at commas outside double quotes; unquoted cells are trimmed. */
    static List<String> split(String text, String at) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        while (true) {
            int start = skipSpaces(text, i);
            int end;
            if (start < text.length() && text.charAt(start) == '"') {
                StringBuilder b = new StringBuilder();
                end = quoted(text, start + 1, b, at, cells.size() + 1);
                cells.add(b.toString());
            } else {
                int comma = text.indexOf(',', start);
                end = comma < 0 ? text.length() : comma;
                cells.add(text.substring(start, end).trim());
            }
            if (end >= text.length()) {
                return cells;
            }
            i = end + 1;
        }
    }

    /** Reads a quoted cell starting after its opening quote; returns the index of the next comma or the end. */
    private static int quoted(String text, int i, StringBuilder b, String at, int cell) {
        for (int k = i; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c != '"') {
                b.append(c);
            } else if (k + 1 < text.length() && text.charAt(k + 1) == '"') {
                b.append('"');
                k++;
            } else {
                int after = skipSpaces(text, k + 1);
                if (after < text.length() && text.charAt(after) != ',') {
                    throw new InputException(at + ", cell " + cell + ": unexpected text after a closing quote");
                }
                return after;
            }
        }
        throw new InputException(at + ", cell " + cell
                + ": unterminated quote (quoted cells must close on the same line)");
    }

    private static int skipSpaces(String s, int i) {
        int k = i;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k;
    }

    private String nextNonBlank() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (!text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** A name or cell as shown in a one-line message: line breaks removed, long text cut. */
    static String shown(String s) {
        return shown(s, MAX_SHOWN);
    }

    private static String shown(String s, int max) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }
}
