package io.score4j.spark.cli;

import io.score4j.InputException;
import io.score4j.cli.SparkRunner;
import io.score4j.cli.SweepCommand;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerKind;
import io.score4j.spark.ModelBytes;
import io.score4j.spark.RangeSampler;
import io.score4j.spark.RowFunction;
import io.score4j.spark.Sessions;
import io.score4j.spark.SparkRows;
import io.score4j.spark.SparkSampling;
import io.score4j.spark.Sweep;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/** The CLI's {@code --spark} (found by {@link java.util.ServiceLoader}): the score4j-spark library behind {@link SparkRunner}. */
public final class SparkCliRunner implements SparkRunner {
    @Override
    public ModelSampling.Drawn sampleModel(Cluster cluster, Path modelFile, int n, SamplingPlan plan, Key key) {
        ModelBytes model = ModelBytes.read(modelFile);
        return SparkSampling.collect(session(cluster), RangeSampler.model(model, plan, key), n, cluster.partitions());
    }

    @Override
    public ModelSampling.Drawn sampleMixture(Cluster cluster, Path mixtureFile, int n, SamplingPlan plan, Key key) {
        if (plan.kind() == SamplerKind.MALA) {
            throw new InputException("--sampler mala runs whole, not split over partitions: sample it without --spark");
        }
        String json;
        try {
            json = Files.readString(mixtureFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("--mixture " + mixtureFile + ": cannot read: " + e.getMessage(), e);
        }
        return SparkSampling.collect(session(cluster), RangeSampler.mixture(json, mixtureFile.toString(), plan, key), n,
                cluster.partitions());
    }

    @Override
    public double[] score(Cluster cluster, Path modelFile, Rows rows) {
        ModelBytes model = ModelBytes.read(modelFile);
        return SparkRows.ofCsv(session(cluster), model, rows.csv(), "--csv", rows.header(), rows.pick(),
                RowFunction.score(rows.sigma()), cluster.partitions());
    }

    @Override
    public String sweep(Cluster cluster, SweepCommand.Request r) {
        Sweep.Outcome o = Sweep.run(session(cluster), io.score4j.spark.SweepGrid.read(r.grid()), r.csv(), r.holdout(), r.samples(),
                r.seed(), cluster.partitions(), r.table(), r.best());
        return o.summary();
    }

    /** The session, Spark's log quieted first (see log4j2-cli.properties) unless the JVM was given a log configuration. */
    static SparkSession session(Cluster cluster) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            try {
                Configurator.reconfigure(SparkCliRunner.class.getResource("log4j2-cli.properties").toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            String level = System.getenv("SCORE4J_SPARK_LOG");
            if (level != null && !level.isBlank()) {
                Configurator.setRootLevel(Level.toLevel(level.trim().toUpperCase(Locale.ROOT), Level.WARN));
            }
        }
        return Sessions.forMaster(cluster.master(), "score4j");
    }
}
