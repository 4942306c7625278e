package io.score4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.data.Standardizer;
import io.score4j.io.AtomicFiles;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A sweep over training settings on Spark: the grid's runs ({@link SweepGrid}) train as tasks, one per partition
 * (at most {@code partitions} partitions, so that many runs at once), on one data set split once into training and
 * held-out rows ({@code holdout} of them, chosen by {@code seed}); each run is evaluated on the held-out rows
 * ({@link SweepTask}). The driver writes one table (one row per run, in grid order) and the model with the lowest
 * MMD²; the held-out log-likelihood joins when {@code logp} lands (see SweepTask's TODO).
 */
public final class Sweep {
    private Sweep() {}

    /** What a sweep produced: every run, and the best one's index (-1 when every run diverged). */
    public record Outcome(List<SweepGrid.Setting> settings, List<SweepTask.Result> results, int best, Path table,
                          Path model) {
        /** One line for the console. */
        public String summary() {
            if (best < 0) {
                return String.format(Locale.ROOT, "sweep: %d runs, all diverged; table written to %s", results.size(), table);
            }
            SweepTask.Result b = results.get(best);
            return String.format(Locale.ROOT, "sweep: %d runs; best run %d (%s): MMD² %.5g, held-out loss %.5g; table "
                    + "written to %s, model to %s", results.size(), best + 1, describe(settings.get(best)), b.mmd2(),
                    b.heldOutLoss(), table, model);
        }
    }

    /**
     * Runs the sweep and writes {@code table} (CSV) and {@code model} (the best run's, when one did not diverge),
     * each atomically, after every run finished (a failed task leaves neither).
     */
    public static Outcome run(SparkSession spark, List<SweepGrid.Setting> settings, Path csv, double holdout,
                              int samples, long seed, int partitions, Path table, Path model) {
        SweepTask.Data data = split(NamedRows.withFlag("--csv", () -> Csv.read(csv)), csv.toString(), holdout, samples,
                seed);
        for (SweepGrid.Setting s : settings) {
            int batch = SweepTask.spec(s, data).batch();
            if (batch > data.trainRows()) {
                throw new InputException("--grid run " + (s.index() + 1) + ": batch " + batch + " exceeds the "
                        + data.trainRows() + " training rows");
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SweepTask.Data> bc = jsc.broadcast(data);
        List<SweepTask.Result> results = TaskErrors.unwrap(() -> jsc.parallelize(settings,
                Math.max(1, Math.min(partitions, settings.size()))).map(s -> SweepTask.run(s, bc.value())).collect());
        int best = -1;
        for (SweepTask.Result r : results) {
            if (!Double.isNaN(r.mmd2()) && r.model() != null && (best < 0 || r.mmd2() < results.get(best).mmd2())) {
                best = r.index();
            }
        }
        try {
            Files.createDirectories(table.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new InputException(table.getParent() + ": cannot create: " + e.getMessage(), e);
        }
        if (best >= 0) {
            AtomicFiles.writeBytes(model, results.get(best).model());
        }
        AtomicFiles.writeString(table, table(settings, results));
        return new Outcome(settings, results, best, table, model);
    }

    /** Splits the rows: {@code round(holdout·n)} held out (at least 2), chosen by {@code seed}; both parts in file order. */
    static SweepTask.Data split(Dataset all, String description, double holdout, int samples, long seed) {
        int n = all.n();
        int d = all.d();
        int h = (int) Math.round(holdout * n);
        if (h < 2 || n - h < 2) {
            throw new InputException("--holdout " + holdout + " of " + n + " rows leaves " + h + " held-out and " + (n - h)
                    + " training rows; each part needs at least 2");
        }
        boolean[] held = new boolean[n];
        for (int i : Draw.choice(Key.of(seed).split(5)[0], n, h)) {
            held[i] = true;
        }
        double[] train = new double[(n - h) * d];
        double[] test = new double[h * d];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (held[i]) {
                System.arraycopy(all.values(), i * d, test, d * b++, d);
            } else {
                System.arraycopy(all.values(), i * d, train, d * a++, d);
            }
        }
        Dataset trainRows = new Dataset(all.columns(), n - h, d, train);
        Standardizer st = Standardizer.fit(trainRows);
        return new SweepTask.Data(all.columns(), st.mean(), st.std(), st.apply(trainRows).toFloatArray(), n - h, test, h,
                description + " (training rows)", samples, seed);
    }

    /** The table: run, the grid's keys, status, steps, train_loss, heldout_loss, mmd2, seconds. */
    static String table(List<SweepGrid.Setting> settings, List<SweepTask.Result> results) {
        List<String> keys = new ArrayList<>(settings.get(0).values().keySet());
        StringBuilder b = new StringBuilder("run,").append(String.join(",", keys))
                .append(",status,steps,train_loss,heldout_loss,mmd2,seconds\n");
        for (SweepTask.Result r : results) {
            b.append(r.index() + 1);
            for (String k : keys) {
                b.append(',').append(cell(settings.get(r.index()).values().get(k)));
            }
            b.append(',').append(r.status()).append(',').append(r.steps()).append(',').append(r.trainLoss()).append(',')
                    .append(r.heldOutLoss()).append(',').append(r.mmd2()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.seconds())).append('\n');
        }
        return b.toString();
    }

    /** A setting's value as one CSV cell: a list of widths as 64x64, text as it is. */
    private static String cell(JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join("x", parts);
        }
        return v.asText();
    }

    private static String describe(SweepGrid.Setting s) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : s.values().entrySet()) {
            parts.add(e.getKey() + "=" + cell(e.getValue()));
        }
        return String.join(", ", parts);
    }
}
