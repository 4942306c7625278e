package io.score4j.metrics;

import io.score4j.Parallelism;
import io.score4j.random.Draw;
import io.score4j.random.Key;

/**
 * The classifier two-sample test (C2ST; Lopez-Paz and Oquab, 2017): how well a classifier tells rows
 * of sample a (class 0, the real rows) from rows of sample b (class 1, the synthetic rows). Balanced
 * classes: m = min(n_a, n_b, cap) rows are drawn without replacement from each side, so chance is
 * exactly ½; stratified k-fold cross-validation predicts every one of the 2m rows once with a
 * {@link BoostedTrees} model fitted on the other folds, and the accuracy is the fraction predicted
 * right. 0.5 means indistinguishable, 1 perfectly separable.
 *
 * <p>The standard error is the binomial √(acc(1 − acc)/(2m)); under the null (one distribution) the
 * accuracy is about ½ ± ½/√(2m). Keys: {@code key.child(0)} and {@code child(1)} pick the rows of a and
 * b, {@code child(2)} and {@code child(3)} shuffle each class into folds. Folds run in parallel, each
 * writing its own count, so the result does not depend on the thread count. Cost: k fits of
 * rounds·depth·O(2m·d) plus the binning's O(2m·d·log m).
 */
public final class ClassifierTwoSample {
    private ClassifierTwoSample() {}

    /**
     * The outcome.
     *
     * @param accuracy      cross-validated accuracy, in [0, 1]
     * @param standardError binomial standard error of the accuracy
     * @param rowsPerSide   m, rows drawn from each side
     * @param folds         k
     */
    public record Result(double accuracy, double standardError, int rowsPerSide, int folds) {
        public Result {
            if (!(accuracy >= 0 && accuracy <= 1) || rowsPerSide < 1 || folds < 2) {
                throw new IllegalArgumentException("C2ST result needs accuracy in [0, 1], rows >= 1, folds >= 2, got "
                        + accuracy + ", " + rowsPerSide + ", " + folds);
            }
        }

        /** ½/√(2m): the accuracy's standard error when the two sides follow one distribution. */
        public double nullStandardError() {
            return 0.5 / Math.sqrt(2.0 * rowsPerSide);
        }
    }

    /**
     * Runs the test on a (flat [n_a, d]) against b (flat [n_b, d]), both finite.
     *
     * @param cap   most rows drawn per side, ≥ folds
     * @param folds k ≥ 2, at most the rows per side
     */
    public static Result test(double[] a, double[] b, int d, int cap, int folds, BoostedTrees.Config config, Key key,
                              Parallelism par) {
        int na = Checks.rows(a, d, "a");
        int nb = Checks.rows(b, d, "b");
        int m = Math.min(cap, Math.min(na, nb));
        if (folds < 2 || m < folds) {
            throw new IllegalArgumentException("C2ST needs folds >= 2 and at least that many rows per side, got " + folds
                    + " folds and " + m + " rows");
        }
        double[] x = new double[2 * m * d];
        int[] y = new int[2 * m];
        int[] fold = new int[2 * m];
        place(a, d, Draw.choice(key.child(0), na, m), x, 0);
        place(b, d, Draw.choice(key.child(1), nb, m), x, m);
        int[] order0 = Draw.choice(key.child(2), m, m);
        int[] order1 = Draw.choice(key.child(3), m, m);
        for (int r = 0; r < m; r++) {
            y[m + r] = 1;
            fold[order0[r]] = r % folds;
            fold[m + order1[r]] = r % folds;
        }
        int[] correct = new int[folds];
        par.forEach(folds, f -> correct[f] = correctInFold(x, y, fold, f, d, config));
        int total = 0;
        for (int c : correct) {
            total += c;
        }
        double acc = total / (2.0 * m);
        return new Result(acc, Math.sqrt(acc * (1.0 - acc) / (2.0 * m)), m, folds);
    }

    private static int correctInFold(double[] x, int[] y, int[] fold, int f, int d, BoostedTrees.Config config) {
        int rows = y.length;
        int held = 0;
        for (int i = 0; i < rows; i++) {
            held += fold[i] == f ? 1 : 0;
        }
        double[] trainX = new double[(rows - held) * d];
        int[] trainY = new int[rows - held];
        double[] testX = new double[held * d];
        int[] testY = new int[held];
        int tr = 0;
        int te = 0;
        for (int i = 0; i < rows; i++) {
            if (fold[i] == f) {
                System.arraycopy(x, i * d, testX, te * d, d);
                testY[te++] = y[i];
            } else {
                System.arraycopy(x, i * d, trainX, tr * d, d);
                trainY[tr++] = y[i];
            }
        }
        double[] margin = BoostedTrees.fit(trainX, d, trainY, config).margins(testX);
        int correct = 0;
        for (int i = 0; i < held; i++) {
            correct += (margin[i] > 0) == (testY[i] == 1) ? 1 : 0;
        }
        return correct;
    }

    private static void place(double[] src, int d, int[] rows, double[] dst, int firstRow) {
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(src, rows[r] * d, dst, (firstRow + r) * d, d);
        }
    }
}
