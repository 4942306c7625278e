package io.score4j.cli;

import io.score4j.data.ColumnMatch;
import io.score4j.data.NamedRows;
import io.score4j.train.ScoreModel;
import java.util.Arrays;

/**
 * {@code score --spark}: the driver checks the model, --sigma and the CSV's header as the local run does (same errors,
 * same note), then Spark's tasks parse and score the data rows; the scores come back in file order.
 */
final class SparkScoring {
    private SparkScoring() {}

    /** The scores of every data row of {@code c.csv} (flat [n, D]), computed on Spark. */
    static double[] scores(SparkOptions spark, ScoreCommand c, ScoreModel m) {
        ScoreCommand.checkSigma(m, c.sigma);
        ColumnMatch match = NamedRows.match(c.request(m), UserFiles.notes(c.spec, c.quiet));
        String[] header = match.header();
        String[] sources = match.sources();
        int[] pick = new int[sources.length];
        for (int j = 0; j < sources.length; j++) {
            pick[j] = Arrays.asList(header).indexOf(sources[j]);
        }
        return SparkRunner.load().score(spark.cluster(), c.model, new SparkRunner.Rows(c.csv, header, pick, c.sigma));
    }
}
