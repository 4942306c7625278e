package io.score4j.comparison;

import io.score4j.metrics.BoostedTrees;
import io.score4j.metrics.TotalVariation;

/**
 * Every setting of a {@link Fidelity} check. The defaults ({@link #defaults(long)}) are what
 * {@code score4j eval} uses.
 *
 * @param c2st         whether to run the classifier two-sample test
 * @param c2stRows     most rows drawn per side for C2ST; default {@value #DEFAULT_C2ST_ROWS}
 * @param folds        cross-validation folds of C2ST; default {@value #DEFAULT_FOLDS}
 * @param trees        the C2ST classifier's settings; default {@link BoostedTrees.Config#defaults()}
 * @param dcrRows      most query rows per side (samples, held-out) for the distance to closest record, each
 *                     against every reference row; default {@value #DEFAULT_DCR_ROWS}
 * @param maxLevels    a reference column with at most this many distinct values is discrete (total variation),
 *                     else continuous (KS); default {@value #DEFAULT_MAX_LEVELS}
 * @param alpha        significance level of the per-column critical values; default {@value #DEFAULT_ALPHA}
 * @param permutations label permutations behind each total-variation critical value; default
 *                     {@value TotalVariation#DEFAULT_PERMUTATIONS}
 * @param seed         the seed every random choice derives from (see {@link Fidelity})
 */
public record FidelitySettings(boolean c2st, int c2stRows, int folds, BoostedTrees.Config trees, int dcrRows,
                               int maxLevels, double alpha, int permutations, long seed) {
    /** Default most rows per side for C2ST: 2·5000 rows, 5 folds of 100 trees, about a second on one core. */
    public static final int DEFAULT_C2ST_ROWS = 5000;
    /** Default C2ST folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** Default most query rows per side for DCR: 5000 queries × 5000 references × 14 columns ≈ 0.35 G flops. */
    public static final int DEFAULT_DCR_ROWS = 5000;
    /** Default most distinct values of a discrete column. */
    public static final int DEFAULT_MAX_LEVELS = 20;
    /** Default significance of the per-column critical values (as {@link ComparisonSettings#DEFAULT_KS_ALPHA}). */
    public static final double DEFAULT_ALPHA = ComparisonSettings.DEFAULT_KS_ALPHA;

    public FidelitySettings {
        if (c2stRows < 2 || folds < 2 || folds > c2stRows || trees == null || dcrRows < 1 || maxLevels < 1
                || !(alpha > 0 && alpha < 1) || permutations < 1
                || Math.ceil((1.0 - alpha) * (permutations + 1)) > permutations) {
            throw new IllegalArgumentException("fidelity settings need c2stRows >= folds >= 2, trees, dcrRows >= 1, "
                    + "maxLevels >= 1, alpha in (0, 1) and enough permutations for it, got " + this);
        }
    }

    /** The defaults with {@code seed}, C2ST on. */
    public static FidelitySettings defaults(long seed) {
        return new FidelitySettings(true, DEFAULT_C2ST_ROWS, DEFAULT_FOLDS, BoostedTrees.Config.defaults(),
                DEFAULT_DCR_ROWS, DEFAULT_MAX_LEVELS, DEFAULT_ALPHA, TotalVariation.DEFAULT_PERMUTATIONS, seed);
    }

    /** These settings with C2ST on or off. */
    public FidelitySettings withC2st(boolean on) {
        return new FidelitySettings(on, c2stRows, folds, trees, dcrRows, maxLevels, alpha, permutations, seed);
    }

    /** These settings with at most {@code rows} rows per side for C2ST. */
    public FidelitySettings withC2stRows(int rows) {
        return new FidelitySettings(c2st, rows, folds, trees, dcrRows, maxLevels, alpha, permutations, seed);
    }
}
