package io.score4j.comparison;

import io.score4j.InputException;
import io.score4j.data.ColumnMapping;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.table.TableNumbers;
import io.score4j.table.TableSchema;
import io.score4j.data.NamedRows;
import io.score4j.density.GaussianMixture;
import io.score4j.density.MixtureJson;
import io.score4j.metrics.ColumnStats;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checked inputs of a comparison ({@code score4j eval}): the samples as read (non-finite rows kept; the
 * comparison counts and drops them), the reference, and the files as the user named them.
 *
 * @param samplesFile   the {@code --samples} file as named
 * @param samples       the samples, columns in the reference's order, at least 2 finite rows
 * @param referenceFile the {@code --reference} or {@code --mixture} file as named
 * @param reference     the reference rows or mixture
 * @param table         how the files' text cells and gaps became numbers when the reference is a typed table
 *                      ({@link TableNumbers}), null for a numeric reference
 */
public record ComparisonInputs(String samplesFile, Dataset samples, String referenceFile, Reference reference,
                               TableNumbers table) {
    public ComparisonInputs {
        if (samplesFile == null || samples == null || referenceFile == null || reference == null) {
            throw new IllegalArgumentException("eval inputs need a samples file, samples, a reference file and a reference");
        }
    }

    /** {@code csv} or {@code mixture}, as the table and JSON name the reference. */
    public String referenceKind() {
        return reference instanceof Reference.Mixture ? "mixture" : "csv";
    }

    /**
     * Reads and matches the files. With a reference CSV the columns are {@code columns} if given,
     * else those of the reference's that the samples name too (the others noted), and the samples must have each of them (matched by name through
     * {@link NamedRows}; a line naming the samples' other columns goes to {@code notes}). With a
     * mixture the samples' columns ({@code columns} if given, else all) must number its dimension.
     *
     * @throws InputException naming the flag, the file and what is wrong
     */
    public static ComparisonInputs load(Path samples, Path referenceCsv, Path mixtureJson, List<String> columns,
                           Consumer<String> notes) {
        checkColumns(columns);
        if (referenceCsv != null) {
            List<String> compared = columns != null ? columns : shared(referenceCsv, samples, notes);
            Dataset ref;
            try {
                ref = NamedRows.withFlag("--reference", () -> Csv.read(referenceCsv, compared));
            } catch (InputException numeric) {
                TableNumbers table = tableOrNull(referenceCsv, compared);
                if (table == null) {
                    throw numeric;
                }
                ref = table.apply(pick(TextCsv.read(referenceCsv), compared), "--reference");
                requireRows(ref.n(), ref.n(), "--reference " + referenceCsv);
                Dataset s = table.apply(TextCsv.read(samples), "--samples");
                return of(s, samples, referenceCsv, Reference.rows(ref), table);
            }
            requireRows(ref.n(), ref.n(), "--reference " + referenceCsv);
            Dataset s = NamedRows.read(new NamedRows.Request("--samples", samples, ref.columns(), "--reference "
                    + referenceCsv, ColumnMapping.byName(), "compare fewer columns with --columns"), true, notes);
            return of(s, samples, referenceCsv, Reference.rows(ref), null);
        }
        GaussianMixture mix = NamedRows.withFlag("--mixture", () -> MixtureJson.read(mixtureJson));
        Dataset s = NamedRows.readAllowingNonFinite(samples, columns, "--samples");
        if (s.d() != mix.dim()) {
            throw new InputException("--samples " + samples + " has " + s.d() + " column" + (s.d() == 1 ? "" : "s") + " ("
                    + NamedRows.shown(String.join(", ", s.columns())) + ") but --mixture " + mixtureJson + " has dimension "
                    + mix.dim() + (columns == null ? "; pick " + mix.dim() + " with --columns" : ""));
        }
        return of(s, samples, mixtureJson, Reference.mixture(mix), null);
    }

    /**
     * Reads held-out real rows ({@code --holdout}): the reference's columns, matched by name, at least
     * {@value Comparison#MIN_ROWS} rows, all finite.
     *
     * @throws InputException naming the flag and the file, or when the reference is a mixture
     */
    public Dataset loadHoldout(Path holdout) {
        if (!(reference instanceof Reference.Rows rows)) {
            throw new InputException("--holdout needs --reference: held-out rows are compared with reference rows, "
                    + "not with --mixture " + referenceFile);
        }
        Dataset h = table != null ? table.apply(TextCsv.read(holdout), "--holdout")
                : NamedRows.withFlag("--holdout", () -> Csv.read(holdout, List.of(rows.data().columns())));
        requireRows(h.n(), h.n(), "--holdout " + holdout);
        return h;
    }

    /**
     * Without --columns, the columns both files name, in the reference's order: a reference may hold
     * columns the samples do not (an id, a text column), and those are named in a note, not compared.
     */
    private static List<String> shared(Path referenceCsv, Path samples, Consumer<String> notes) {
        String[] refHeader = NamedRows.withFlag("--reference", () -> Csv.header(referenceCsv));
        java.util.Set<String> sampled = java.util.Set.of(NamedRows.withFlag("--samples", () -> Csv.header(samples)));
        List<String> common = new java.util.ArrayList<>();
        List<String> ignored = new java.util.ArrayList<>();
        for (String name : refHeader) {
            (sampled.contains(name) ? common : ignored).add(name);
        }
        if (common.isEmpty()) {
            throw new InputException("--samples " + samples + " and --reference " + referenceCsv + " share no column name"
                    + " (the reference has " + NamedRows.listed(List.of(refHeader)) + "); compare named columns with --columns");
        }
        if (!ignored.isEmpty()) {
            notes.accept("note: --reference " + referenceCsv + ": ignoring column" + (ignored.size() == 1 ? " " : "s ")
                    + NamedRows.listed(ignored) + " (not in --samples " + samples + ")");
        }
        return common;
    }

    private static ComparisonInputs of(Dataset s, Path file, Path referenceFile, Reference reference,
                                       TableNumbers table) {
        requireRows(s.n() - ColumnStats.nonFiniteRows(s.values(), s.d()), s.n(), "--samples " + file);
        return new ComparisonInputs(file.toString(), s, referenceFile.toString(), reference, table);
    }

    /**
     * The reference's compared columns as a typed table when a cell of theirs is text or a gap
     * ({@link TableSchema#needsCodec}); null when they are numbers only (read as before, byte for byte) or the
     * text read fails too (the numeric reader's error is then reported).
     */
    private static TableNumbers tableOrNull(Path referenceCsv, List<String> compared) {
        TextTable t;
        try {
            t = pick(TextCsv.read(referenceCsv), compared);
        } catch (InputException e) {
            return null;
        }
        return TableSchema.needsCodec(t) ? TableNumbers.fit(t) : null;
    }

    /** The columns {@code names} of {@code t}, in that order (a name it lacks is left for the numeric reader to name). */
    private static TextTable pick(TextTable t, List<String> names) {
        List<String> present = names.stream().filter(c -> t.indexOf(c) >= 0).toList();
        if (present.isEmpty()) {
            return t;
        }
        String[][] cols = present.stream().map(c -> t.columns()[t.indexOf(c)]).toArray(String[][]::new);
        String[] tokens = present.stream().map(c -> t.missingTokens()[t.indexOf(c)]).toArray(String[]::new);
        return new TextTable(t.source(), present.toArray(new String[0]), cols, t.lines(), tokens);
    }

    private static void requireRows(int usable, int total, String where) {
        if (usable < Comparison.MIN_ROWS) {
            String rows = usable == total ? usable + " data row" + (usable == 1 ? "" : "s")
                    : usable + " finite data row" + (usable == 1 ? "" : "s") + " of " + total
                    + " (the others have NaN or infinite values)";
            throw new InputException(where + " has " + rows + "; eval needs at least " + Comparison.MIN_ROWS);
        }
    }

    private static void checkColumns(List<String> columns) {
        if (columns == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (c.isBlank()) {
                throw new InputException("--columns has an empty name, got '" + String.join(",", columns) + "'");
            }
            if (!seen.add(c)) {
                throw new InputException("--columns names '" + NamedRows.shown(c) + "' twice");
            }
        }
    }
}
