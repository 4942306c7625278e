package io.score4j.cli;

import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.io.RunFiles;
import io.score4j.train.ModelScores;
import io.score4j.train.RunMemory;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score4j score}: evaluate a trained score network at points from a CSV. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a model's score s(x) = grad log p(x) at the points of a CSV (one row per point).")
public final class ScoreCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--model", required = true, paramLabel = "MODEL.safetensors")
    Path model;

    @Option(names = "--csv", required = true, paramLabel = "POINTS.csv",
            description = "points, one per row, with a column for each of the model's columns (found by name; others ignored)")
    Path csv;

    @Mixin
    ColumnsOption columns;

    @Option(names = "--out", required = true, paramLabel = "SCORES.csv", description = "scores, D columns named score_<column>")
    Path out;

    @Option(names = "--sigma", paramLabel = "S", description = "noise level for a noise-conditional model (default: its smallest)")
    Double sigma;

    @Option(names = {"-q", "--quiet"}, description = "no notes (e.g. about CSV columns the model does not use)")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Mixin
    SparkOptions spark;

    @Override
    public RunFiles files() {
        return RunFiles.none().withInput("--model", model).withInput("--csv", csv).withOutput("--out", out);
    }

    @Override
    public Integer call() {
        ScoreModel m = ScoreModel.load(model);
        ModelScores.checkSigma(m, sigma);
        double[] s = spark.on() ? SparkScoring.scores(spark, this, m) : localScores(m);
        Csv.write(out, ModelScores.columns(m), s, m.dim());
        return 0;
    }

    /** The request's points, named as the model names them, and the local scores of them (flat [n, D]). */
    private double[] localScores(ScoreModel m) {
        Dataset pts = NamedRows.read(request(m), false, UserFiles.notes(spec, quiet));
        RunMemory.scoring(pts.n(), pts.d(), m.spec()).check();
        double[] s = ModelScores.inOriginalUnits(m, pts.values(), sigma);
        ModelScores.requireFinite(s, m.dim(), csv.toString());
        return s;
    }

    /** What --csv must hold for the model, as {@link NamedRows} reads it. */
    NamedRows.Request request(ScoreModel m) {
        return columns.request(csv, m.columns(), "the model " + model);
    }
}
