package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.density.GaussianMixture;
import io.score4j.density.Normal;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.sampling.SamplerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rejection rounds on exact scores: kept rows follow the truncated law (means against closed forms within 3 SE),
 * every kept row satisfies the clauses, the output is the first n satisfying particles of the unconditional
 * sequence (so neither block sizes nor threads change a bit), and a rare region is refused with its acceptance.
 */
class WhereSamplingTest {
    private static final String[] XY = {"x0", "x1"};
    /** N((0.5, −1), I): x0 ≥ 1 and x1 < 0 accept Φ(−0.5)·Φ(1) ≈ 0.26. */
    private static final GaussianMixture GAUSS = GaussianMixture.single(new double[] {0.5, -1}, new double[] {1, 1});
    /** Two overlapping components: x0 ≥ 0 changes the weights, so x1's mean moves with it. */
    private static final GaussianMixture MIX = new GaussianMixture(new double[] {0.6, 0.4},
            new double[][] {{-1.5, -0.5}, {1.0, 1.2}}, new double[][] {{0.6, 0.7}, {0.8, 1.0}});

    @Test
    void langevinRowsFollowTheTruncatedGaussian() {
        int n = 4000;
        SamplingPlan plan = new SamplingPlan(SamplerKind.LANGEVIN, 2000, null, 0, 1, null, null, null, io.score4j.Parallelism.of(2));
        Where where = Where.parse(List.of("x0>=1", "x1<0"), XY, "--where");
        WhereSampling.Kept k = WhereSampling.fromMixture(GAUSS, where, n, plan, Key.of(3), ModelSampling.Progress.NONE,
                Given.none(2));
        double[] x = k.drawn().points();
        assertEquals(2L * n, x.length);
        for (int i = 0; i < n; i++) {
            assertTrue(x[2 * i] >= 1 && x[2 * i + 1] < 0, "row " + i);
        }
        // Truncated normal: E[X | X ≥ a] = μ + σ·φ(α)/(1 − Φ(α)), E[X | X < b] = μ − σ·φ(β)/Φ(β), α = (a − μ)/σ, β likewise.
        assertMean(x, 0, n, 0.5 + Normal.pdf(0.5) / (1 - Normal.cdf(0.5)));
        assertMean(x, 1, n, -1 - Normal.pdf(1) / Normal.cdf(1));
        double p = (1 - Normal.cdf(0.5)) * Normal.cdf(1);
        double se = Math.sqrt(p * (1 - p) / k.particles());
        assertEquals(p, k.acceptance(), 4 * se, "acceptance " + k.acceptance() + " of " + k.particles());
    }

    @Test
    void pcRowsFollowTheMixtureRestrictedToTheRegion() {
        int n = 4000;
        SamplingPlan plan = new SamplingPlan(SamplerKind.PC, 500, null, 0, 1, null, null, null, io.score4j.Parallelism.of(2), "vp", null, null);
        Where where = Where.parse(List.of("x0>=0"), XY, "--where");
        double[] x = WhereSampling.fromMixture(MIX, where, n, plan, Key.of(4), ModelSampling.Progress.NONE,
                Given.none(2)).drawn().points();
        // Component k keeps mass w_k·q_k, q_k = 1 − Φ(−μ_k0/σ_k0); within it x0 is truncated at 0 and x1 untouched.
        double[] w = {0.6, 0.4};
        double[][] mu = {{-1.5, -0.5}, {1.0, 1.2}};
        double[] s0 = {0.6, 0.8};
        double mass = 0;
        double m0 = 0;
        double m1 = 0;
        for (int c = 0; c < 2; c++) {
            double alpha = -mu[c][0] / s0[c];
            double q = 1 - Normal.cdf(alpha);
            mass += w[c] * q;
            m0 += w[c] * q * (mu[c][0] + s0[c] * Normal.pdf(alpha) / q);
            m1 += w[c] * q * mu[c][1];
        }
        assertMean(x, 0, n, m0 / mass);
        assertMean(x, 1, n, m1 / mass);
    }

    @Test
    void keptRowsAreTheFirstSatisfyingParticlesWhateverTheBlocksAndThreads() {
        int n = 500;
        Where where = Where.parse(List.of("x0>=1"), XY, "--where");
        SamplingPlan one = new SamplingPlan(SamplerKind.LANGEVIN, 200, null, 0, 1, null, null, null, io.score4j.Parallelism.of(1));
        SamplingPlan two = new SamplingPlan(SamplerKind.LANGEVIN, 200, null, 0, 1, null, null, null, io.score4j.Parallelism.of(2));
        Key key = Key.of(5);
        WhereSampling.Kept a = WhereSampling.fromMixture(GAUSS, where, n, one, key, ModelSampling.Progress.NONE,
                Given.none(2));
        WhereSampling.Kept b = WhereSampling.fromMixture(GAUSS, where, n, two, key, ModelSampling.Progress.NONE,
                Given.none(2));
        assertArrayEquals(a.drawn().points(), b.drawn().points(), "threads 1 vs 2");
        assertTrue(a.rounds() >= 2, "the pilot of 1000 holds about 310 rows with x0 >= 1; rounds " + a.rounds());
        double[] all = ModelSampling.fromMixture(GAUSS, (int) a.particles(), two, key, ModelSampling.Progress.NONE)
                .points();
        double[] first = new double[2 * n];
        int k = 0;
        for (int i = 0; i < a.particles() && k < n; i++) {
            if (all[2 * i] >= 1) {
                System.arraycopy(all, 2 * i, first, 2 * k++, 2);
            }
        }
        assertEquals(n, k);
        assertArrayEquals(first, a.drawn().points(), "the first n rows of one whole run that satisfy x0 >= 1");
    }

    @Test
    void aRareRegionIsRefusedWithItsAcceptance() {
        SamplingPlan plan = new SamplingPlan(SamplerKind.LANGEVIN, 100, null, 0, 1, null, null, null, io.score4j.Parallelism.of(2));
        Where where = Where.parse(List.of("x0>4"), XY, "--where");
        InputException e = assertThrows(InputException.class, () -> WhereSampling.fromMixture(GAUSS, where, 100, plan,
                Key.of(1), ModelSampling.Progress.NONE, Given.none(2)));
        assertTrue(e.getMessage().startsWith("--where 'x0>4': ") && e.getMessage().contains(" of 1000 rows drawn satisfy it "
                + "(acceptance 0.00") && e.getMessage().endsWith("Nothing was written."), e.getMessage());
    }

    /**
     * x0 = 0.2 has probability 0, so plain rejection stops at once and the guided draw conditions on it: MALA (exact
     * conditioning) on x1 | x0 = 0.2, a mixture of N(μ_k1, σ_k1²) with weights π_k ∝ w_k·N(0.2; μ_k0, σ_k0²), kept where
     * x1 > 0; its mean is Σ π_k (μ_k1 q_k + σ_k1 φ(α_k)) / Σ π_k q_k, α_k = −μ_k1/σ_k1, q_k = 1 − Φ(α_k).
     */
    @Test
    void aSingleValuedClauseIsConditionedOnWhenRejectionCannotReachIt() {
        int n = 4000;
        SamplingPlan plan = new SamplingPlan(SamplerKind.MALA, 2000, 0.1, 0, 1, null, null, null, io.score4j.Parallelism.of(2));
        Where where = Where.parse(List.of("x0=0.2", "x1>0"), XY, "--where");
        WhereSampling.Kept k = WhereSampling.fromMixture(MIX, where, n, plan, Key.of(8), ModelSampling.Progress.NONE,
                Given.none(2));
        assertEquals(List.of("x0=0.2"), k.conditioned());
        assertEquals(0, k.rejected().satisfied(), "plain rejection never draws x0 = 0.2 exactly");
        double[] x = k.drawn().points();
        for (int i = 0; i < n; i++) {
            assertTrue(x[2 * i] == 0.2 && x[2 * i + 1] > 0, "row " + i);
        }
        double[] w = {0.6, 0.4};
        double[][] mu = {{-1.5, -0.5}, {1.0, 1.2}};
        double[][] sd = {{0.6, 0.7}, {0.8, 1.0}};
        double mass = 0;
        double m1 = 0;
        for (int c = 0; c < 2; c++) {
            double pi = w[c] * Normal.pdf((0.2 - mu[c][0]) / sd[c][0]) / sd[c][0];
            double alpha = -mu[c][1] / sd[c][1];
            double q = 1 - Normal.cdf(alpha);
            mass += pi * q;
            m1 += pi * (mu[c][1] * q + sd[c][1] * Normal.pdf(alpha));
        }
        assertMean(x, 1, n, m1 / mass);
        assertTrue(k.summary(where, n).contains("with x0=0.2 given (guided: plain rejection accepted 0 of 4000 rows"),
                k.summary(where, n));
    }

    /**
     * x0 ≥ 2.9 on MIX accepts 0.4·(1 − Φ(2.375)) ≈ 0.0035, below 1 %, and is a pure range: the seeded draw. The first 32 rows are rejection's; every other row repeats one of their x0 values (≤ 32
     * distinct) and draws x1 given it (langevin: exact conditioning; mala conditions all particles alike and is
     * refused). In the region the second component holds all but 1e-9 of the mass, so x1
     * follows N(1.2, 1) there (the unrestricted mean is 0.18): mean and variance of x1 within 3 standard errors.
     */
    @Test
    void aRareRangeIsDrawnFromSeedsFoundByRejection() {
        int n = 1000;
        SamplingPlan plan = new SamplingPlan(SamplerKind.LANGEVIN, 2000, null, 0, 1, null, null, null, io.score4j.Parallelism.of(2));
        Where where = Where.parse(List.of("x0>=2.9"), XY, "--where");
        WhereSampling.Kept k = WhereSampling.fromMixture(MIX, where, n, plan, Key.of(12), ModelSampling.Progress.NONE,
                Given.none(2));
        assertEquals(WhereSampling.SEEDS, k.seeds());
        assertEquals(n, k.rows());
        assertTrue(k.rejected().acceptance() < WhereSampling.MIN_ACCEPTANCE, "rare: " + k.rejected().acceptance());
        double[] x = k.drawn().points();
        java.util.Set<Double> seedX0 = new java.util.HashSet<>();
        for (int i = 0; i < WhereSampling.SEEDS; i++) {
            seedX0.add(x[2 * i]);
        }
        java.util.Set<Double> x1 = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            assertTrue(x[2 * i] >= 2.9, "row " + i);
            assertTrue(i < WhereSampling.SEEDS || seedX0.contains(x[2 * i]), "row " + i + " takes a seed's x0");
            x1.add(x[2 * i + 1]);
        }
        assertTrue(x1.size() > n - 5, "x1 is drawn, not copied: " + x1.size() + " distinct");
        assertMean(x, 1, n, 1.2);
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (x[2 * i + 1] - 1.2) * (x[2 * i + 1] - 1.2);
        }
        assertEquals(1.0, var / n, 3 * Math.sqrt(2.0 / n), "x1's conditional variance");
        assertTrue(k.summary(where, n).contains("32 rows by rejection") && k.summary(where, n).contains("seeded"),
                k.summary(where, n));
        SamplingPlan mala = new SamplingPlan(SamplerKind.MALA, 50, 0.1, 0, 1, null, null, null, io.score4j.Parallelism.of(2));
        InputException e = assertThrows(InputException.class, () -> WhereSampling.fromMixture(MIX, where, 10, mala,
                Key.of(12), ModelSampling.Progress.NONE, Given.none(2)));
        assertTrue(e.getMessage().endsWith("Nothing was written."), e.getMessage());
    }

    @Test
    void aGivenColumnCannotAlsoBeConstrained() {
        SamplingPlan plan = new SamplingPlan(SamplerKind.LANGEVIN, 10, null, 0, 1, null, null, null, io.score4j.Parallelism.of(1));
        Where where = Where.parse(List.of("x0>0"), XY, "--where");
        InputException e = assertThrows(InputException.class, () -> WhereSampling.fromMixture(GAUSS, where, 10, plan,
                Key.of(1), ModelSampling.Progress.NONE, Given.of(2, new int[] {0}, new double[] {1})));
        assertEquals("--where 'x0>0': column 'x0' is also --given; constrain it with one of the two", e.getMessage());
    }

    /** The mean of column j of n rows [n, 2] equals {@code expected} within 3 standard errors. */
    private static void assertMean(double[] x, int j, int n, double expected) {
        double mean = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            mean += x[2 * i + j];
            sq += x[2 * i + j] * x[2 * i + j];
        }
        mean /= n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        assertEquals(expected, mean, 3 * se, "column " + j + ": mean " + mean + ", closed form " + expected + ", SE " + se);
    }
}
