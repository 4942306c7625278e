package io.score4j.data;

import io.score4j.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The columns a consumer needs (a model's, in its order), found by name in a CSV file's header:
 * the one way score4j reads rows for a model, so a file whose columns come in another order is
 * read correctly and one that lacks a column is refused, never read by position.
 *
 * <pre>{@code
 * ColumnMatch m = ColumnMatch.of(Path.of("points.csv"), model.columns(), ColumnMapping.byName());
 * m.ignored();              // header columns the model does not use, e.g. [id]
 * Dataset x = m.read();     // shape [n, d], columns named and ordered as model.columns()
 * }</pre>
 *
 * @param file    the CSV file
 * @param wanted  the needed column names, in the consumer's order, shape [d], distinct
 * @param sources the CSV column feeding each needed column, shape [d], distinct
 *                (the same names unless a {@link ColumnMapping} says otherwise)
 * @param header  every column name of the file's header, in file order
 */
public record ColumnMatch(Path file, String[] wanted, String[] sources, String[] header) {
    private static final int MAX_LISTED = 20;

    public ColumnMatch {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(header, "header");
        if (wanted == null || sources == null || wanted.length == 0 || wanted.length != sources.length) {
            throw new IllegalArgumentException("wanted and sources must be non-empty and of equal length, got "
                    + Arrays.toString(wanted) + " and " + Arrays.toString(sources));
        }
        if (Arrays.stream(sources).distinct().count() != sources.length
                || Arrays.stream(wanted).distinct().count() != wanted.length) {
            throw new IllegalArgumentException("wanted and sources must be distinct, got " + Arrays.toString(wanted)
                    + " and " + Arrays.toString(sources));
        }
        wanted = wanted.clone();
        sources = sources.clone();
        header = header.clone();
    }

    /**
     * Reads {@code file}'s header (not its rows) and matches {@code wanted} against it through
     * {@code mapping}. Never throws for missing columns: see {@link #missing()} and {@link #read()}.
     *
     * @throws InputException if the header cannot be read (see {@link Csv#header}) or the mapping does
     *                        not fit {@code wanted} (see {@link ColumnMapping#sourcesFor})
     */
    public static ColumnMatch of(Path file, String[] wanted, ColumnMapping mapping) {
        String[] sources = mapping.sourcesFor(wanted);
        return new ColumnMatch(file, wanted, sources, Csv.header(file));
    }

    /** Where each of {@link #sources()} is in the header (0-based), in the consumer's order; −1 for a missing one. */
    public int[] positions() {
        List<String> names = Arrays.asList(header);
        return Arrays.stream(sources).mapToInt(names::indexOf).toArray();
    }

    /** CSV names among {@link #sources()} that the header lacks, in the consumer's order. */
    public List<String> missing() {
        List<String> header = List.of(this.header);
        return Arrays.stream(sources).filter(s -> !header.contains(s)).toList();
    }

    /** Header columns that feed no needed column (read past, never parsed), in file order. */
    public List<String> ignored() {
        List<String> used = List.of(sources);
        return Arrays.stream(header).filter(h -> !used.contains(h)).toList();
    }

    /**
     * The needed columns' rows: values from the matched CSV columns, named {@link #wanted()} in its
     * order, all finite (as {@link Csv#read(Path, List)}).
     *
     * @throws InputException naming the file and every missing column, or any error of {@link Csv#read}
     */
    public Dataset read() {
        return read(false);
    }

    /** As {@link #read()}, but non-finite cells are kept (see {@link Csv#readAllowingNonFinite}). */
    public Dataset readAllowingNonFinite() {
        return read(true);
    }

    private Dataset read(boolean allowNonFinite) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new InputException(file + ": " + missingText());
        }
        List<String> cols = List.of(sources);
        Dataset raw = allowNonFinite ? Csv.readAllowingNonFinite(file, cols) : Csv.read(file, cols);
        return new Dataset(wanted, raw.n(), raw.d(), raw.values());
    }

    /**
     * What is missing, e.g. {@code no column q (for b) (needed: a, b); the header has a, c} (empty
     * when nothing is); reads well after the file name.
     */
    public String missingText() {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < sources.length; j++) {
            if (!List.of(header).contains(sources[j])) {
                parts.add(CsvSyntax.shown(sources[j]) + (sources[j].equals(wanted[j]) ? ""
                        : " (for " + CsvSyntax.shown(wanted[j]) + ")"));
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "no column" + (parts.size() == 1 ? " " : "s ") + String.join(", ", parts) + " (needed: "
                + listed(wanted) + "); the header has " + listed(header);
    }

    /** Names as a message shows them: "a, b, c", at most 20, each cut to 40 characters. */
    static String listed(String[] names) {
        List<String> shown = new ArrayList<>();
        for (int j = 0; j < Math.min(names.length, MAX_LISTED); j++) {
            shown.add(CsvSyntax.shown(names[j]));
        }
        return String.join(", ", shown) + (names.length > MAX_LISTED ? ", ... (" + names.length + " columns)" : "");
    }

    @Override
    public String[] wanted() {
        return wanted.clone();
    }

    @Override
    public String[] sources() {
        return sources.clone();
    }

    @Override
    public String[] header() {
        return header.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMatch m && file.equals(m.file) && Arrays.equals(wanted, m.wanted)
                && Arrays.equals(sources, m.sources) && Arrays.equals(header, m.header);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, Arrays.hashCode(wanted), Arrays.hashCode(sources), Arrays.hashCode(header));
    }

    @Override
    public String toString() {
        return "ColumnMatch[file=" + file + ", wanted=" + Arrays.toString(wanted) + ", sources="
                + Arrays.toString(sources) + ", ignored=" + ignored() + "]";
    }
}
