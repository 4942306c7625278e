package io.score4j.train;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.likelihood.LikelihoodResult;
import io.score4j.likelihood.LikelihoodSettings;
import io.score4j.likelihood.Trace;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The held-out log-likelihood of reference rows under a score SDE model, as {@code eval --model} and
 * {@code report} show it: mean log p (nats per row, in the data's original units, {@link ModelLikelihood}) with
 * its standard error, and the same per dimension (divided by d). Each row costs one probability-flow ODE solve
 * (RK45, rtol = atol = 1e-5, ε = 1e-5, exact trace for d ≤ {@value Trace#EXACT_MAX_DIM}, else one Rademacher
 * Hutchinson probe keyed by {@code seed}), several hundred score and divergence evaluations, so at most
 * {@code maxRows} rows are used: when the reference has more, the evenly spaced rows ⌊i·n/maxRows⌋,
 * i = 0 … maxRows − 1 (deterministic; the count is reported).
 *
 * @param rows          rows whose log p was computed (≤ referenceRows)
 * @param referenceRows rows the reference has
 * @param d             dimension
 * @param meanPerRow    mean log p over the rows, nats
 * @param standardError its standard error (sample std / √rows; NaN below 2 rows)
 * @param meanNfe       mean ODE evaluations per row
 * @param trueMeanPerRow mean log density of the same rows under the data's true mixture (NaN when unknown)
 * @param seconds       wall-clock seconds the solves took
 */
public record HeldOutLikelihood(int rows, int referenceRows, int d, double meanPerRow, double standardError,
                                double meanNfe, double trueMeanPerRow, double seconds) {
    /**
     * Rows used by default ({@code --logp-rows}): measured 0.14 s per row (mean NFE 815) for a 2-D model of the
     * default dsm recipe on 2 busy cores, so about 40 s; the standard error is then about 0.09 nats per row for
     * data whose log p spreads by 1.4.
     */
    public static final int DEFAULT_MAX_ROWS = 256;

    public HeldOutLikelihood {
        if (rows < 1 || referenceRows < rows || d < 1) {
            throw new IllegalArgumentException("need 1 <= rows <= referenceRows and d >= 1, got " + rows + ", "
                    + referenceRows + ", " + d);
        }
    }

    /**
     * log p of {@code x} (flat [n, d], original units, not modified) under {@code model}, on at most
     * {@code maxRows} evenly spaced rows; {@code truth}, when not null, is also evaluated on them.
     *
     * @throws io.score4j.InputException when the model is not a score SDE model (naming {@code source})
     */
    public static HeldOutLikelihood of(ScoreModel model, String source, double[] x, int d, int maxRows,
                                       GaussianMixture truth, long seed, Parallelism parallelism) {
        Objects.requireNonNull(x, "x");
        TableTraining.requireNotTable(model, source, "a held-out log-likelihood");
        if (d != model.dim() || x.length % d != 0 || x.length == 0 || maxRows < 1) {
            throw new IllegalArgumentException("need rows of the model's d=" + model.dim() + " and maxRows >= 1, got "
                    + x.length + " values of d=" + d + ", maxRows " + maxRows);
        }
        int n = x.length / d;
        int[] picked = subsample(n, maxRows);
        double[] rows = new double[picked.length * d];
        for (int k = 0; k < picked.length; k++) {
            System.arraycopy(x, picked[k] * d, rows, k * d, d);
        }
        long t0 = System.nanoTime();
        LikelihoodResult r = ModelLikelihood.logp(model, source, Trace.defaultFor(d, seed), rows,
                LikelihoodSettings.defaults(), parallelism);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double nfe = 0;
        for (int v : r.nfe()) {
            nfe += v;
        }
        double truthMean = Double.NaN;
        if (truth != null) {
            truthMean = 0;
            for (int k = 0; k < picked.length; k++) {
                truthMean += truth.logDensity(rows, k * d);
            }
            truthMean /= picked.length;
        }
        return new HeldOutLikelihood(picked.length, n, d, r.meanLogp(), r.standardError(), nfe / picked.length,
                truthMean, seconds);
    }

    /** The rows used of n when at most {@code max} are: all, or ⌊i·n/max⌋ for i = 0 … max − 1 (distinct, ascending). */
    public static int[] subsample(int n, int max) {
        int k = Math.min(n, max);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = (int) ((long) i * n / k);
        }
        return idx;
    }

    /** Mean log p per dimension, nats. */
    public double perDimension() {
        return meanPerRow / d;
    }

    /** The standard error of {@link #perDimension}. */
    public double standardErrorPerDimension() {
        return standardError / d;
    }

    /** Whether fewer rows than the reference has were used. */
    public boolean subsampled() {
        return rows < referenceRows;
    }

    /**
     * One line: {@code held-out logp -2.8312 nats/row (se 0.0561), -1.4156 per dim (se 0.0281), 500 of 10000 rows
     * (evenly spaced), mean NFE 850, 21.3 s}, with {@code ; true density -2.80} when known.
     */
    public String summary() {
        return String.format(Locale.ROOT, "held-out logp %.4f nats/row (se %.4f), %.4f per dim (se %.4f), %d of %d rows%s, "
                        + "mean NFE %.0f, %.1f s%s", meanPerRow, standardError, perDimension(), standardErrorPerDimension(),
                rows, referenceRows, subsampled() ? " (evenly spaced)" : "", meanNfe, seconds,
                Double.isNaN(trueMeanPerRow) ? "" : String.format(Locale.ROOT, "; true density %.4f nats/row", trueMeanPerRow));
    }

    /** The numbers as a JSON object (keys in this order; NaN as null; not the seconds, so same inputs, same bytes). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logp_per_row", meanPerRow);
        m.put("logp_per_row_se", finite(standardError));
        m.put("logp_per_dim", perDimension());
        m.put("logp_per_dim_se", finite(standardErrorPerDimension()));
        m.put("rows", rows);
        m.put("reference_rows", referenceRows);
        m.put("subsample", subsampled() ? "evenly spaced" : "all");
        m.put("mean_nfe", meanNfe);
        m.put("true_logp_per_row", finite(trueMeanPerRow));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
