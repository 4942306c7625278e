package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.data.CsvRow;
import io.score4j.train.ScoreModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * A {@link RowFunction} of a model (the score; logp once it lands) over the rows of a table, as {@code mapPartitions}
 * over the model broadcast once as its safetensors bytes ({@link ModelBytes}). Each partition evaluates its rows in
 * chunks of {@value #CHUNK} (the function's cost per row does not depend on the chunking: row-wise network passes).
 */
public final class SparkRows {
    /** Rows per call of the function within a partition. */
    public static final int CHUNK = 4096;

    private SparkRows() {}

    /**
     * {@code f} at every row of {@code table}, whose columns named as the model's feed it (cast to double; other
     * columns ignored). Lazy, like any Dataset: run actions inside {@link TaskErrors#unwrap}. A null or non-finite
     * input or output fails its task with an {@link InputException} naming the partition and row.
     */
    public static Dataset<Row> apply(SparkSession spark, ModelBytes model, Dataset<Row> table, RowFunction f) {
        ScoreModel m = model.model();
        List<String> have = Arrays.asList(table.columns());
        Column[] cols = new Column[m.dim()];
        for (int j = 0; j < cols.length; j++) {
            String c = m.columns()[j];
            if (!have.contains(c)) {
                throw new InputException("the table has no column '" + c + "', which the model " + model.name()
                        + " needs (it has " + String.join(", ", have) + ")");
            }
            cols[j] = functions.col("`" + c.replace("`", "``") + "`").cast("double");
        }
        Broadcast<ModelBytes> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
        int d = m.dim();
        String[] names = m.columns();
        JavaRDD<Row> out = table.select(cols).javaRDD().mapPartitionsWithIndex((p, it) -> {
            List<Row> rows = new ArrayList<>();
            double[] x = new double[CHUNK * d];
            int k = 0;
            long seen = 0;
            while (it.hasNext()) {
                Row r = it.next();
                seen++;
                for (int j = 0; j < d; j++) {
                    if (r.isNullAt(j) || !Double.isFinite(r.getDouble(j))) {
                        throw new InputException("partition " + p + ", row " + seen + ": column '" + names[j]
                                + "' is " + (r.isNullAt(j) ? "null" : r.getDouble(j)) + "; nothing was written");
                    }
                    x[k * d + j] = r.getDouble(j);
                }
                if (++k == CHUNK || !it.hasNext()) {
                    ScoreModel mm = bc.value().model();
                    double[] y = f.apply(mm, Arrays.copyOf(x, k * d), k);
                    f.requireFinite(mm, y, seen - k + 1, "partition " + p);
                    addRows(rows, y, f.columns(mm).length);
                    k = 0;
                }
            }
            return rows.iterator();
        }, true);
        return spark.createDataFrame(out, SparkSampling.schema(f.columns(m)));
    }

    /**
     * {@code f} at every data row of the CSV file {@code csv} (read by Spark's tasks line by line, parsed with
     * {@link CsvRow}: {@code Csv.read}'s rules and messages, {@code flag} before them), in file order, flat
     * [n, outputs]. {@code pick} selects the model's columns in {@code header}; the header is the first non-blank
     * line. Errors (a poisoned row, an output that overflows) are one {@link InputException} naming the row.
     */
    public static double[] ofCsv(SparkSession spark, ModelBytes model, Path csv, String flag, String[] header, int[] pick,
                                 RowFunction f, int partitions) {
        long headerLine = headerLine(csv, flag);
        String file = csv.toString();
        String prefix = flag == null ? "" : flag + " ";
        Broadcast<ModelBytes> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
        JavaRDD<String> lines = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .textFile(csv.toAbsolutePath().toUri().toString(), partitions);
        JavaPairRDD<Tuple2<String, Long>, Long> data = lines.zipWithIndex()
                .filter(t -> t._2() + 1 > headerLine && !CsvRow.isBlank(t._1()))
                .zipWithIndex();
        List<double[]> blocks = TaskErrors.unwrap(() -> data.mapPartitions(it -> {
            ScoreModel m = bc.value().model();
            List<double[]> out = new ArrayList<>();
            double[] x = new double[CHUNK * pick.length];
            int k = 0;
            long first = 0;
            while (it.hasNext()) {
                Tuple2<Tuple2<String, Long>, Long> t = it.next();
                if (k == 0) {
                    first = t._2() + 1;
                }
                try {
                    CsvRow.parse(t._1()._1(), file, t._1()._2() + 1, header, pick, x, k * pick.length);
                } catch (InputException e) {
                    throw new InputException(prefix + e.getMessage(), e);
                }
                if (++k == CHUNK || !it.hasNext()) {
                    double[] y = f.apply(m, Arrays.copyOf(x, k * pick.length), k);
                    f.requireFinite(m, y, first, file);
                    out.add(y);
                    k = 0;
                }
            }
            return out.iterator();
        }).collect());
        int size = 0;
        for (double[] b : blocks) {
            size = Math.addExact(size, b.length);
        }
        if (size == 0) {
            throw new InputException(prefix + file + ": no data rows after the header (row " + headerLine + ")");
        }
        double[] all = new double[size];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return all;
    }

    /** The 1-based number of the first non-blank line (the header). */
    private static long headerLine(Path csv, String flag) {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (!CsvRow.isBlank(line)) {
                    return n;
                }
            }
            throw new InputException((flag == null ? "" : flag + " ") + csv + ": empty file, expected a header row");
        } catch (IOException e) {
            throw new InputException((flag == null ? "" : flag + " ") + csv + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void addRows(List<Row> rows, double[] y, int w) {
        for (int i = 0; i < y.length; i += w) {
            Object[] v = new Object[w];
            for (int j = 0; j < w; j++) {
                v[j] = y[i + j];
            }
            rows.add(RowFactory.create(v));
        }
    }
}
