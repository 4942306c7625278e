package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the {@code --samples} file of {@code score4j eval} with {@link Csv#readAllowingNonFinite}: the
 * layout rules of {@link Csv#read}, but non-finite cells are kept (a sampler that diverged must be
 * reported, not refused); the caller counts such rows. Errors name the flag, file, row and column.
 */
final class EvalCsv {
    private static final int MAX_SHOWN = 40;

    private EvalCsv() {}

    /** The named columns of {@code file} in the requested order (all when {@code columns} is null). */
    static Dataset read(Path file, List<String> columns, String flag) {
        try {
            return Csv.readAllowingNonFinite(file, columns);
        } catch (InputException e) {
            throw new InputException(flag + " " + e.getMessage(), e);
        }
    }

    /** A name as shown in messages: one line, at most 40 characters. */
    static String shown(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= MAX_SHOWN ? flat : flat.substring(0, MAX_SHOWN) + "...";
    }
}
