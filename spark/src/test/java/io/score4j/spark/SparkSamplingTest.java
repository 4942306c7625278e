package io.score4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.score4j.Parallelism;
import io.score4j.data.Csv;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerKind;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import io.score4j.train.ScoreModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampling split over partitions writes the local run's bytes, whatever the partition count. */
final class SparkSamplingTest {
    private static final int N = 203;

    @TempDir
    Path dir;

    @Test
    void csvEqualsTheLocalRunsBytesForEveryPartitionCount() throws Exception {
        SparkSession spark = TestModels.spark();
        for (ScoreModel m : new ScoreModel[] {TestModels.model(null, 16), TestModels.model(null, 8, 8)}) {
            SamplingPlan plan = new SamplingPlan(SamplerKind.LANGEVIN, 50, 0.02, -2, 2, null, null, null, Parallelism.of(2));
            Key key = Key.of(9).split(5)[3];
            Path local = dir.resolve("local.csv");
            Csv.write(local, m.columns(), ModelSampling.fromModel(m, N, plan, key, ModelSampling.Progress.NONE).points(),
                    m.dim());
            RangeSampler sampler = RangeSampler.model(ModelBytes.of(m, "test"), plan, key);
            for (int p : new int[] {1, 3, 7}) {
                Path split = dir.resolve("split" + p + ".csv");
                SparkSampling.writeCsv(spark, sampler, m.columns(), N, p, split);
                assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(split), "partitions " + p);
            }
        }
    }

    /** The reverse-SDE samplers on a mixture's exact score, with a non-default SDE and snr carried to the tasks. */
    @Test
    void reverseSdeSamplersSplitOverPartitionsWriteTheLocalBytes() throws Exception {
        io.score4j.density.GaussianMixture mix = new io.score4j.density.GaussianMixture(new double[] {0.7, 0.3},
                new double[][] {{-1, 0.5}, {2, -1}}, new double[][] {{0.5, 0.5}, {0.3, 0.6}});
        for (SamplerKind kind : new SamplerKind[] {SamplerKind.EM, SamplerKind.PC}) {
            SamplingPlan plan = new SamplingPlan(kind, 40, null, 0, 1, null, null, null, Parallelism.of(2), "subvp", kind == SamplerKind.PC
                    ? 0.2 : null, 1e-3);
            Key key = Key.of(5).split(5)[3];
            ModelSampling.Drawn whole = ModelSampling.fromMixture(mix, N, plan, key, ModelSampling.Progress.NONE);
            Path local = dir.resolve(kind + "-local.csv");
            Csv.write(local, new String[] {"x0", "x1"}, whole.points(), 2);
            RangeSampler sampler = RangeSampler.mixture(mix.toJson(), "mix.json", plan, key);
            Path split = dir.resolve(kind + "-split.csv");
            SparkSampling.writeCsv(TestModels.spark(), sampler, new String[] {"x0", "x1"}, N, 3, split);
            assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(split), kind.id());
            assertEquals(whole.nfe(), sampler.nfe(), kind.id());
        }
    }

    @Test
    void annealedNoiseConditionalDatasetRowsAreTheLocalPoints() {
        ScoreModel m = TestModels.model(NoiseLadder.geometric(3, 0.1, 3), 8);
        SamplingPlan plan = new SamplingPlan(SamplerKind.ANNEALED, 10, null, 0, 1, null, null, null, Parallelism.single());
        Key key = Key.of(4);
        double[] local = ModelSampling.fromModel(m, N, plan, key, ModelSampling.Progress.NONE).points();
        List<Row> rows = SparkSampling.sample(TestModels.spark(), RangeSampler.model(ModelBytes.of(m, "t"), plan, key),
                m.columns(), N, 4).collectAsList();
        assertEquals(N, rows.size());
        double[] got = new double[N * 2];
        for (int i = 0; i < N; i++) {
            got[2 * i] = rows.get(i).getDouble(0);
            got[2 * i + 1] = rows.get(i).getDouble(1);
        }
        assertArrayEquals(local, got);
        assertArrayEquals(new String[] {"a", "b"}, SparkSampling.sample(TestModels.spark(),
                RangeSampler.model(ModelBytes.of(m, "t"), plan, key), m.columns(), 5, 2).columns());
    }

    @Test
    void parquetHoldsTheSameRowsAndLeavesNoTemporaryDirectory() throws Exception {
        ScoreModel m = TestModels.model(null, 8);
        SamplingPlan plan = new SamplingPlan(SamplerKind.LANGEVIN, 5, 0.02, 0, 1, null, null, null, Parallelism.single());
        SparkSession spark = TestModels.spark();
        RangeSampler sampler = RangeSampler.model(ModelBytes.of(m, "t"), plan, Key.of(2));
        Path out = dir.resolve("samples.parquet");
        SparkSampling.writeParquet(SparkSampling.sample(spark, sampler, m.columns(), 50, 3), out);
        List<Row> back = spark.read().parquet(out.toString()).orderBy("a").collectAsList();
        List<Row> want = SparkSampling.sample(spark, sampler, m.columns(), 50, 3).orderBy("a").collectAsList();
        assertEquals(want, back);
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".")), "temporary directory left");
        }
    }
}
