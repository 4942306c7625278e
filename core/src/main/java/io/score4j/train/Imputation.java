package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.random.Key;
import io.score4j.sampling.Given;

/**
 * Fills the missing cells of rows by sampling, row by row, p(missing | observed) with a model
 * ({@code score4j impute}). Row i of the input is particle i of one conditional run
 * ({@link ModelSampling#fromModel(ScoreModel, int, SamplingPlan, Key, ModelSampling.Progress, Given)}, a
 * {@link Given} of one row per particle): its start and its noise are keyed by i alone, so its result depends
 * only on its cells, i, the settings and the key — not on the other rows, nor on the thread count. Observed cells
 * come back exactly; a row with nothing missing is returned unchanged; a row with every cell missing gets a plain
 * sample of the model.
 */
public final class Imputation {
    private Imputation() {}

    /**
     * The sampler that imputes with {@code m}: {@code requested}, or the model's default
     * ({@link ModelSampling#defaultKind}); an {@link InputException} for {@code ode}, whose mean-path flow samples no
     * conditional.
     */
    public static io.score4j.sampling.SamplerKind sampler(ScoreModel m, io.score4j.sampling.SamplerKind requested) {
        io.score4j.sampling.SamplerKind kind = requested != null ? requested : ModelSampling.defaultKind(m);
        if (kind == io.score4j.sampling.SamplerKind.ODE) {
            throw new InputException("--sampler ode does not sample conditionals to impute with (its mean-path flow is "
                    + "more biased than pc, README); use --sampler pc or em (the replacement method, approximate; README)");
        }
        return kind;
    }

    /**
     * Refuses a fill in which {@code nonFinite} of the {@code rowsWithGaps} rows diverged, before anything is written;
     * {@code advice} says what to try (e.g. more steps).
     */
    public static void requireFinite(int nonFinite, int rowsWithGaps, String advice) {
        if (nonFinite > 0) {
            throw new InputException(nonFinite + " of " + rowsWithGaps + " filled rows are not finite (the chain "
                    + "diverged); try " + advice + ". Nothing was written.");
        }
    }

    /**
     * The rows with their gaps filled, in original units, flat [n, d] in the model's column order.
     *
     * @param values       the input, NaN where a cell is missing (no other changes)
     * @param rowsWithGaps rows that had at least one missing cell
     * @param emptyRows    rows whose every cell was missing (they got a plain sample)
     * @param cellsFilled  missing cells filled
     * @param nonFinite    rows whose sample is not finite (a diverged chain)
     */
    public record Result(double[] values, int rowsWithGaps, int emptyRows, long cellsFilled, int nonFinite) {}

    /**
     * Fills {@code rows} (the model's columns, NaN for a missing cell; an infinite cell is an
     * {@link InputException} starting with {@code where}, e.g. {@code --csv rows.csv}, and naming its data row
     * and column, counted from 1 after the header).
     */
    public static Result impute(ScoreModel m, Dataset rows, String where, SamplingPlan plan, Key key,
                                ModelSampling.Progress bar) {
        int n = rows.n();
        int d = rows.d();
        if (d != m.dim()) {
            throw new IllegalArgumentException("rows of d=" + d + " for a model of d=" + m.dim());
        }
        double[] x = rows.values();
        boolean[] mask = new boolean[x.length];
        double[] known = new double[x.length];
        int gaps = 0;
        int empty = 0;
        long missing = 0;
        for (int i = 0; i < n; i++) {
            int rowMissing = 0;
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                if (Double.isInfinite(v)) {
                    throw new InputException(where + ": data row " + (i + 1) + ", column '" + NamedRows.shown(rows.columns()[j])
                            + "': infinite value; leave a cell empty (or NA) to have it filled");
                }
                mask[i * d + j] = !Double.isNaN(v);
                known[i * d + j] = mask[i * d + j] ? v : 0;
                rowMissing += mask[i * d + j] ? 0 : 1;
            }
            gaps += rowMissing > 0 ? 1 : 0;
            empty += rowMissing == d ? 1 : 0;
            missing += rowMissing;
        }
        if (gaps == 0) {
            return new Result(x, 0, 0, 0, 0);
        }
        ModelSampling.Drawn drawn = ModelSampling.fromModel(m, n, plan, key, bar, new Given(d, mask, known));
        return new Result(drawn.points(), gaps, empty, missing, drawn.nonFinite());
    }
}
