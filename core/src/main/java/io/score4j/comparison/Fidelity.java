package io.score4j.comparison;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.metrics.ClassifierTwoSample;
import io.score4j.metrics.ClosestRecord;
import io.score4j.metrics.ColumnStats;
import io.score4j.metrics.KolmogorovSmirnov;
import io.score4j.metrics.TotalVariation;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fidelity and privacy of synthetic rows against the real (reference, training) rows: a two-sample
 * test per column (total variation with a permutation critical value for discrete columns, KS for
 * continuous ones), the classifier two-sample test (C2ST) and the distance to closest record (DCR),
 * beside the same for held-out real rows when given.
 *
 * <pre>{@code
 * FidelityResult f = Fidelity.compare(synthetic, training, holdout, FidelitySettings.defaults(0), Parallelism.available());
 * }</pre>
 *
 * <p>Sample rows with a NaN or infinite entry are left out (as in {@link Comparison}). Columns are
 * compared by position. Every random choice derives from {@code root = Key.of(settings.seed()).fold(}{@value
 * #STREAM}{@code )}: {@code root.child(0).child(j)} permutes column j's labels, {@code child(1)} and
 * {@code child(2)} drive the C2ST of the samples and of the held-out rows, {@code child(3)} and
 * {@code child(4)} subsample the samples and held-out rows for DCR. The result depends only on the inputs
 * and the settings, not on the thread count.
 *
 * <p>Cost for 5000 × 14 on each side: the column tests O(P·(n + m)) per discrete column; C2ST 5 fits of
 * 100 depth-3 trees on 8000 rows (O(rounds·depth·n·d) ≈ 0.3 G simple operations); DCR
 * 5000 × 5000 × 14 ≈ 0.35 G multiply-adds (less with the early exit), memory O((n + m)·d).
 */
public final class Fidelity {
    /** The fold-in constant of the check's key stream. */
    public static final long STREAM = 0x666964656C6974L;

    private Fidelity() {}

    /**
     * Checks {@code samples} (shape [n, d], non-finite rows dropped, at least 1 finite) against the
     * reference rows {@code reference} (finite, at least 2, dimension d) and, if not null, the held-out
     * real rows {@code holdout} (finite, dimension d). Nothing is modified.
     *
     * @throws IllegalArgumentException if the dimensions differ, a side has too few rows or the reference is not finite
     */
    public static FidelityResult compare(Dataset samples, Dataset reference, Dataset holdout, FidelitySettings settings,
                                         Parallelism par) {
        int d = reference.d();
        if (samples.d() != d || (holdout != null && holdout.d() != d)) {
            throw new IllegalArgumentException("fidelity needs one dimension, got samples d=" + samples.d()
                    + ", reference d=" + d + (holdout == null ? "" : ", holdout d=" + holdout.d()));
        }
        new Reference.Rows(reference);   // checks: finite, at least 2 rows
        double[] x = ColumnStats.finiteRows(samples.values(), d);
        if (x.length == 0) {
            throw new IllegalArgumentException("fidelity needs at least one finite sample row");
        }
        double[] ref = reference.values();
        Key[] keys = Key.of(settings.seed()).fold(STREAM).split(5);
        List<FidelityResult.ColumnCheck> columns = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            columns.add(check(reference.columns()[j], column(x, d, j), reference.column(j), settings,
                    keys[0].child(j)));
        }
        ClassifierTwoSample.Result c2st = c2st(ref, x, d, settings, keys[1], par);
        ClassifierTwoSample.Result holdoutC2st = holdout == null || c2st == null ? null
                : c2st(ref, holdout.values(), d, settings, keys[2], par);
        double[] scale = ColumnStats.stds(ref, d);
        FidelityResult.Dcr samplesDcr = dcr(x, ref, d, scale, settings.dcrRows(), keys[3], par);
        FidelityResult.Dcr holdoutDcr = holdout == null || holdout.n() == 0 ? null
                : dcr(holdout.values(), ref, d, scale, settings.dcrRows(), keys[4], par);
        return new FidelityResult(settings, columns, c2st, holdoutC2st, samplesDcr, holdoutDcr);
    }

    private static FidelityResult.ColumnCheck check(String name, double[] s, double[] r, FidelitySettings settings,
                                                    Key key) {
        int levels = TotalVariation.levels(r);
        if (levels > settings.maxLevels()) {
            return new FidelityResult.ColumnCheck(name, false, levels, KolmogorovSmirnov.twoSample(s, r),
                    KolmogorovSmirnov.criticalTwoSample(s.length, r.length, settings.alpha()), Double.NaN);
        }
        double[] values = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            values[i] = r[i] + 0.0;   // −0.0 and 0.0 are one value
        }
        Arrays.sort(values);
        int off = 0;
        for (double v : s) {
            off += Arrays.binarySearch(values, v + 0.0) >= 0 ? 0 : 1;
        }
        return new FidelityResult.ColumnCheck(name, true, levels, TotalVariation.distance(s, r),
                TotalVariation.permutationCritical(s, r, settings.alpha(), settings.permutations(), key),
                (double) off / s.length);
    }

    private static ClassifierTwoSample.Result c2st(double[] real, double[] other, int d, FidelitySettings settings,
                                                   Key key, Parallelism par) {
        int m = Math.min(settings.c2stRows(), Math.min(real.length, other.length) / d);
        if (!settings.c2st() || m < settings.folds()) {
            return null;
        }
        return ClassifierTwoSample.test(real, other, d, settings.c2stRows(), settings.folds(), settings.trees(), key,
                par);
    }

    private static FidelityResult.Dcr dcr(double[] rows, double[] ref, int d, double[] scale, int cap, Key key,
                                          Parallelism par) {
        int n = rows.length / d;
        double[] queries = rows;
        if (n > cap) {
            int[] pick = Draw.choice(key, n, cap);
            queries = new double[cap * d];
            for (int i = 0; i < cap; i++) {
                System.arraycopy(rows, pick[i] * d, queries, i * d, d);
            }
        }
        double[] distances = ClosestRecord.distances(queries, ref, d, scale, par);
        return new FidelityResult.Dcr(n, queries.length / d, ClosestRecord.median(distances),
                ClosestRecord.medianStandardError(distances), ClosestRecord.exactCopies(rows, ref, d));
    }

    private static double[] column(double[] v, int d, int j) {
        double[] c = new double[v.length / d];
        for (int i = 0; i < c.length; i++) {
            c[i] = v[i * d + j];
        }
        return c;
    }
}
