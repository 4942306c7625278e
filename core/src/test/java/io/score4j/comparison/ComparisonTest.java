package io.score4j.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.data.Dataset;
import io.score4j.data.MixtureData;
import io.score4j.density.GaussianMixture;
import io.score4j.density.Normal;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comparison suite against closed forms and independent computations: identical sets, exact
 * shifts, and Gaussian shifts whose population MMD² and energy distance are known (checked as a mean
 * over independent replicates within 4 standard errors of that mean).
 */
class ComparisonTest {
    /** Replicates of the population checks; |t| > 4 with 19 degrees of freedom has probability about 8e-4. */
    private static final int REPLICATES = 20;

    private static Dataset normal(long seed, int n, int d, double shift) {
        double[] v = Draw.normalDouble(Key.of(seed), n * d);
        for (int i = 0; i < v.length; i += d) {
            v[i] += shift;
        }
        return Dataset.of(d, v);
    }

    @Test
    void identicalSetsGiveZeroDistancesAndMmdItsClosedForm() {
        Dataset x = normal(1, 400, 3, 0);
        ComparisonResult r = Comparison.compare(x, Reference.rows(x), ComparisonSettings.defaults(0));
        // ℰ is a difference of sums over the same 160 000 distances (mean ≈ 2.3); rounding leaves ~1e-13.
        assertEquals(0.0, r.distances().energy(), 1e-10);
        assertEquals(0.0, r.distances().sliced(), 0.0, "equal projections, equal sorted values");
        // For a set against itself MMD²_u = 2S/(n(n−1)) − 2(S + n)/n² with S = Σ_{i≠j} k(x_i, x_j), which lies in
        // [−2/n, 0]; S computed here directly, at the suite's bandwidth.
        int n = x.n();
        double h = r.distances().bandwidth();
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    s += kernel(x.row(i), x.row(j), h);
                }
            }
        }
        double closed = 2 * s / ((double) n * (n - 1)) - 2 * (s + n) / ((double) n * n);
        assertEquals(closed, r.distances().mmd2(), 1e-12);
        assertTrue(closed <= 0 && closed >= -2.0 / n);
        for (ComparisonResult.Column c : r.columns()) {
            assertEquals(0.0, c.ks(), 0.0);
            assertEquals(c.referenceMean(), c.samplesMean(), 1e-15);
        }
        assertEquals(0.0, r.correlation().frobenius(), 1e-15);
    }

    @Test
    void oneDimensionalShiftOfTheSameRowsIsExact() {
        double delta = 0.7;
        Dataset x = normal(2, 300, 1, 0);
        Dataset y = normal(2, 300, 1, delta);
        ComparisonResult r = Comparison.compare(x, Reference.rows(y), ComparisonSettings.defaults(3));
        // In 1-D every direction is ±1 and the sorted values differ by δ, so W₁ and sliced W₁ are δ.
        assertEquals(delta, r.distances().sliced(), 1e-12);
        assertEquals(delta, r.oneD().wasserstein1(), 1e-12);
        // Independent: ℰ = 2∫(F_x − F_y)² and KS = sup|F_x − F_y| from the merged sorted values.
        double[] a = x.values().clone();
        double[] b = y.values().clone();
        Arrays.sort(a);
        Arrays.sort(b);
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double integral = 0;
        double sup = 0;
        for (int k = 0; k + 1 < all.length; k++) {
            double gap = ecdf(a, all[k]) - ecdf(b, all[k]);
            integral += gap * gap * (all[k + 1] - all[k]);
            sup = Math.max(sup, Math.abs(gap));
        }
        assertEquals(2 * integral, r.distances().energy(), 1e-12);
        assertEquals(sup, r.columns().get(0).ks(), 1e-12);
    }

    @Test
    void mmdOfAGaussianShiftMatchesItsPopulationValue() {
        // X ~ N(0, I₂), Y ~ N((δ, 0), I₂), fixed h: E k(X, X') = (h²/(h² + 2))^{d/2} and
        // E k(X, Y) = (h²/(h² + 2))^{d/2} exp(−δ²/(2(h² + 2))); MMD²_u is unbiased (no subsampling at n = 400).
        double h = 1.0;
        double delta = 1.0;
        double c = h * h / (h * h + 2);
        double population = 2 * c * (1 - Math.exp(-delta * delta / (2 * (h * h + 2))));
        ComparisonSettings s = ComparisonSettings.defaults(0).withBandwidth(new Bandwidth.Fixed(h));
        double[] est = new double[REPLICATES];
        for (int k = 0; k < REPLICATES; k++) {
            est[k] = Comparison.compare(normal(100 + k, 400, 2, 0), Reference.rows(normal(200 + k, 400, 2, delta)), s)
                    .distances().mmd2();
        }
        assertWithinFourStandardErrors(population, est, "MMD²");
    }

    @Test
    void energyDistanceOfAGaussianShiftMatchesItsPopulationValue() {
        // 1-D, X ~ N(0, 1), Y ~ N(δ, 1): X − Y ~ N(−δ, 2) so E|X − Y| = s√(2/π)e^{−δ²/(2s²)} + δ(1 − 2Φ(−δ/s)), s = √2,
        // and E|X − X'| = 2/√π. The V-statistic's mean is 2E|X − Y| − (1 − 1/n)E|X − X'| − (1 − 1/m)E|Y − Y'|.
        double delta = 1.0;
        double sd = Math.sqrt(2);
        double exy = sd * Math.sqrt(2 / Math.PI) * Math.exp(-delta * delta / (2 * sd * sd))
                + delta * (1 - 2 * Normal.cdf(-delta / sd));
        int n = 400;
        double expected = 2 * exy - 2 * (1 - 1.0 / n) * 2 / Math.sqrt(Math.PI);
        double[] est = new double[REPLICATES];
        for (int k = 0; k < REPLICATES; k++) {
            est[k] = Comparison.compare(normal(300 + k, n, 1, 0), Reference.rows(normal(400 + k, n, 1, delta)),
                    ComparisonSettings.defaults(k)).distances().energy();
        }
        assertWithinFourStandardErrors(expected, est, "energy distance");
    }

    @Test
    void slicedW1OfAnExactShiftAveragesTheProjectedShift() {
        // y = x + δe₁ row by row: a direction θ sees the shift θ₁δ exactly, so sliced W₁ = δ·mean_p |θ_p1|. For θ
        // uniform on the circle E|θ₁| = 2/π and Var|θ₁| = 1/2 − 4/π²; each seed draws P fresh directions.
        double delta = 2.0;
        Dataset x = normal(5, 200, 2, 0);
        Dataset y = normal(5, 200, 2, delta);
        int p = ComparisonSettings.DEFAULT_PROJECTIONS;
        double[] est = new double[REPLICATES];
        for (int k = 0; k < REPLICATES; k++) {
            est[k] = Comparison.compare(x, Reference.rows(y), ComparisonSettings.defaults(k)).distances().sliced();
        }
        double mean = Arrays.stream(est).average().orElseThrow();
        double se = delta * Math.sqrt((0.5 - 4 / (Math.PI * Math.PI)) / (p * REPLICATES));
        assertEquals(delta * 2 / Math.PI, mean, 4 * se);
    }

    @Test
    void aMixtureReferenceUsesTheDocumentedDrawsAndExactModes() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-4, 0}, {4, 1}},
                new double[][] {{1, 1}, {1, 1}});
        Dataset x = MixtureData.sampleIid(mix, 600, Key.of(9));
        ComparisonSettings s = new ComparisonSettings(2000, Bandwidth.median(), 16, 700, 0.05, 4);
        ComparisonResult r = Comparison.compare(x, Reference.mixture(mix), s);
        Dataset draws = MixtureData.sampleIid(mix, 700, Key.of(4).fold(Comparison.STREAM).child(0));
        ComparisonResult asRows = Comparison.compare(x, Reference.rows(draws), s);
        assertEquals(asRows.distances(), r.distances(), "MMD², energy and sliced W1 against the documented draws");
        assertEquals(700, r.counts().referenceRows());
        assertEquals(2, r.modes().size());
        assertEquals(Math.sqrt(0.3 * 0.7 / 600), r.modes().get(0).standardError(), 1e-15);
        assertEquals(0.3 * -4 + 0.7 * 4, r.columns().get(0).referenceMean(), 1e-12);
        assertTrue(asRows.modes().isEmpty(), "mode masses only against a mixture");
    }

    @Test
    void nonFiniteRowsAreCountedAndLeftOut() {
        Dataset clean = normal(6, 50, 2, 0);
        double[] dirty = Arrays.copyOf(clean.values(), clean.values().length + 4);
        dirty[100] = Double.NaN;
        dirty[103] = Double.POSITIVE_INFINITY;
        Dataset ref = normal(7, 60, 2, 0);
        ComparisonResult a = Comparison.compare(clean, Reference.rows(ref), ComparisonSettings.defaults(1));
        ComparisonResult b = Comparison.compare(Dataset.of(2, dirty), Reference.rows(ref), ComparisonSettings.defaults(1));
        assertEquals(a.distances(), b.distances());
        assertEquals(a.columns(), b.columns());
        assertEquals(new ComparisonResult.Counts(52, 50, false, 60), b.counts());
        assertEquals(2, b.counts().nonFiniteSamples());
    }

    @Test
    void metricsCarryUnitsAndTheSubsampleSize() {
        Dataset x = normal(8, 30, 2, 0);
        ComparisonResult r = Comparison.compare(x, Reference.rows(normal(9, 30, 2, 0)),
                ComparisonSettings.defaults(0).withSubsample(20));
        List<String> keys = r.metrics().stream().map(Metric::key).toList();
        assertEquals(List.of("mmd2", "mmd_bandwidth", "energy_distance", "sliced_wasserstein", "correlation_frobenius",
                "correlation_max_abs"), keys);
        assertTrue(r.metrics().get(0).label().contains("≤ 20 rows per side"), r.metrics().get(0).label());
        assertEquals(Metric.Units.NONE, r.metrics().get(0).units());
        assertEquals(Metric.Units.DATA, r.metrics().get(2).units());
        assertEquals(r.distances().mmd2(), r.metrics().get(0).value(), 0.0);
        assertEquals(20, r.toJson().get("mmd_subsample"));
    }

    @Test
    void badSettingsAndInputsAreRefusedByName() {
        Dataset x = normal(10, 10, 2, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new ComparisonSettings(1, Bandwidth.median(), 64, 100, 0.05, 0), "subsample");
        assertThrows(IllegalArgumentException.class, () -> ComparisonSettings.defaults(0).withProjections(0));
        assertThrows(IllegalArgumentException.class, () -> new Bandwidth.Fixed(0));
        assertThrows(IllegalArgumentException.class, () -> new Bandwidth.Median(0));
        assertThrows(IllegalArgumentException.class,
                () -> Comparison.compare(x, Reference.rows(normal(11, 10, 3, 0)), ComparisonSettings.defaults(0)));
        assertThrows(IllegalArgumentException.class, () -> Reference.rows(Dataset.of(1, new double[] {1, Double.NaN})));
        double[] one = new double[] {0, 0, Double.NaN, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.compare(Dataset.of(2, one), Reference.rows(x), ComparisonSettings.defaults(0)));
        assertTrue(e.getMessage().contains("finite rows"), e.getMessage());
    }

    private static void assertWithinFourStandardErrors(double expected, double[] est, String what) {
        double mean = Arrays.stream(est).average().orElseThrow();
        double var = Arrays.stream(est).map(v -> (v - mean) * (v - mean)).sum() / (est.length - 1);
        double se = Math.sqrt(var / est.length);
        assertEquals(expected, mean, 4 * se, what + ": mean of " + est.length + " replicates, se " + se);
    }

    private static double kernel(double[] a, double[] b, double h) {
        double sq = 0;
        for (int j = 0; j < a.length; j++) {
            sq += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.exp(-sq / (2 * h * h));
    }

    /** Fraction of sorted {@code v} at or below t. */
    private static double ecdf(double[] v, double t) {
        int k = 0;
        while (k < v.length && v[k] <= t) {
            k++;
        }
        return (double) k / v.length;
    }
}
