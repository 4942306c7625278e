package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.random.Key;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * What {@code --spark} runs, implemented in the score4j-spark module and found at run time by {@link ServiceLoader}:
 * the CLI's own jar has no Spark class, and {@code bin/score4j} puts score4j-spark and Spark's jars on the class
 * path only when the command line has {@code --spark}. Every method returns what the local path computes, bit for
 * bit, so the command writes the same bytes with and without Spark; user errors (a task's included) are
 * {@link InputException}s.
 */
public interface SparkRunner {
    /** Where to run: {@code master} as Spark takes it ({@code local[N]}, {@code spark://…}, {@code yarn}), P partitions. */
    record Cluster(String master, int partitions) {
        public Cluster {
            if (master == null || master.isBlank() || partitions < 1) {
                throw new IllegalArgumentException("cluster needs a master and partitions >= 1, got " + master + ", "
                        + partitions);
            }
        }
    }

    /** A score or sigma request over the data rows of a CSV whose columns {@code pick} (of {@code header}) feed the model. */
    record Rows(Path csv, String[] header, int[] pick, Double sigma) {}

    /** Particles [0, n) of {@code ModelSampling.fromModel} for the model in {@code modelFile}, split over partitions. */
    ModelSampling.Drawn sampleModel(Cluster cluster, Path modelFile, int n, SamplingPlan plan, Key key);

    /** Particles [0, n) of {@code ModelSampling.fromMixture} for the mixture JSON {@code mixtureFile}, split over partitions. */
    ModelSampling.Drawn sampleMixture(Cluster cluster, Path mixtureFile, int n, SamplingPlan plan, Key key);

    /** {@code ModelScores.inOriginalUnits} of every data row of {@code rows.csv()}, flat [n, D], in file order. */
    double[] score(Cluster cluster, Path modelFile, Rows rows);

    /** Runs {@code score4j sweep} (see {@link SweepCommand}); returns the line to print. */
    String sweep(Cluster cluster, SweepCommand.Request request);

    /** The implementation on the class path, or an {@link InputException} saying how to get one. */
    static SparkRunner load() {
        Iterator<SparkRunner> it = ServiceLoader.load(SparkRunner.class).iterator();
        if (!it.hasNext()) {
            throw new InputException("--spark: score4j-spark is not on the class path; run through bin/score4j (which adds "
                    + "it and Spark when --spark is given) or add spark/target/score4j-spark.jar and the jars listed in "
                    + "spark/target/runtime-classpath.txt");
        }
        return it.next();
    }
}
