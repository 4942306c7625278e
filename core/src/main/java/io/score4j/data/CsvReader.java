package io.score4j.data;

import io.score4j.InputException;
import io.score4j.MemoryEstimate;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the lines of a CSV file for {@link Csv#read(java.nio.file.Path, List)}. Lines come
 * bounded from {@link CsvLines}; a row with more cells than the header is refused before it is split,
 * and the values array grows only after {@link MemoryEstimate} says the heap can hold the old and the
 * new array together and one more copy of the new one: every caller copies the values at least once
 * more (training standardises them, scoring too), and without that margin the serial collector's old
 * generation (2/3 of the heap) runs out before the check would fire.
 */
final class CsvReader {
    private static final int MAX_VALUES = Integer.MAX_VALUE - 16;
    private static final int MAX_LISTED = 20;

    private final String file;
    private final CsvLines lines;
    private final boolean allowNonFinite;
    private int lineNumber;
    private int headerRow;

    CsvReader(String file, Reader reader, boolean allowNonFinite) {
        this.file = file;
        this.lines = new CsvLines(file, reader);
        this.allowNonFinite = allowNonFinite;
    }

    Dataset read(List<String> requested) throws IOException {
        String[] header = readHeader();
        int[] pick = select(header, requested);
        String[] names = new String[pick.length];
        for (int j = 0; j < pick.length; j++) {
            names[j] = header[pick[j]];
        }
        double[] values = readRows(header, pick);
        return new Dataset(names, values.length / pick.length, pick.length, values);
    }

    /** Reads and checks the header row (the first non-blank line, without a byte-order mark). */
    String[] readHeader() throws IOException {
        String headerLine = nextNonBlank();
        if (headerLine == null) {
            throw new InputException(file + ": empty file, expected a header row of column names");
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        headerRow = lineNumber;
        String[] header = parseHeader(headerLine);
        lines.header(header);
        return header;
    }

    private String[] parseHeader(String line) {
        int row = lineNumber;
        List<String> cells = CsvSyntax.split(line, file + ": row " + row);
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < cells.size(); j++) {
            String name = cells.get(j);
            if (name.isEmpty()) {
                throw new InputException(file + ": row " + row + " (header), column " + (j + 1)
                        + ": empty column name");
            }
            Integer before = seen.put(name, j);
            if (before != null) {
                throw new InputException(file + ": row " + row + " (header): duplicate column name '"
                        + CsvSyntax.shown(name) + "' (columns " + (before + 1) + " and " + (j + 1) + ")");
            }
        }
        return cells.toArray(new String[0]);
    }

    /** Indices into the header of the requested columns, in the requested order. */
    private int[] select(String[] header, List<String> requested) {
        if (requested == null) {
            int[] all = new int[header.length];
            Arrays.setAll(all, j -> j);
            return all;
        }
        if (requested.isEmpty()) {
            throw new InputException(file + ": no columns requested");
        }
        Set<String> asked = new HashSet<>();
        int[] pick = new int[requested.size()];
        for (int j = 0; j < pick.length; j++) {
            String name = requested.get(j);
            if (name == null) {
                throw new InputException(file + ": requested column " + (j + 1) + " has no name");
            }
            if (!asked.add(name)) {
                throw new InputException(file + ": column '" + CsvSyntax.shown(name) + "' is requested twice");
            }
            pick[j] = indexOf(header, name);
        }
        return pick;
    }

    private int indexOf(String[] header, String name) {
        for (int j = 0; j < header.length; j++) {
            if (header[j].equals(name)) {
                return j;
            }
        }
        throw new InputException(file + ": unknown column '" + CsvSyntax.shown(name) + "'; the header has "
                + listed(header));
    }

    private static String listed(String[] header) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < Math.min(header.length, MAX_LISTED); j++) {
            b.append(j == 0 ? "" : ", ").append(CsvSyntax.shown(header[j]));
        }
        return header.length > MAX_LISTED ? b + ", ... (" + header.length + " columns)" : b.toString();
    }

    private double[] readRows(String[] header, int[] pick) throws IOException {
        double[] values = new double[Math.max(16, pick.length * 64)];
        int size = 0;
        String line;
        while ((line = nextNonBlank()) != null) {
            String where = file + ": row " + lineNumber;
            if (lines.cells() > header.length) {
                throw new InputException(where + ": expected " + header.length + " cells as in the header, found "
                        + lines.cells());
            }
            List<String> cells = CsvSyntax.split(line, where);
            if (cells.size() != header.length) {
                throw new InputException(where + ": expected " + header.length + " cells as in the header, found "
                        + cells.size());
            }
            if (size > MAX_VALUES - pick.length) {
                throw new InputException(where + ": too many values for one dataset (limit " + MAX_VALUES + ")");
            }
            if (size + pick.length > values.length) {
                int grown = (int) Math.min(MAX_VALUES, values.length * 3L / 2 + pick.length);
                MemoryEstimate.none().plus("the values read from " + file + " up to row " + lineNumber
                        + " (growing from " + values.length + " to " + grown + ", and the copy every caller makes)",
                        (long) values.length + 2L * grown, Double.BYTES).check();
                values = Arrays.copyOf(values, grown);
            }
            for (int j : pick) {
                String at = where + ", column '" + CsvSyntax.shown(header[j]) + "'";
                values[size++] = allowNonFinite ? CsvSyntax.parseNumberOrNonFinite(cells.get(j), at)
                        : CsvSyntax.parseNumber(cells.get(j), at);
            }
        }
        if (size == 0) {
            throw new InputException(file + ": no data rows after the header (row " + lineNumber + ")");
        }
        return Arrays.copyOf(values, size);
    }

    /** The next line that is not blank, or null at the end; {@link #lineNumber} is its 1-based number. */
    private String nextNonBlank() throws IOException {
        String line = lines.next();
        lineNumber = lines.lineNumber();
        return line;
    }
}
