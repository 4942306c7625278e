package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.io.RunFiles;
import io.score4j.train.ModelScores;
import io.score4j.train.RunMemory;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--columns", split = ",", paramLabel = "MODEL=CSV",
            description = "where the model's columns are in the CSV when the names differ: MODEL=CSV pairs, "
                    + "or one CSV name per model column in the model's order (default: the model's own names)")
    List<String> columns;

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
        double[] s = spark.on() ? SparkScoring.scores(spark, this, m) : localScores(m);
        String[] header = new String[m.dim()];
        for (int j = 0; j < header.length; j++) {
            header[j] = "score_" + m.columns()[j];
        }
        Csv.write(out, header, s, m.dim());
        return 0;
    }

    /** The request's points, named as the model names them, and the local scores of them (flat [n, D]). */
    private double[] localScores(ScoreModel m) {
        Dataset pts = NamedRows.read(request(m), false, UserFiles.notes(spec, quiet));
        RunMemory.scoring(pts.n(), pts.d(), m.spec()).check();
        double[] s = scores(m, pts.values(), pts.n(), sigma);
        ModelScores.requireFinite(s, m.dim(), csv.toString());
        return s;
    }

    /** What --csv must hold for the model, as {@link NamedRows} reads it. */
    NamedRows.Request request(ScoreModel m) {
        return new NamedRows.Request("--csv", csv, m.columns(), "the model " + model, UserFiles.columnMapping(columns),
                NamedRows.COLUMNS_HINT);
    }

    /** Scores in original units of n points (flat [n, d], original units). */
    static double[] scores(ScoreModel m, double[] points, int n, Double sigma) {
        checkSigma(m, sigma);
        return ModelScores.inOriginalUnits(m, points, sigma);
    }

    /** --sigma must be a positive noise level of a noise-conditional model. */
    static void checkSigma(ScoreModel m, Double sigma) {
        InputException.require(sigma == null || (sigma > 0 && Double.isFinite(sigma)), "--sigma", sigma, "must be > 0");
        InputException.require(sigma == null || m.noiseConditional(), "--sigma", sigma,
                "applies only to noise-conditional models");
    }
}
