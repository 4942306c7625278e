package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.train.ModelSampling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * N particles of one sampling run split over P partitions: partition p draws the particle range
 * [N·p/P, N·(p+1)/P) with a {@link RangeSampler}, so the rows, in partition order, are bit for bit the local run's
 * whatever P is. Results as a {@code Dataset<Row>} (one double column per model column), collected to the driver
 * ({@link #collect}, what {@code score4j sample --spark} writes with the local CSV writer), or written as CSV (the
 * local bytes) or Parquet.
 */
public final class SparkSampling {
    private SparkSampling() {}

    /** Flat blocks of particles, one per partition, in particle order. */
    public static JavaRDD<double[]> blocks(SparkSession spark, RangeSampler sampler, long n, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Ranges.Range> ranges = new Ranges(n, partitions).list();
        return jsc.parallelize(ranges, partitions).map(r -> r.count() == 0 ? new double[0] : sampler.sample(r.first(), r.count()));
    }

    /** The particles as rows with the given column names (doubles), in particle order. */
    public static Dataset<Row> sample(SparkSession spark, RangeSampler sampler, String[] columns, long n, int partitions) {
        int d = columns.length;
        JavaRDD<Row> rows = blocks(spark, sampler, n, partitions).flatMap(block -> {
            List<Row> out = new ArrayList<>(block.length / d);
            for (int i = 0; i < block.length; i += d) {
                Object[] v = new Object[d];
                for (int j = 0; j < d; j++) {
                    v[j] = block[i + j];
                }
                out.add(RowFactory.create(v));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, schema(columns));
    }

    /**
     * All particles on the driver, as {@link ModelSampling#fromModel} returns them (acceptance rate NaN; escaped rows
     * counted on the driver; NFE from a one-particle run there).
     */
    public static ModelSampling.Drawn collect(SparkSession spark, RangeSampler sampler, int n, int partitions) {
        List<double[]> blocks = TaskErrors.unwrap(() -> blocks(spark, sampler, n, partitions).collect());
        double[] points = new double[Math.multiplyExact(n, sampler.dim())];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, points, at, b.length);
            at += b.length;
        }
        int bad = io.score4j.metrics.ColumnStats.nonFiniteRows(points, sampler.dim());
        return new ModelSampling.Drawn(points, Double.NaN, bad, Math.max(bad, sampler.escaped(points)), sampler.nfe());
    }

    /** Writes the particles as {@code score4j sample} does (the same bytes), atomically; non-finite rows are refused. */
    public static void writeCsv(SparkSession spark, RangeSampler sampler, String[] columns, int n, int partitions, Path out) {
        ModelSampling.Drawn drawn = collect(spark, sampler, n, partitions);
        if (drawn.nonFinite() > 0) {
            throw new InputException(drawn.nonFinite() + " of " + n + " samples are not finite (the chain diverged); "
                    + "try a smaller --step-size. Nothing was written.");
        }
        Csv.write(out, columns, drawn.points(), columns.length);
    }

    /**
     * Writes {@code rows} as a Parquet directory at {@code dir}: into a sibling temporary directory first, renamed
     * into place only when every task succeeded (a failed job leaves nothing at {@code dir}). {@code dir} must not
     * exist.
     */
    public static void writeParquet(Dataset<Row> rows, Path dir) {
        Path target = dir.toAbsolutePath();
        if (Files.exists(target)) {
            throw new InputException(dir + ": exists; Parquet output goes to a new directory");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + System.nanoTime());
        try {
            TaskErrors.unwrap(() -> {
                rows.write().parquet(tmp.toUri().toString());
                return null;
            });
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(tmp);
        }
    }

    static StructType schema(String[] columns) {
        StructField[] f = new StructField[columns.length];
        for (int j = 0; j < f.length; j++) {
            f[j] = DataTypes.createStructField(columns[j], DataTypes.DoubleType, false);
        }
        return DataTypes.createStructType(f);
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (IOException ignored) {
            // leftovers of a failed write are harmless
        }
    }
}
