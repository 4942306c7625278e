package io.score4j.data;

import io.score4j.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lexical rules behind {@link Csv}: splitting a line into cells and parsing a numeric cell.
 * Every failure is an {@link InputException} whose message starts with the location it is given.
 */
final class CsvSyntax {
    private static final int MAX_SHOWN = 40;

    private CsvSyntax() {}

    /**
     * Splits one line at commas. A cell may be wrapped in double quotes (with {@code ""} for a
     * literal quote) so that it can contain commas; quoted cells cannot span lines. Cells are trimmed.
     *
     * @param where location prefix for messages, e.g. {@code "data.csv: row 3"}
     */
    static List<String> split(String line, String where) {
        return split(line, where, index -> "cell " + (index + 1));
    }

    /**
     * {@link #split(String, String)} with messages that name cell {@code index} (from 0) as {@code cellName} says,
     * e.g. by the header's column name.
     */
    static List<String> split(String line, String where, java.util.function.IntFunction<String> cellName) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        int len = line.length();
        while (true) {
            int start = skipSpaces(line, i);
            if (start < len && line.charAt(start) == '"') {
                StringBuilder b = new StringBuilder();
                i = readQuoted(line, start + 1, b, where + ", " + cellName.apply(cells.size()));
                cells.add(b.toString());
            } else {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? len : comma;
                cells.add(line.substring(start, end).trim());
                i = end;
            }
            if (i >= len) {
                return cells;
            }
            i++; // skip the comma
        }
    }

    /** Reads a quoted cell whose text starts at {@code i}; returns the index of the following comma or the end. */
    private static int readQuoted(String line, int i, StringBuilder b, String where) {
        int len = line.length();
        while (true) {
            if (i >= len) {
                throw new InputException(where + ": unterminated quote (quoted cells must close on the same line)");
            }
            char ch = line.charAt(i);
            if (ch == '"') {
                if (i + 1 < len && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i += 2;
                    continue;
                }
                int after = skipSpaces(line, i + 1);
                if (after < len && line.charAt(after) != ',') {
                    throw new InputException(where + ": unexpected text after a closing quote");
                }
                return after;
            }
            b.append(ch);
            i++;
        }
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Parses a decimal number: optional sign, digits with an optional decimal point, optional
     * exponent ({@code -1.5}, {@code .5}, {@code 2e-3}, {@code 1E+10}). NaN, infinities, overflow to
     * infinity, hexadecimal and Java suffixes such as {@code 1d} are rejected.
     *
     * @param where location prefix for messages, e.g. {@code "data.csv: row 3, column 'x'"}
     */
    static double parseNumber(String cell, String where) {
        if (cell.isEmpty()) {
            throw new InputException(where + ": empty cell, expected a number");
        }
        if (!isDecimal(cell)) {
            String lower = cell.toLowerCase(Locale.ROOT);
            String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
            if (unsigned.equals("nan")) {
                throw new InputException(where + ": NaN is not allowed");
            }
            if (unsigned.equals("inf") || unsigned.equals("infinity")) {
                throw new InputException(where + ": infinite value '" + shown(cell) + "' is not allowed");
            }
            throw new InputException(where + ": not a number: '" + shown(cell) + "'");
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new InputException(where + ": not a number: '" + shown(cell) + "'", e);
        }
        if (Double.isInfinite(v)) {
            throw new InputException(where + ": value '" + shown(cell) + "' is too large for a double (infinite)");
        }
        return v;
    }

    /**
     * As {@link #parseNumber}, but non-finite values are read instead of refused: {@code nan},
     * {@code inf}, {@code infinity} (any case, with a sign), a decimal too large for a double (±∞), {@code NA}
     * (any case; how R writes a missing value) and an empty cell (how pandas writes NaN). Anything else that is not a number is still an error.
     */
    static double parseNumberOrNonFinite(String cell, String where) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        if (isDecimal(cell)) {
            try {
                return Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new InputException(where + ": not a number: '" + shown(cell) + "'", e);
            }
        }
        String lower = cell.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = negative || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("nan") || lower.equals("na")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new InputException(where + ": not a number: '" + shown(cell) + "'");
    }

    /** Whether {@code s} is a plain decimal: optional sign, digits with an optional point, optional exponent. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A cell or name made safe for a one-line message: control characters blanked, length capped. */
    static String shown(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < MAX_SHOWN; i++) {
            char ch = s.charAt(i);
            b.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        return s.length() > MAX_SHOWN ? b + "..." : b.toString();
    }
}
