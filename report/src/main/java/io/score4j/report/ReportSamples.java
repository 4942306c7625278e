package io.score4j.report;

import io.score4j.InputException;
import io.score4j.data.ColumnMapping;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The samples a report compares with the data, in original units: read from a file or drawn by the
 * caller (the report never samples).
 *
 * @param points    the finite rows, flat [n, d] (rows with a non-finite entry are dropped and counted)
 * @param d         dimension
 * @param total     rows read or drawn, finite or not
 * @param nonFinite rows dropped because an entry was NaN or infinite (a diverged chain)
 * @param source    {@code file:<name>} or {@code drawn}
 * @param sampler   what drew them (kind, steps, step size, start box, ladder, seed, the equivalent
 *                  {@code score4j sample} command), empty for samples read from a file
 */
public record ReportSamples(double[] points, int d, int total, int nonFinite, String source, Map<String, Object> sampler) {
    public ReportSamples {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(source, "source");
        if (d < 1 || points.length % d != 0) {
            throw new IllegalArgumentException("points length " + points.length + " is not a multiple of d=" + d);
        }
        if (nonFinite < 0 || total != points.length / d + nonFinite) {
            throw new IllegalArgumentException("total " + total + " must equal finite rows " + points.length / d
                    + " + non-finite rows " + nonFinite);
        }
        points = points.clone();
        sampler = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sampler, "sampler")));
    }

    @Override
    public double[] points() {
        return points.clone();
    }

    /** Number of finite rows. */
    public int n() {
        return points.length / d;
    }

    /** Whether these samples were drawn by the report (and so are written to samples.csv). */
    public boolean drawn() {
        return !sampler.isEmpty();
    }

    /**
     * The samples in the CSV {@code file}: a column for each of the model's columns, found by name (as
     * {@code score4j sample} writes them; {@link NamedRows}); columns the model lacks are named to {@code notes}.
     *
     * @param owner whose columns they are, for messages, e.g. {@code the model m.safetensors}
     * @throws InputException naming --samples and the file for a missing column or fewer than 2 rows
     */
    public static ReportSamples read(Path file, ScoreModel model, String owner, Consumer<String> notes) {
        Dataset s = NamedRows.read(new NamedRows.Request("--samples", file, model.columns(), owner,
                ColumnMapping.byName(), "rename them in the file"), false, notes);
        InputException.require(s.n() >= 2, "--samples " + file, s.n() + " rows", "needs at least 2 rows");
        return new ReportSamples(s.values(), s.d(), s.n(), 0, "file:" + file.getFileName(), Map.of());
    }
}
