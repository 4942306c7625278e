package io.score4j.data;

import io.score4j.InputException;
import java.io.IOException;
import java.io.Reader;

/**
 * The non-blank lines of a CSV text, each bounded before it is kept: at most {@value #MAX_LINE_CHARS}
 * characters and {@value #MAX_COLUMNS} cells (after the header: the header's count), counted while
 * reading (commas outside double quotes),
 * so a hostile line (one 200 MB line of 10⁸ cells, or the endless zeros of {@code /dev/zero}) is
 * refused after a bounded read instead of being split into millions of strings. A NUL character
 * is refused where it is met, naming its row and column: no text file has one.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or {@code \r}, as {@link java.io.BufferedReader#readLine}.
 */
final class CsvLines {
    /** Longest line kept: room for {@value #MAX_COLUMNS} cells of 160 characters. */
    static final int MAX_LINE_CHARS = 1 << 24;
    /** Most cells in a row (columns of the header); a wider table is refused, not read. */
    static final int MAX_COLUMNS = 100_000;

    private final String file;
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int end;
    private boolean skipLineFeed;
    private int lineNumber;
    private int cells;
    private String[] header;

    /** @param in the text, read in blocks (it need not be buffered); closed by the caller */
    CsvLines(String file, Reader in) {
        this.file = file;
        this.in = in;
    }

    /** Column names for messages about the rows after the header. */
    void header(String[] names) {
        this.header = names.clone();
    }

    /** 1-based line number of the last line returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** Cells of the last line returned: its commas outside double quotes, plus one. */
    int cells() {
        return cells;
    }

    /** The next line that is not blank, or null at the end of the text. */
    String next() throws IOException {
        while (true) {
            if (!readLine()) {
                return null;
            }
            String s = line.toString();
            if (!s.isBlank()) {
                return s;
            }
        }
    }

    /** Reads one line into {@link #line}; false at the end of the text with nothing read. */
    private boolean readLine() throws IOException {
        line.setLength(0);
        cells = 1;
        boolean quoted = false;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (any) {
                    lineNumber++;
                }
                return any;
            }
            char ch = buf[pos++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (ch == '\n') {
                    continue;
                }
            }
            any = true;
            if (ch == '\n' || ch == '\r') {
                skipLineFeed = ch == '\r';
                lineNumber++;
                return true;
            }
            check(ch, quoted);
            quoted ^= ch == '"';
            cells += ch == ',' && !quoted ? 1 : 0;
            line.append(ch);
        }
    }

    private void check(char ch, boolean quoted) {
        int row = lineNumber + 1;
        if (ch == '\0') {
            throw new InputException(file + ": row " + row + ", " + column() + ": NUL character in a cell "
                    + "(a binary file, not CSV text?)");
        }
        if (ch == ',' && !quoted && header != null && cells >= header.length) {
            throw new InputException(file + ": row " + row + ": expected " + header.length
                    + " cells as in the header, found more");
        }
        if (ch == ',' && !quoted && cells >= MAX_COLUMNS) {
            throw new InputException(file + ": row " + row + " has more than " + MAX_COLUMNS
                    + " cells, the most a row may have");
        }
        if (line.length() >= MAX_LINE_CHARS) {
            throw new InputException(file + ": row " + row + " is longer than " + MAX_LINE_CHARS
                    + " characters, the longest a row may be");
        }
    }

    private String column() {
        return header != null && cells <= header.length ? "column '" + CsvSyntax.shown(header[cells - 1]) + "'"
                : "column " + cells;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
