package io.score4j.data;

import io.score4j.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How every command reads rows for a model (or any list of named columns) from a CSV: through
 * {@link ColumnMatch}, by name, never by position. Extra columns are read past with one note;
 * missing ones are one error naming them, the flag and the file. Errors are {@link InputException}s
 * whose one line starts with the flag that named the file.
 */
public final class NamedRows {
    private static final int MAX_LISTED = 20;
    private static final int MAX_SHOWN = 40;

    private NamedRows() {}

    /**
     * What to read: the flag and file, the columns needed and whose they are.
     *
     * @param flag    e.g. {@code --csv}
     * @param file    the CSV file
     * @param columns the needed column names, in order
     * @param owner   whose columns they are, for messages, e.g. {@code the model m.safetensors}
     * @param mapping how to find them ({@code --columns}); {@link ColumnMapping#byName()} when not given
     * @param hint    how the user can map names, appended to a missing-column error; {@code null} for none
     */
    public record Request(String flag, Path file, String[] columns, String owner, ColumnMapping mapping, String hint) {}

    /** The hint of commands with a {@code --columns} mapping. */
    public static final String COLUMNS_HINT = "rename them in the file or map them with --columns MODEL=CSV,...";

    /**
     * Reads the needed columns of {@code r.file()}, named and ordered as {@code r.columns()}.
     *
     * @param allowNonFinite keep NaN/infinite cells (samples that diverged) instead of refusing them
     * @param note           receives one line naming the ignored columns, if any
     * @throws InputException, one line naming the flag and the file
     */
    public static Dataset read(Request r, boolean allowNonFinite, Consumer<String> note) {
        ColumnMatch match = match(r, note);
        return withFlag(r.flag(), allowNonFinite ? match::readAllowingNonFinite : match::read);
    }

    /**
     * The checks of {@link #read} without reading the rows: the file's header against the columns, with the same
     * errors and note; for readers that read the rows themselves ({@link CsvRow}).
     */
    public static ColumnMatch match(Request r, Consumer<String> note) {
        String[] sources;
        try {
            sources = r.mapping().sourcesFor(r.columns());
        } catch (InputException e) {
            throw new InputException("--columns " + e.getMessage());
        }
        ColumnMatch match = new ColumnMatch(r.file(), r.columns(), sources, withFlag(r.flag(), () -> Csv.header(r.file())));
        List<String> missing = match.missing();
        if (!missing.isEmpty()) {
            throw new InputException(r.flag() + " " + r.file() + " has no column" + (missing.size() == 1 ? " " : "s ")
                    + described(match) + ", which " + r.owner() + " needs (it needs " + listed(List.of(r.columns()))
                    + "; the header has " + listed(List.of(match.header())) + ")"
                    + (looksLikeData(match.header()) ? "; its first row looks like data: a CSV needs a header row of column names"
                    : r.hint() == null ? "" : "; " + r.hint()));
        }
        List<String> ignored = match.ignored();
        if (!ignored.isEmpty()) {
            note.accept("note: " + r.flag() + " " + r.file() + ": ignoring column" + (ignored.size() == 1 ? " " : "s ")
                    + listed(ignored) + " (not used by " + r.owner() + ")");
        }
        return match;
    }

    /** The missing CSV names, each with the needed column it would feed when a mapping renamed it. */
    private static String described(ColumnMatch m) {
        String[] wanted = m.wanted();
        String[] sources = m.sources();
        List<String> header = List.of(m.header());
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < sources.length; j++) {
            if (!header.contains(sources[j])) {
                parts.add(shown(sources[j]) + (sources[j].equals(wanted[j]) ? "" : " (for " + shown(wanted[j]) + ")"));
            }
        }
        return String.join(", ", parts);
    }

    /** Whether every header cell reads as a number (a file without a header row). */
    private static boolean looksLikeData(String[] header) {
        for (String h : header) {
            try {
                Double.parseDouble(h);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Names as a message shows them: "a, b, c", at most 20, each cut to 40 characters. */
    public static String listed(List<String> names) {
        String shown = names.stream().limit(MAX_LISTED).map(NamedRows::shown).collect(Collectors.joining(", "));
        return names.size() > MAX_LISTED ? shown + ", ... (" + names.size() + " columns)" : shown;
    }

    /**
     * Every column of {@code file} (or the named ones, in that order, when {@code columns} is not null)
     * with {@link Csv#readAllowingNonFinite}: the layout rules of {@link Csv#read}, but non-finite cells
     * are kept (a sampler that diverged must be reported, not refused); the caller counts such rows.
     * Errors name the flag, file, row and column.
     */
    public static Dataset readAllowingNonFinite(Path file, List<String> columns, String flag) {
        return withFlag(flag, () -> Csv.readAllowingNonFinite(file, columns));
    }

    /** A name as shown in messages: one line, at most 40 characters. */
    public static String shown(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= MAX_SHOWN ? flat : flat.substring(0, MAX_SHOWN) + "...";
    }

    /** Runs a read and prefixes the flag to its one-line error, so the message says which input failed. */
    public static <T> T withFlag(String flag, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InputException e) {
            throw new InputException(flag + " " + e.getMessage(), e);
        }
    }
}
