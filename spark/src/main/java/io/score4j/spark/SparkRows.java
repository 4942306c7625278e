package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.data.CsvRow;
import io.score4j.train.ScoreModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A {@link RowFunction} of a model (the score; logp once it lands) over the rows of a table, as {@code mapPartitions}
 * over the model broadcast once as its safetensors bytes ({@link ModelBytes}). Each partition evaluates its rows in
 * chunks of {@value #CHUNK} (row-wise network passes: the chunking does not change a bit).
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
        String[] names = m.columns();
        JavaRDD<Row> out = table.select(cols).javaRDD()
                .mapPartitionsWithIndex((p, it) -> tableRows(bc.value().model(), names, f, p, it), true);
        return spark.createDataFrame(out, SparkSampling.schema(f.columns(m)));
    }

    /** One partition of {@link #apply}: the rows of {@code it} through {@code f}, in chunks. */
    private static Iterator<Row> tableRows(ScoreModel m, String[] names, RowFunction f, int p, Iterator<Row> it) {
        int d = names.length;
        List<Row> rows = new ArrayList<>();
        double[] x = new double[CHUNK * d];
        int k = 0;
        long seen = 0;
        while (it.hasNext()) {
            Row r = it.next();
            seen++;
            for (int j = 0; j < d; j++) {
                if (r.isNullAt(j) || !Double.isFinite(r.getDouble(j))) {
                    throw new InputException("partition " + p + ", row " + seen + ": column '" + names[j] + "' is "
                            + (r.isNullAt(j) ? "null" : r.getDouble(j)) + "; nothing was written");
                }
                x[k * d + j] = r.getDouble(j);
            }
            if (++k == CHUNK || !it.hasNext()) {
                double[] y = f.apply(m, Arrays.copyOf(x, k * d), k);
                f.requireFinite(m, y, seen - k + 1, "partition " + p);
                int w = y.length / k;
                for (int i = 0; i < y.length; i += w) {
                    Object[] v = new Object[w];
                    for (int j = 0; j < w; j++) {
                        v[j] = y[i + j];
                    }
                    rows.add(RowFactory.create(v));
                }
                k = 0;
            }
        }
        return rows.iterator();
    }

    /** What a task needs to read its lines of a CSV file: the header and the picked columns, names for messages. */
    record CsvLayout(String file, String prefix, long headerLine, String[] header, int[] pick) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * {@code f} at every data row of the CSV file {@code csv} (read by Spark's tasks line by line, parsed with
     * {@link CsvRow}: {@code Csv.read}'s rules and messages, {@code flag} before them), in file order, flat
     * [n, outputs]. {@code pick} selects the model's columns in {@code header}; the header is the first non-blank
     * line. Two passes over the file: one counts each partition's lines and data rows (so every task knows its
     * first line and data row), one parses and evaluates. Errors (a poisoned row, an output that overflows) are
     * one {@link InputException} naming the row.
     */
    public static double[] ofCsv(SparkSession spark, ModelBytes model, Path csv, String flag, String[] header, int[] pick,
                                 RowFunction f, int partitions) {
        String prefix = flag == null ? "" : flag + " ";
        CsvLayout layout = new CsvLayout(csv.toString(), prefix, headerLine(csv, prefix), header, pick);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ModelBytes> bc = jsc.broadcast(model);
        JavaRDD<String> lines = jsc.textFile(csv.toAbsolutePath().toUri().toString(), partitions);
        List<long[]> counts = lines.mapPartitionsWithIndex((p, it) -> {
            long all = 0;
            long nonBlank = 0;
            for (; it.hasNext(); all++) {
                nonBlank += CsvRow.isBlank(it.next()) ? 0 : 1;
            }
            return List.of(new long[] {p, all, nonBlank}).iterator();
        }, true).collect();
        long[][] offsets = offsets(counts, layout.headerLine());
        List<double[]> blocks = TaskErrors.unwrap(() -> lines.mapPartitionsWithIndex((p, it) -> csvRows(
                bc.value().model(), f, layout, offsets[p][0], offsets[p][1], it), true).collect());
        if (offsets[offsets.length - 1][1] == 0) {
            throw new InputException(prefix + csv + ": no data rows after the header (row " + layout.headerLine() + ")");
        }
        int size = 0;
        for (double[] b : blocks) {
            size = Math.addExact(size, b.length);
        }
        double[] all = new double[size];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return all;
    }

    /**
     * Per partition p: {first line number − 1, first data row − 1}; a last entry holds the totals. Data rows are the
     * non-blank lines after the header (the first non-blank line, {@code headerLine}).
     */
    static long[][] offsets(List<long[]> counts, long headerLine) {
        long[][] out = new long[counts.size() + 1][2];
        long line = 0;
        long data = 0;
        for (long[] c : counts) {
            int p = (int) c[0];
            out[p][0] = line;
            out[p][1] = data;
            boolean holdsHeader = headerLine > line && headerLine <= line + c[1];
            line += c[1];
            data += c[2] - (holdsHeader ? 1 : 0);
        }
        out[counts.size()][0] = line;
        out[counts.size()][1] = data;
        return out;
    }

    /** One partition of {@link #ofCsv}: lines after {@code lineBase} (rows counted from {@code rowBase}), in chunks. */
    private static Iterator<double[]> csvRows(ScoreModel m, RowFunction f, CsvLayout layout, long lineBase, long rowBase,
                                              Iterator<String> it) {
        int w = layout.pick().length;
        List<double[]> out = new ArrayList<>();
        double[] x = new double[CHUNK * w];
        int k = 0;
        long line = lineBase;
        long row = rowBase;
        while (it.hasNext()) {
            String text = it.next();
            line++;
            if (line > layout.headerLine() && !CsvRow.isBlank(text)) {
                row++;
                try {
                    CsvRow.parse(text, layout.file(), line, layout.header(), layout.pick(), x, k * w);
                } catch (InputException e) {
                    throw new InputException(layout.prefix() + e.getMessage(), e);
                }
                k++;
            }
            if (k > 0 && (k == CHUNK || !it.hasNext())) {
                double[] y = f.apply(m, Arrays.copyOf(x, k * w), k);
                f.requireFinite(m, y, row - k + 1, layout.file());
                out.add(y);
                k = 0;
            }
        }
        return out.iterator();
    }

    /** The 1-based number of the first non-blank line (the header). */
    private static long headerLine(Path csv, String prefix) {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (!CsvRow.isBlank(line)) {
                    return n;
                }
            }
            throw new InputException(prefix + csv + ": empty file, expected a header row");
        } catch (IOException e) {
            throw new InputException(prefix + csv + ": cannot read: " + e.getMessage(), e);
        }
    }
}
