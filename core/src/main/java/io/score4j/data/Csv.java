package io.score4j.data;

import io.score4j.InputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numeric CSV files: UTF-8, a header row of column names, then one row per point, comma-separated.
 *
 * <p>Reading: blank lines are skipped; cells are trimmed and may be double-quoted (with {@code ""}
 * inside for a quote; a quoted cell cannot span lines); a leading byte-order mark is ignored.
 * Every row must have as many cells as the header, and every selected cell must be a finite
 * decimal number. Errors are {@link InputException}s naming the file, the row (its 1-based line
 * number in the file) and the column name.
 *
 * <p>Writing is atomic: the text goes to a temporary file in the target's directory, which is
 * synced and then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}, so readers
 * see either the old file or the complete new one, never a partial one. Numbers are written with
 * {@link Double#toString(double)}, which reads back to the identical double.
 */
public final class Csv {
    /** Distinguishes temp files of concurrent writers in one JVM; not a source of randomness. */
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private Csv() {}

    /** Reads every column of {@code file}; see {@link #read(Path, List)}. */
    public static Dataset read(Path file) {
        return read(file, null);
    }

    /**
     * Reads the named columns of a CSV file, in the order requested.
     *
     * <p>Only the selected columns are parsed as numbers, so a file may carry text columns (an id,
     * a label) that are not selected. Row shape is checked for every row.
     *
     * @param columns names of the columns to keep, in output order; {@code null} keeps all
     * @return the data, n = number of data rows, d = number of selected columns
     * @throws InputException if the file is missing, unreadable, not UTF-8, empty, has only a
     *                        header, a ragged row, a bad header name, a non-numeric, NaN or
     *                        infinite selected cell, or if a requested column is unknown or repeated
     */
    public static Dataset read(Path file, List<String> columns) {
        return read(file, columns, false);
    }

    /**
     * As {@link #read(Path, List)}, but selected cells may be non-finite: {@code nan}, {@code inf},
     * {@code infinity} (any case, signed), decimals beyond the double range (±∞), {@code NA} and
     * empty cells (NaN, as R and pandas write a missing value) are read as such, for callers that report diverged samples rather than
     * refuse them. Everything else is checked as in {@link #read(Path, List)}.
     */
    public static Dataset readAllowingNonFinite(Path file, List<String> columns) {
        return read(file, columns, true);
    }

    /**
     * The column names of a CSV file's header row, in file order, read without reading the rows
     * (so a caller can match columns by name first; see {@link ColumnMatch}).
     *
     * @throws InputException if the file is missing, unreadable, not UTF-8, empty, or its header
     *                        has an empty or repeated name
     */
    public static String[] header(Path file) {
        return withReader(file, false, CsvReader::readHeader);
    }

    private static Dataset read(Path file, List<String> columns, boolean allowNonFinite) {
        return withReader(file, allowNonFinite, r -> r.read(columns));
    }

    private interface ReaderTask<T> {
        T run(CsvReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, boolean allowNonFinite, ReaderTask<T> task) {
        String name = String.valueOf(file);
        if (!Files.exists(file)) {
            throw new InputException(name + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(name + ": is a directory, expected a CSV file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return task.run(new CsvReader(name, reader, allowNonFinite));
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + reason(e), e);
        }
    }

    /** Writes a dataset with its column names; see {@link #write(Path, String[], double[], int)}. */
    public static void write(Path file, Dataset data) {
        write(file, data.columns(), data.values(), data.d());
    }

    /**
     * Atomically writes a header and the rows of a flat row-major array (shape [n, d]).
     *
     * @param header column names, shape [d]; names containing commas, quotes or edge spaces are quoted
     * @param rows   flat row-major values, length a multiple of d, all finite
     * @throws IllegalArgumentException if shapes disagree, a name is blank, repeated or contains a
     *                                  line break, or a value is not finite (the file would not read back)
     * @throws InputException           if the file cannot be written (missing directory, permissions)
     */
    public static void write(Path file, String[] header, double[] rows, int d) {
        checkShape(header, rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            checkFinite(rows[i], i, d, header);
        }
        writeAtomically(file, out -> {
            writeHeader(out, header);
            for (int i = 0; i < rows.length; i++) {
                out.write(Double.toString(rows[i]));
                out.write((i + 1) % d == 0 ? '\n' : ',');
            }
        });
    }

    /**
     * Float overload of {@link #write(Path, String[], double[], int)}: each value is written with
     * {@link Float#toString(float)} when that text reads back (as a double, then cast to float) to
     * the same float, and otherwise with the exact {@code Double.toString((double) v)}.
     */
    public static void write(Path file, String[] header, float[] rows, int d) {
        checkShape(header, rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            checkFinite(rows[i], i, d, header);
        }
        writeAtomically(file, out -> {
            writeHeader(out, header);
            for (int i = 0; i < rows.length; i++) {
                out.write(floatText(rows[i]));
                out.write((i + 1) % d == 0 ? '\n' : ',');
            }
        });
    }

    static String floatText(float v) {
        String s = Float.toString(v);
        return (float) Double.parseDouble(s) == v ? s : Double.toString(v);
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(file + ": cannot write: directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new InputException(file + ": cannot write: is a directory");
        }
        Path tmp = null;
        try {
            tmp = createTemp(dir, target.getFileName().toString());
            try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
                 Writer out = new BufferedWriter(new OutputStreamWriter(fos, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(out);
                out.flush();
                fos.getFD().sync();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + reason(e), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A short human reason for an I/O failure (file-system exceptions carry only the path as message). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return CsvSyntax.shown(fs.getReason());
        }
        return CsvSyntax.shown(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            String tmpName = "." + name + "." + pid + "." + TEMP_COUNTER.incrementAndGet() + ".tmp";
            try {
                return Files.createFile(dir.resolve(tmpName));
            } catch (FileAlreadyExistsException e) {
                // another process with a recycled pid left one behind; try the next counter value
            }
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what the caller needs to see
            }
        }
    }

    private static void writeHeader(Writer out, String[] header) throws IOException {
        for (int j = 0; j < header.length; j++) {
            out.write(quoteIfNeeded(header[j]));
            out.write(j + 1 == header.length ? '\n' : ',');
        }
    }

    static String quoteIfNeeded(String name) {
        boolean plain = name.equals(name.trim()) && name.indexOf(',') < 0 && name.indexOf('"') < 0
                && !name.startsWith("\uFEFF");
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void checkShape(String[] header, int length, int d) {
        if (d < 1 || header == null || header.length != d) {
            throw new IllegalArgumentException("header must have d=" + d + " names, got "
                    + (header == null ? "null" : Arrays.toString(header)));
        }
        if (length % d != 0) {
            throw new IllegalArgumentException("rows length " + length + " is not a multiple of d=" + d);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < d; j++) {
            String h = header[j];
            if (h == null || h.isBlank() || h.indexOf('\n') >= 0 || h.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("header[" + j + "] must be a non-blank single-line name, got " + h);
            }
            if (seen.put(h.trim(), j) != null) {
                throw new IllegalArgumentException("header has duplicate name '" + h.trim() + "'");
            }
        }
    }

    private static void checkFinite(double v, int i, int d, String[] header) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("value " + v + " at data row " + (i / d + 1) + ", column '"
                    + header[i % d] + "' is not finite; Csv.read would reject the file");
        }
    }

    /**
     * Whether {@code cell} is a plain decimal as the numeric reader accepts it: optional sign, digits with an
     * optional point, optional exponent ({@code -1.5}, {@code .5}, {@code 2e-3}); not {@code inf}, {@code nan},
     * {@code 0x1p3}, {@code 1d} or an empty cell.
     */
    public static boolean isPlainDecimal(String cell) {
        return CsvSyntax.isDecimal(cell);
    }
}
