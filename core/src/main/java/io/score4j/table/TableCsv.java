package io.score4j.table;

import io.score4j.data.TextTable;
import io.score4j.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link TextTable} (a decoded synthetic table) as CSV: the header in the table's column order,
 * one line per row ending in {@code \n}, UTF-8, a gap written as its column's missing token
 * ({@link TextTable#missingTokens()}; empty when none). A name or cell that holds a comma or a double quote,
 * or starts or ends with a space or tab, is double-quoted (quotes doubled). The bytes are a function of the table alone, and {@code io.score4j.data.TextCsv} reads them back
 * to the same cells.
 */
public final class TableCsv {
    private TableCsv() {}

    /** The CSV text of {@code table} as UTF-8 bytes. */
    public static byte[] toBytes(TextTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the table atomically to {@code file} (see {@link AtomicFiles#write}). */
    public static void write(TextTable table, Path file) {
        AtomicFiles.write(file, out -> write(table, out));
    }

    /** Writes the CSV text of {@code table} to {@code out} (not closed). */
    public static void write(TextTable table, OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder();
        int d = table.d();
        for (int j = 0; j < d; j++) {
            line.append(j == 0 ? "" : ",").append(quoted(table.names()[j]));
        }
        flush(line, out);
        for (int i = 0; i < table.n(); i++) {
            for (int j = 0; j < d; j++) {
                String cell = table.cell(i, j);
                String token = table.missingTokens()[j];
                line.append(j == 0 ? "" : ",").append(cell == null ? token == null ? "" : token : quoted(cell));
            }
            flush(line, out);
        }
    }

    private static void flush(StringBuilder line, OutputStream out) throws IOException {
        line.append('\n');
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    static String quoted(String s) {
        boolean plain = !s.isEmpty() && s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.equals(s.strip())
                && s.indexOf('\t') < 0 && !s.startsWith("\uFEFF");
        return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
