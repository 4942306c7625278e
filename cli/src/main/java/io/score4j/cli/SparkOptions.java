package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.sampling.Given;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER} and {@code --partitions P}: run the command's work on Apache Spark (score4j-spark, loaded only
 * then), writing the same bytes as without. Without {@code --spark} every method here is the local call.
 */
final class SparkOptions {
    @Option(names = "--spark", paramLabel = "MASTER",
            description = "run on Apache Spark: local[N] (embedded, nothing to install), spark://HOST:PORT or yarn; "
                    + "same bytes as without")
    String master;

    @Option(names = "--partitions", paramLabel = "P", description = "Spark partitions (default: 2 per core of local[N], else 8)")
    Integer partitions;

    /** Whether --spark was given. */
    boolean on() {
        return master != null;
    }

    /** Checks the flags; --partitions needs --spark. */
    void validate() {
        InputException.require(partitions == null || on(), "--partitions", partitions, "needs --spark MASTER");
        InputException.require(partitions == null || partitions >= 1, "--partitions", partitions, "must be >= 1");
        InputException.require(master == null || !master.isBlank(), "--spark", master, "must name a master, e.g. local[2]");
    }

    /** The master and partition count (--partitions, else 2 per core of local[N], else 8). */
    SparkRunner.Cluster cluster() {
        validate();
        return new SparkRunner.Cluster(master, partitions != null ? partitions : defaultPartitions(master));
    }

    /** {@code ModelSampling.fromModel}, on Spark when --spark was given (not yet with --given). */
    ModelSampling.Drawn fromModel(Path file, ScoreModel m, int n, SamplingPlan plan, Key key, ModelSampling.Progress bar,
                                  Given given) {
        validate();
        requireUnconditional(given);
        return on() ? SparkRunner.load().sampleModel(cluster(), file, n, plan, key)
                : ModelSampling.fromModel(m, n, plan, key, bar, given);
    }

    /** {@code ModelSampling.fromMixture}, on Spark when --spark was given. */
    ModelSampling.Drawn fromMixture(Path file, GaussianMixture mix, int n, SamplingPlan plan, Key key,
                                    ModelSampling.Progress bar, Given given) {
        validate();
        requireUnconditional(given);
        return on() ? SparkRunner.load().sampleMixture(cluster(), file, n, plan, key)
                : ModelSampling.fromMixture(mix, n, plan, key, bar, given);
    }

    private void requireUnconditional(Given given) {
        InputException.require(!on() || given.isEmpty(), "--given", "(set)", "is not supported with --spark yet; "
                + "sample conditionally without --spark");
    }

    static int defaultPartitions(String master) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]").matcher(master.trim());
        if (m.matches()) {
            int cores = m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
            return Math.max(1, 2 * cores);
        }
        return master.trim().equals("local") ? 2 : 8;
    }
}
