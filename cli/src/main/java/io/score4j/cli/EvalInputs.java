package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.ColumnMapping;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ColumnStats;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checked inputs of {@code score4j eval}: the samples' finite rows (shape [n, d], columns in
 * {@code columns} order), how many rows the file had, and the reference.
 *
 * @param columns     column names, shape [d]
 * @param samplesFile the {@code --samples} file as named
 * @param samplesRows data rows in the file, finite or not
 * @param samples     the finite rows, flat row-major, at least 2 (taken without a copy)
 */
record EvalInputs(String[] columns, String samplesFile, int samplesRows, double[] samples, EvalReference reference) {
    /** Fewest rows on either side: MMD's unbiased estimate and a standard deviation need two. */
    static final int MIN_ROWS = 2;

    EvalInputs {
        if (columns == null || columns.length < 1 || samplesFile == null || samples == null || reference == null) {
            throw new IllegalArgumentException("eval inputs need columns, a samples file, samples and a reference");
        }
        if (samples.length % columns.length != 0 || samples.length / columns.length < MIN_ROWS
                || samples.length / columns.length > samplesRows) {
            throw new IllegalArgumentException("samples length " + samples.length + " does not fit d=" + columns.length
                    + " with at least " + MIN_ROWS + " and at most samplesRows=" + samplesRows + " rows");
        }
    }

    /** Dimension. */
    int d() {
        return columns.length;
    }

    /** Finite sample rows, the ones every metric uses. */
    int finiteRows() {
        return samples.length / columns.length;
    }

    /** Sample rows with a NaN or infinite entry, left out of every metric. */
    int nonFiniteRows() {
        return samplesRows - finiteRows();
    }

    /**
     * Reads and matches the files. With a reference CSV the columns are {@code columns} if given,
     * else all of the reference's, and the samples must have each of them (matched by name through
     * {@link ModelRows}; a line naming the samples' other columns goes to {@code notes}). With a
     * mixture the samples' columns ({@code columns} if given, else all) must number its dimension.
     *
     * @throws InputException or {@link UserError} naming the flag, the file and what is wrong
     */
    static EvalInputs load(Path samples, Path referenceCsv, Path mixtureJson, List<String> columns,
                           Consumer<String> notes) {
        checkColumns(columns);
        if (referenceCsv != null) {
            Dataset ref = withFlag("--reference", () -> Csv.read(referenceCsv, columns));
            requireRows(ref.n(), ref.n(), "--reference " + referenceCsv);
            Dataset s = ModelRows.read(new ModelRows.Request("--samples", samples, ref.columns(), "--reference "
                    + referenceCsv, ColumnMapping.byName(), "compare fewer columns with --columns"), true, notes);
            return of(s, samples, new EvalReference.Rows(referenceCsv.toString(), ref.values(), ref.d()));
        }
        GaussianMixture mix = withFlag("--mixture", () -> UserFiles.mixture(mixtureJson));
        Dataset s = EvalCsv.read(samples, columns, "--samples");
        if (s.d() != mix.dim()) {
            throw new UserError("--samples " + samples + " has " + s.d() + " column" + (s.d() == 1 ? "" : "s") + " ("
                    + EvalCsv.shown(String.join(", ", s.columns())) + ") but --mixture " + mixtureJson + " has dimension "
                    + mix.dim() + (columns == null ? "; pick " + mix.dim() + " with --columns" : ""));
        }
        return of(s, samples, new EvalReference.Mixture(mixtureJson.toString(), mix));
    }

    private static EvalInputs of(Dataset s, Path file, EvalReference reference) {
        double[] finite = ColumnStats.finiteRows(s.values(), s.d());
        requireRows(finite.length / s.d(), s.n(), "--samples " + file);
        return new EvalInputs(s.columns(), file.toString(), s.n(), finite, reference);
    }

    private static void requireRows(int usable, int total, String where) {
        if (usable < MIN_ROWS) {
            String rows = usable == total ? usable + " data row" + (usable == 1 ? "" : "s")
                    : usable + " finite data row" + (usable == 1 ? "" : "s") + " of " + total
                    + " (the others have NaN or infinite values)";
            throw new UserError(where + " has " + rows + "; eval needs at least " + MIN_ROWS);
        }
    }

    private static void checkColumns(List<String> columns) {
        if (columns == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (c.isBlank()) {
                throw new UserError("--columns has an empty name, got '" + String.join(",", columns) + "'");
            }
            if (!seen.add(c)) {
                throw new UserError("--columns names '" + EvalCsv.shown(c) + "' twice");
            }
        }
    }

    /** Runs a read and prefixes the flag to its one-line error, so the message says which input failed. */
    private static <T> T withFlag(String flag, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InputException e) {
            throw new InputException(flag + " " + e.getMessage(), e);
        }
    }
}
