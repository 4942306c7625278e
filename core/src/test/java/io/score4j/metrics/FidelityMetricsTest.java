package io.score4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.density.Normal;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

/** Total variation, distance to closest record and the classifier two-sample test against known answers. */
class FidelityMetricsTest {
    @Test
    void totalVariationOfIdenticalIsZeroOfDisjointIsOneAndOfAKnownPairExact() {
        double[] a = {0, 1, 2, 2, 1, 0, -0.0};
        assertEquals(0.0, TotalVariation.distance(a, a.clone()), 0.0);
        assertEquals(1.0, TotalVariation.distance(new double[] {0, 1, 1}, new double[] {2, 3}), 0.0);
        // p_a = (½, ½), p_b = (¼, ¾): TV = ½(¼ + ¼)
        assertEquals(0.25, TotalVariation.distance(new double[] {0, 0, 1, 1}, new double[] {0, 1, 1, 1}), 1e-15);
        assertEquals(0.0, TotalVariation.distance(new double[] {0.0}, new double[] {-0.0}), 0.0, "−0.0 is 0.0");
        assertEquals(3, TotalVariation.levels(new double[] {5, 1, 5, 2}));
    }

    /**
     * Under the null the permutation test rejects with probability ≤ α: over T trials of two samples of
     * one categorical law, the rejection rate stays below α + 3·√(α(1 − α)/T); and it rejects a shift of
     * 0.3 in one category's probability almost always (TV 0.3 ≫ the ≈ 0.1 critical value at n = m = 300).
     */
    @Test
    void permutationCriticalHoldsItsLevelAndDetectsAShift() {
        double alpha = 0.1;
        int trials = 200;
        int rejected = 0;
        for (int t = 0; t < trials; t++) {
            double[] a = categorical(Key.of(t), 300, 0.2, 0.3);
            double[] b = categorical(Key.of(1000 + t), 300, 0.2, 0.3);
            double crit = TotalVariation.permutationCritical(a, b, alpha, 99, Key.of(5000 + t));
            rejected += TotalVariation.distance(a, b) >= crit ? 1 : 0;
        }
        assertTrue(rejected / (double) trials <= alpha + 3 * Math.sqrt(alpha * (1 - alpha) / trials), "rate " + rejected);
        double[] a = categorical(Key.of(1), 300, 0.2, 0.3);
        double[] b = categorical(Key.of(2), 300, 0.5, 0.0);
        assertTrue(TotalVariation.distance(a, b) > TotalVariation.permutationCritical(a, b, 0.05, 199, Key.of(3)));
    }

    @Test
    void closestRecordOfCopiesIsZeroAndCountedAndDistancesAreScaled() {
        double[] records = {0, 0, 3, 4, 1, 1};
        double[] queries = {3, 4, 0, 1, -0.0, 0.0};
        double[] dcr = ClosestRecord.distances(queries, records, 2, new double[] {1, 1}, Parallelism.single());
        assertArrayEquals(new double[] {0, 1, 0}, dcr, 0.0);
        assertEquals(2, ClosestRecord.exactCopies(queries, records, 2), "(3, 4) and (−0, 0) are copies");
        double[] scaled = ClosestRecord.distances(new double[] {0, 1}, records, 2, new double[] {1, 2},
                Parallelism.single());
        assertEquals(0.5, scaled[0], 0.0, "the unit gap in column 1 is half a scale");
        assertEquals(1.0, ClosestRecord.distances(new double[] {1, 0}, new double[] {0, 0}, 2, new double[] {0, 1},
                Parallelism.single())[0], 0.0, "a zero scale counts as 1");
        assertEquals(2.5, ClosestRecord.median(new double[] {4, 1, 2, 3}), 0.0);
        // the median's standard error against 1/(2 f(m) √n): uniform f(½) = 1, normal f(0) = 1/√(2π)
        double[] u = new double[10000];
        for (int i = 0; i < u.length; i++) {
            u[i] = Key.of(21).uniform(i);
        }
        assertEquals(1 / (2 * Math.sqrt(u.length)), ClosestRecord.medianStandardError(u), 0.1 / (2 * Math.sqrt(u.length)));
        double[] z = Draw.normalDouble(Key.of(22), 4000);
        assertEquals(Math.sqrt(2 * Math.PI) / (2 * Math.sqrt(z.length)), ClosestRecord.medianStandardError(z),
                0.1 * Math.sqrt(2 * Math.PI) / (2 * Math.sqrt(z.length)));
        assertTrue(Double.isNaN(ClosestRecord.medianStandardError(new double[] {1})));
    }

    @Test
    void closestRecordIsTheSameWhateverTheThreadCount() {
        double[] recs = Draw.normalDouble(Key.of(1), 3000);
        double[] q = Draw.normalDouble(Key.of(2), 1500);
        double[] scale = {1, 2, 0.5};
        double[] one = ClosestRecord.distances(q, recs, 3, scale, Parallelism.single());
        double[] four = ClosestRecord.distances(q, recs, 3, scale, Parallelism.of(4));
        assertArrayEquals(one, four, 0.0);
        double brute = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 1000; r++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                double diff = (q[7 * 3 + j] - recs[r * 3 + j]) / scale[j];
                s += diff * diff;
            }
            brute = Math.min(brute, Math.sqrt(s));
        }
        assertEquals(brute, one[7], 1e-12, "brute-force nearest record");
    }

    /** Two samples of one law: the accuracy is within 3 null standard errors (½/√(2m)) of ½. */
    @Test
    void c2stOfOneDistributionIsAboutOneHalf() {
        double[] a = correlated(Key.of(10), 1500, 0.6);
        double[] b = correlated(Key.of(11), 1500, 0.6);
        ClassifierTwoSample.Result r = ClassifierTwoSample.test(a, b, 2, 5000, 5, BoostedTrees.Config.defaults(),
                Key.of(0), Parallelism.single());
        assertEquals(1500, r.rowsPerSide());
        assertEquals(0.5, r.accuracy(), 3 * r.nullStandardError(), "accuracy " + r.accuracy());
    }

    @Test
    void c2stOfSeparatedSamplesIsAboutOneAndSeesOffGridValuesAndCorrelation() {
        double[] a = correlated(Key.of(12), 600, 0.0);
        double[] far = correlated(Key.of(13), 600, 0.0);
        for (int i = 0; i < far.length; i += 2) {
            far[i] += 10;
        }
        ClassifierTwoSample.Result sep = ClassifierTwoSample.test(a, far, 2, 5000, 5, BoostedTrees.Config.defaults(),
                Key.of(1), Parallelism.single());
        assertTrue(sep.accuracy() > 0.99, "10-σ shift: " + sep.accuracy());
        double[] binary = new double[1200];
        double[] spread = new double[1200];
        double[] u = Draw.uniformDouble(Key.of(14), 1200, 0, 1);
        for (int i = 0; i < 1200; i++) {
            binary[i] = u[i] < 0.5 ? 0 : 1;
            spread[i] = binary[i] == 0 ? 0.01 * u[i] : 1 - 0.01 * u[i];   // same halves, values off the grid
        }
        ClassifierTwoSample.Result grid = ClassifierTwoSample.test(onlyColumn(binary), onlyColumn(spread), 1, 5000, 5,
                BoostedTrees.Config.defaults(), Key.of(2), Parallelism.single());
        assertTrue(grid.accuracy() > 0.95, "values off the data's grid: " + grid.accuracy());
        ClassifierTwoSample.Result corr = ClassifierTwoSample.test(correlated(Key.of(15), 1500, 0.9),
                correlated(Key.of(16), 1500, -0.9), 2, 5000, 5, BoostedTrees.Config.defaults(), Key.of(3),
                Parallelism.single());
        assertTrue(corr.accuracy() > 0.8, "ρ = 0.9 against ρ = −0.9 with equal marginals: " + corr.accuracy());
    }

    @Test
    void c2stIsTheSameWhateverTheThreadCountAndCapsRows() {
        double[] a = correlated(Key.of(20), 900, 0.3);
        double[] b = correlated(Key.of(21), 700, 0.5);
        ClassifierTwoSample.Result one = ClassifierTwoSample.test(a, b, 2, 400, 5, BoostedTrees.Config.defaults(),
                Key.of(4), Parallelism.single());
        ClassifierTwoSample.Result four = ClassifierTwoSample.test(a, b, 2, 400, 5, BoostedTrees.Config.defaults(),
                Key.of(4), Parallelism.of(4));
        assertEquals(one, four);
        assertEquals(400, one.rowsPerSide());
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        for (double z = -8; z <= 8; z += 0.125) {
            // beyond the method's error, p = Φ(z) itself is only known to ulp(p), worth ulp(p)/φ(z) in z
            double p = Normal.cdf(z);
            assertEquals(z, Normal.quantile(p), 1e-9 * Math.max(1, Math.abs(z)) + 2 * Math.ulp(p) / Normal.pdf(z),
                    "z=" + z);
        }
        for (double p : new double[] {1e-300, 1e-10, 0.01, 0.02425, 0.3, 0.5, 0.7, 0.975, 1 - 1e-10}) {
            assertEquals(p, Normal.cdf(Normal.quantile(p)), 1e-13 * Math.max(p, 1e-3), "p=" + p);
        }
        assertEquals(0.0, Normal.quantile(0.5), 1e-16);
        assertEquals(Double.NEGATIVE_INFINITY, Normal.quantile(0.0));
        assertEquals(Double.POSITIVE_INFINITY, Normal.quantile(1.0));
    }

    /** n values in {0, 1, 2} with P(0) = p0, P(1) = p1. */
    static double[] categorical(Key key, int n, double p0, double p1) {
        double[] u = Draw.uniformDouble(key, n, 0, 1);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = u[i] < p0 ? 0 : u[i] < p0 + p1 ? 1 : 2;
        }
        return out;
    }

    /** n rows of a standard bivariate normal with correlation ρ, flat [n, 2]. */
    static double[] correlated(Key key, int n, double rho) {
        double[] z = Draw.normalDouble(key, 2 * n);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = z[2 * i];
            out[2 * i + 1] = rho * z[2 * i] + Math.sqrt(1 - rho * rho) * z[2 * i + 1];
        }
        return out;
    }

    private static double[] onlyColumn(double[] v) {
        return v;
    }
}
