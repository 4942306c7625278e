package io.score4j.cli;

import io.score4j.data.ColumnMatch;
import io.score4j.likelihood.LikelihoodResult;
import io.score4j.likelihood.LikelihoodSettings;
import io.score4j.likelihood.Trace;
import io.score4j.data.NamedRows;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code score --spark} and {@code logp --spark}: the driver checks the model, --sigma and the CSV's header as the local run does (same errors,
 * same note), then Spark's tasks parse and score the data rows; the scores come back in file order.
 */
final class SparkScoring {
    private SparkScoring() {}

    /** The scores of every data row of {@code c.csv} (flat [n, D]), computed on Spark. */
    static double[] scores(SparkOptions spark, ScoreCommand c, ScoreModel m) {
        return SparkRunner.load().score(spark.cluster(), c.model, rows(c.request(m), c.sigma,
                UserFiles.notes(c.spec, c.quiet)));
    }

    /**
     * {@code logp --model --spark}: the driver matches the CSV's header as the local run does (same errors, same
     * note); Spark's tasks parse the rows and integrate their ODEs; logp and NFE come back in file order.
     */
    static LikelihoodResult logp(SparkOptions spark, Path modelFile, NamedRows.Request request, Consumer<String> notes, Trace trace,
                                 LikelihoodSettings settings, double rtol, double atol) {
        return SparkRunner.load().logp(spark.cluster(), modelFile, rows(request, null, notes), trace, rtol, atol,
                settings.eps());
    }

    /** The rows of {@code request}'s CSV as Spark's tasks read them: its header and the model's columns in it. */
    private static SparkRunner.Rows rows(NamedRows.Request request, Double sigma, Consumer<String> notes) {
        ColumnMatch match = NamedRows.match(request, notes);
        return new SparkRunner.Rows(request.file(), match.header(), match.positions(), sigma);
    }
}
