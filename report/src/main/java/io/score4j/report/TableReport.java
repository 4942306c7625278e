package io.score4j.report;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.comparison.ComparisonInputs;
import io.score4j.comparison.ComparisonSettings;
import io.score4j.comparison.Evaluation;
import io.score4j.data.Dataset;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.table.ColumnCodec;
import io.score4j.table.TableCsv;
import io.score4j.table.TableSchema;
import io.score4j.train.TableSampling;
import io.score4j.train.TableTraining;
import io.score4j.train.ScoreModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A report on a typed-table model ({@code score4j train --types}, or a CSV with text cells; {@link TableTraining}):
 * one figure per column, real rows against each synthetic set in the table's own values ({@link TableFigures}),
 * and each set judged exactly as {@code score4j eval --reference REAL --samples SET [--holdout H] --seed S} judges
 * it ({@link Evaluation#of} on {@link ComparisonInputs#load}: the same numbers for the same files and seed), with
 * eval's own tables. For example
 * <pre>{@code
 * ScoreModel m = ScoreModel.load(Path.of("m.safetensors"));
 * TableReport r = TableReport.builder(m, Path.of("m.safetensors")).reference(Path.of("real.csv"))
 *         .samples(Path.of("syn.csv")).samples(Path.of("copula.csv")).holdout(Path.of("holdout.csv")).seed(0).build();
 * r.evaluations().get(0).fidelity().c2st().accuracy();
 * r.writeTo(Path.of("report"));   // report.html, report.json, col_<j>.png/.svg
 * }</pre>
 * Samples the caller drew from the model ({@link Builder#drawn}) are decoded here ({@link TableSampling#decode}),
 * judged as the file {@code samples.csv} the report writes, and named "score model (drawn)".
 */
public final class TableReport {
    /** Format tag of a table report's report.json. */
    public static final String FORMAT = "score4j.report.table.v1";
    /** The name of drawn samples in figures and tables. */
    public static final String DRAWN = "score model (drawn)";

    final Path modelFile;
    final ScoreModel model;
    final TableSchema schema;
    final Path reference;
    final Path holdout;
    final long seed;
    final List<TableFigures.Rows> sets;
    final List<Evaluation> evaluations;
    final ReportSamples drawn;
    final int dropped;

    private TableReport(Builder b, List<TableFigures.Rows> sets, List<Evaluation> evaluations, int dropped) {
        this.modelFile = b.modelFile;
        this.model = b.model;
        this.schema = b.schema;
        this.reference = b.reference;
        this.holdout = b.holdout;
        this.seed = b.seed;
        this.sets = List.copyOf(sets);
        this.evaluations = List.copyOf(evaluations);
        this.drawn = b.drawn;
        this.dropped = dropped;
    }

    /** A builder for a report on {@code model}, a table model read from {@code modelFile}. */
    public static Builder builder(ScoreModel model, Path modelFile) {
        return new Builder(model, modelFile);
    }

    /** Whether {@code model} is a table model (its metadata holds a schema), so it takes this report. */
    public static boolean applies(ScoreModel model) {
        return model.settings().containsKey(TableTraining.METADATA_KEY);
    }

    /** Each synthetic set judged as eval judges it, in the order given (drawn samples first). */
    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** The synthetic sets' names, as figures and tables show them, in {@link #evaluations()}' order. */
    public List<String> names() {
        return sets.subList(1, sets.size()).stream().map(TableFigures.Rows::name).toList();
    }

    /** The table's columns, in the schema's order: one figure each. */
    public List<String> columns() {
        return List.of(schema.names());
    }

    /**
     * One line per synthetic set, for a command's summary: columns passing, C2ST accuracy, median DCR and exact
     * copies, with the held-out rows' beside them when given.
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < evaluations.size(); s++) {
            io.score4j.comparison.FidelityResult f = evaluations.get(s).fidelity();
            b.append(names().get(s)).append(": ");
            if (f != null) {
                b.append(String.format(java.util.Locale.ROOT, "columns passing %.2f", f.columnsPassing()));
                if (f.c2st() != null) {
                    b.append(String.format(java.util.Locale.ROOT, ", C2ST %.3f", f.c2st().accuracy()));
                    b.append(f.holdoutC2st() == null ? "" : String.format(java.util.Locale.ROOT, " (held-out %.3f)",
                            f.holdoutC2st().accuracy()));
                }
                b.append(String.format(java.util.Locale.ROOT, ", DCR median %.3g", f.samplesDcr().median()));
                b.append(f.holdoutDcr() == null ? "" : String.format(java.util.Locale.ROOT, " (held-out %.3g ± %.2g)",
                        f.holdoutDcr().median(), f.holdoutDcr().standardError()));
                b.append(", exact copies ").append(f.samplesDcr().exactCopies());
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }

    /**
     * Writes report.html, report.json, the figures ({@code col_<j>} per column, {@code pairs} for the most correlated
     * numeric pairs, {@link TablePairs}) and (drawn samples) samples.csv into {@code dir}; returns the page.
     */
    public Path writeTo(Path dir) {
        try (ReportFolder folder = ReportFolder.open(dir)) {
            List<ReportFigures.Entry> figures = new ArrayList<>(TableFigures.render(schema, sets, evaluations,
                    folder.staging()));
            ReportFigures.Entry pairs = TablePairs.render(schema, sets, folder.staging(), folder.parts());
            if (pairs != null) {
                figures.add(pairs);
            }
            String samplesFile = drawn != null ? "samples.csv" : null;
            if (samplesFile != null) {
                TableCsv.write(sets.get(1).table(), folder.staging().resolve(samplesFile));
            }
            TableDocument.writeJson(folder.staging(), this, figures, samplesFile);
            TableDocument.writeHtml(folder.staging(), this, figures);
            folder.publish(Report.publishOrder(figures, samplesFile));
        }
        return dir.resolve("report.html");
    }

    /** Collects a table report's inputs; {@link #build()} reads, decodes and judges them. */
    public static final class Builder {
        private final ScoreModel model;
        private final Path modelFile;
        private final TableSchema schema;
        private Path reference;
        private Path holdout;
        private ReportSamples drawn;
        private final List<Path> files = new ArrayList<>();
        private long seed;
        private Parallelism parallelism = Parallelism.available();
        private Consumer<String> notes = s -> { };

        private Builder(ScoreModel model, Path modelFile) {
            this.model = Objects.requireNonNull(model, "model");
            this.modelFile = Objects.requireNonNull(modelFile, "modelFile");
            this.schema = TableTraining.schema(model, modelFile.toString()).orElseThrow(() -> new InputException(
                    "the model " + modelFile + " is not a table model (no " + TableTraining.METADATA_KEY + " in its "
                    + "metadata): use Report"));
        }

        /** The real rows (the training CSV): the table's columns, found by name. */
        public Builder reference(Path csv) {
            this.reference = Objects.requireNonNull(csv, "csv");
            return this;
        }

        /** Real rows held out of training: their C2ST and DCR beside the samples' (as eval --holdout). */
        public Builder holdout(Path csv) {
            this.holdout = csv;
            return this;
        }

        /** A synthetic CSV (score4j sample's or baseline's output, or any file with the table's columns); repeatable. */
        public Builder samples(Path csv) {
            files.add(Objects.requireNonNull(csv, "csv"));
            return this;
        }

        /** Rows the caller drew from the model, in its coordinates (finite rows only; see {@link ReportSamples}). */
        public Builder drawn(ReportSamples samples) {
            if (samples.d() != schema.width()) {
                throw new IllegalArgumentException("drawn samples have " + samples.d() + " coordinates, the model "
                        + schema.width());
            }
            this.drawn = samples;
            return this;
        }

        /** The seed of every comparison (as eval --seed); default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Workers for C2ST and DCR; the numbers do not depend on it. */
        public Builder parallelism(Parallelism parallelism) {
            this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
            return this;
        }

        /** Where notes go (a reference column the samples lack, as eval notes it); default: nowhere. */
        public Builder notes(Consumer<String> notes) {
            this.notes = Objects.requireNonNull(notes, "notes");
            return this;
        }

        /**
         * Reads the files, decodes drawn samples and judges every set.
         *
         * @throws IllegalStateException when the reference or every synthetic set is missing
         * @throws InputException        naming the file and column of a table that lacks one of the model's columns,
         *                               or as eval's readers do
         */
        public TableReport build() {
            if (reference == null || (drawn == null && files.isEmpty())) {
                throw new IllegalStateException("a table report needs the real rows and at least one synthetic set");
            }
            List<TableFigures.Rows> sets = new ArrayList<>();
            sets.add(new TableFigures.Rows("real", checked(TextCsv.read(reference), "--csv " + reference)));
            List<Evaluation> evaluations = new ArrayList<>();
            int dropped = 0;
            if (drawn != null) {
                TableSampling.Decoded d = TableSampling.decode(schema, drawn.points(), drawn.n(), "samples.csv");
                dropped = d.dropped();
                sets.add(new TableFigures.Rows(DRAWN, d.table()));
                evaluations.add(judgeDrawn(d.table()));
            }
            for (Path f : files) {
                sets.add(new TableFigures.Rows(f.getFileName().toString(), checked(TextCsv.read(f), "--samples " + f)));
                evaluations.add(judge(f, f.toString()));
            }
            return new TableReport(this, sets, evaluations, dropped);
        }

        /** Drawn rows judged as the file samples.csv: written to a temporary file, read back as eval reads it. */
        private Evaluation judgeDrawn(TextTable rows) {
            Path tmp = null;
            try {
                tmp = Files.createTempFile("score4j-report-", ".csv");
                TableCsv.write(rows, tmp);
                return judge(tmp, "samples.csv");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write drawn samples to a temporary file", e);
            } finally {
                deleteQuietly(tmp);
            }
        }

        private Evaluation judge(Path samples, String name) {
            ComparisonInputs read = ComparisonInputs.load(samples, reference, null, null, notes);
            ComparisonInputs in = new ComparisonInputs(name, read.samples(), read.referenceFile(), read.reference(),
                    read.table());
            Dataset held = holdout == null ? null : in.loadHoldout(holdout);
            return Evaluation.of(in, held, seed, ComparisonSettings.DEFAULT_PROJECTIONS, true, parallelism);
        }

        /** {@code t}, after checking it has every column of the schema (by name). */
        private TextTable checked(TextTable t, String where) {
            for (ColumnCodec c : schema.columns()) {
                if (t.indexOf(c.name()) < 0) {
                    throw new InputException(where + ": no column '" + c.name() + "' (the model " + modelFile + " has "
                            + String.join(", ", schema.names()) + ")");
                }
            }
            return t;
        }

        private static void deleteQuietly(Path p) {
            try {
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** The model's settings without the schema's JSON (shown as a table of kinds instead). */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>(new java.util.TreeMap<>(model.settings()));
        s.remove(TableTraining.METADATA_KEY);
        return s;
    }
}
