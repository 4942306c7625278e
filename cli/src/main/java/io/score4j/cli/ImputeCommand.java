package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.io.RunFiles;
import io.score4j.random.Key;
import io.score4j.train.Imputation;
import io.score4j.data.TextCsv;
import io.score4j.table.TableCsv;
import io.score4j.table.TableSchema;
import io.score4j.train.ScoreModel;
import io.score4j.train.TableSampling;
import io.score4j.train.TableTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score4j impute}: fill the empty cells of a CSV by sampling p(missing | observed) row by row. */
@Command(name = "impute", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fill the empty (or NA) cells of a CSV, row by row, with a draw from the model's p(missing | observed).")
public final class ImputeCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--model", required = true, paramLabel = "MODEL.safetensors", description = "a model written by score4j train")
    Path model;

    @Option(names = "--csv", required = true, paramLabel = "ROWS.csv",
            description = "rows with a column for each of the model's columns (found by name; others ignored); "
                    + "empty, NA or NaN cells are filled")
    Path csv;

    @Mixin
    ColumnsOption columns;

    @Option(names = "--out", required = true, paramLabel = "FILLED.csv",
            description = "the rows, the model's columns in its order, observed cells as read, gaps filled")
    Path out;

    @Mixin
    SamplerOptions sampler;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public RunFiles files() {
        return RunFiles.none().withInput("--model", model).withInput("--csv", csv).withOutput("--out", out);
    }

    @Override
    public Integer call() {
        run.validate();
        ScoreModel m = ScoreModel.load(model);
        sampler.kind = Imputation.sampler(m, sampler.kind);
        sampler.validate();
        sampler.stepsFor(m);
        TableSchema schema = TableTraining.schema(m, model.toString()).orElse(null);
        if (schema != null) {
            return imputeTable(m, schema);
        }
        Dataset rows = NamedRows.read(columns.request(csv, m.columns(), "the model " + model), true,
                UserFiles.notes(spec, run.quiet));
        long t0 = System.nanoTime();
        Key key = Key.of(run.seed).split(5)[3];
        Imputation.Result r = Imputation.impute(m, rows, "--csv " + csv, sampler.plan(run.parallelism()), key,
                Progress.forSampling(run.quiet));
        Imputation.requireFinite(r.nonFinite(), r.rowsWithGaps(), sampler.divergenceAdvice());
        Csv.write(out, m.columns(), r.values(), m.dim());
        run.say("%d cells filled in %d of %d rows (%s) in %.2f s, written to %s%s", r.cellsFilled(), r.rowsWithGaps(),
                rows.n(), sampler.kind.id(), (System.nanoTime() - t0) / 1e9, out,
                r.emptyRows() == 0 ? "" : "; " + r.emptyRows() + (r.emptyRows() == 1 ? " row had" : " rows had")
                        + " every cell empty and got a plain sample of the model");
        return 0;
    }

    /**
     * A table model: the rows read as text (the schema's columns by name), gaps filled and decoded to the data's
     * kinds and precision, observed cells written as read ({@link TableSampling#impute}).
     */
    private int imputeTable(ScoreModel m, TableSchema schema) {
        InputException.require(columns.columns == null, "--columns", columns.columns,
                "does not apply to a table model (columns by name)");
        long t0 = System.nanoTime();
        TableSampling.Filled r = TableSampling.impute(m, schema, TextCsv.read(csv), sampler.plan(run.parallelism()),
                Key.of(run.seed).split(5)[3], Progress.forSampling(run.quiet));
        Imputation.requireFinite(r.nonFinite(), r.rowsWithGaps(), sampler.divergenceAdvice());
        TableCsv.write(r.table(), out);
        run.say("%d cells filled in %d of %d rows (%s) in %.2f s, written to %s", r.cellsFilled(), r.rowsWithGaps(),
                r.table().n(), sampler.kind.id(), (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
