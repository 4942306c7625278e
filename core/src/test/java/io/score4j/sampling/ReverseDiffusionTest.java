package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.KolmogorovSmirnov;
import io.score4j.noise.Sde;
import io.score4j.random.Key;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The reverse-SDE samplers against closed forms, driven by a mixture's exact perturbed score
 * ({@link TimeScoreFn#of}), with the defaults of {@link SamplerDefaults}.
 */
class ReverseDiffusionTest {
    /** The seed's (and demo's) 1-D mixture: ½N(−2, 1) + ½N(2, 1). */
    static final GaussianMixture SEED_MIXTURE = new GaussianMixture(new double[] {0.5, 0.5},
            new double[][] {{-2}, {2}}, new double[][] {{1}, {1}});

    static final Sde VP = new Sde.Vp(Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX);
    static final Sde SUBVP = new Sde.SubVp(Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX);

    static Sde ve(GaussianMixture mix) {
        return new Sde.Ve(SamplerDefaults.MIXTURE_SIGMA_MIN, SamplerDefaults.mixtureVeSigmaMax(mix));
    }

    private static double[] draw(GaussianMixture mix, DiffusionConfig config, long seed, int n) {
        return ReverseDiffusion.sample(TimeScoreFn.of(mix, config.sde()), n, mix.dim(), config, Key.of(seed))
                .samples().toDoubleArray();
    }

    /** One-sample KS: p-value > 0.01 ⇔ D_n below the asymptotic 1 % critical value. */
    private static void assertKs(double[] x, String what) {
        double dn = KolmogorovSmirnov.distance(x, SEED_MIXTURE::cdf);
        double crit = KolmogorovSmirnov.critical(x.length, 0.01);
        assertTrue(dn < crit, what + ": KS D = " + dn + " >= 1% critical value " + crit);
    }

    @Test
    void predictorCorrectorDrawsTheSeedMixtureUnderEverySde() {
        Sde[] sdes = {VP, ve(SEED_MIXTURE), SUBVP, VP, ve(SEED_MIXTURE)};
        for (int seed = 0; seed < 5; seed++) {
            PredictorCorrectorConfig c = SamplerDefaults.pc(sdes[seed], Parallelism.of(2));
            assertKs(draw(SEED_MIXTURE, c, 100 + seed, 10_000), "pc " + sdes[seed].id() + " seed " + seed);
        }
    }

    @Test
    void eulerMaruyamaDrawsTheSeedMixtureUnderEverySde() {
        Sde[] sdes = {VP, SUBVP, ve(SEED_MIXTURE), VP, SUBVP};
        for (int seed = 0; seed < 5; seed++) {
            EulerMaruyamaConfig c = SamplerDefaults.em(sdes[seed], Parallelism.of(2));
            assertKs(draw(SEED_MIXTURE, c, 200 + seed, 10_000), "em " + sdes[seed].id() + " seed " + seed);
        }
    }

    /**
     * 0.8/0.2 mixture at ±(5, 5), std 1: the heavy mode keeps 0.80 of the mass. The tolerance 0.03 is
     * above 3 standard errors √(0.8·0.2/4000) = 0.0063·3 = 0.019 of the estimate.
     */
    @Test
    void bothSamplersKeepTheModeWeightsInTwoDimensions() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.8, 0.2}, new double[][] {{5, 5}, {-5, -5}},
                new double[][] {{1, 1}, {1, 1}});
        DiffusionConfig[] configs = {SamplerDefaults.pc(VP, Parallelism.of(2)), SamplerDefaults.pc(ve(mix), Parallelism.of(2)), SamplerDefaults.pc(SUBVP, Parallelism.of(2)),
            SamplerDefaults.em(VP, Parallelism.of(2)), SamplerDefaults.em(ve(mix), Parallelism.of(2))};
        for (DiffusionConfig c : configs) {
            Sde sde = c.sde();
            double[] x = draw(mix, c, 7, 4000);
            int heavy = 0;
            for (int i = 0; i < x.length; i += 2) {
                heavy += x[i] + x[i + 1] > 0 ? 1 : 0;
            }
            assertEquals(0.80, heavy / 4000.0, 0.03, "heavy-mode mass, " + c.getClass().getSimpleName() + " " + sde.id());
        }
    }

    @Test
    void particlesSampledInBlocksEqualThoseRowsOfTheWholeRun() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.8, 0.2}, new double[][] {{5, 5}, {-5, -5}},
                new double[][] {{1, 1}, {1, 1}});
        for (DiffusionConfig c : new DiffusionConfig[] {new PredictorCorrectorConfig(VP, 40, 0.16, 2, 1e-3, Parallelism.single()),
                new EulerMaruyamaConfig(ve(mix), 40, 1e-5, Parallelism.single())}) {
            TimeScoreFn score = TimeScoreFn.of(mix, c.sde());
            Key key = Key.of(11);
            float[] whole = ReverseDiffusion.sample(score, 0, 300, 2, c, key, null).samples().data32();
            int[] cuts = {0, 1, 77, 150, 299, 300};
            for (int k = 0; k + 1 < cuts.length; k++) {
                int a = cuts[k];
                int b = cuts[k + 1];
                float[] part = ReverseDiffusion.sample(score, a, b - a, 2, c, key, null).samples().data32();
                assertArrayEquals(Arrays.copyOfRange(whole, 2 * a, 2 * b), part, "rows [" + a + ", " + b + ")");
            }
        }
    }

    @Test
    void bitsDoNotDependOnTheThreadCountAndSeedsDiffer() {
        GaussianMixture mix = SEED_MIXTURE;
        float[] one = draw32(mix, new PredictorCorrectorConfig(VP, 50, 0.16, 1, 1e-3, Parallelism.single()), 3);
        float[] four = draw32(mix, new PredictorCorrectorConfig(VP, 50, 0.16, 1, 1e-3, Parallelism.of(4)), 3);
        assertArrayEquals(one, four);
        float[] em1 = draw32(mix, new EulerMaruyamaConfig(SUBVP, 50, 1e-3, Parallelism.single()), 3);
        assertArrayEquals(em1, draw32(mix, new EulerMaruyamaConfig(SUBVP, 50, 1e-3, Parallelism.of(3)), 3));
        assertFalse(Arrays.equals(one, draw32(mix, new PredictorCorrectorConfig(VP, 50, 0.16, 1, 1e-3, Parallelism.single()), 4)));
    }

    private static float[] draw32(GaussianMixture mix, DiffusionConfig c, long seed) {
        return ReverseDiffusion.sample(TimeScoreFn.of(mix, c.sde()), 0, 1000, 1, c, Key.of(seed), null).samples().data32();
    }

    @Test
    void nfeCountsEveryScoreCall() {
        int[] calls = new int[1];
        TimeScoreFn counting = (x, t, offset, rows, d, out) -> {
            synchronized (calls) {
                calls[0]++;
            }
            Arrays.fill(out, offset * d, (offset + rows) * d, 0f);
        };
        // One particle: one block, so each score call is one evaluation of that particle.
        DiffusionResult r = ReverseDiffusion.sample(counting, 1, 1, new PredictorCorrectorConfig(VP, 37, 0.16, 2, 1e-3, Parallelism.single()),
                Key.of(1));
        assertEquals(37 * 3, r.nfe());
        assertEquals(calls[0], r.nfe());
        calls[0] = 0;
        r = ReverseDiffusion.sample(counting, 1, 1, new EulerMaruyamaConfig(VP, 37, 1e-3, Parallelism.single()), Key.of(1));
        assertEquals(37, r.nfe());
        assertEquals(calls[0], r.nfe());
    }

    /**
     * Without a score, Euler–Maruyama on the VE SDE only adds the forward noise: from the prior N(0, σ_max²)
     * the last step's mean has variance σ_max² + Σ g(t_i)²Δt over N − 1 steps; check against that sum.
     */
    @Test
    void zeroScoreVeRunAddsTheDiscreteNoiseVariance() {
        Sde.Ve sde = new Sde.Ve(0.01, 2.0);
        int steps = 20;
        EulerMaruyamaConfig c = new EulerMaruyamaConfig(sde, steps, 1e-5, Parallelism.of(2));
        double[] x = ReverseDiffusion.sample((xs, t, offset, rows, d, out) -> Arrays.fill(out, offset * d,
                (offset + rows) * d, 0f), 20_000, 1, c, Key.of(9)).samples().toDoubleArray();
        double dt = (1 - 1e-5) / steps;
        double expected = 4.0;
        for (int i = 0; i < steps - 1; i++) {
            double g = sde.diffusion(1 - i * dt);
            expected += g * g * dt;
        }
        double var = Arrays.stream(x).map(v -> v * v).average().orElseThrow();
        // Var of the sample variance of a normal: 2σ⁴/n; allow 4 standard errors.
        assertEquals(expected, var, 4 * expected * Math.sqrt(2.0 / x.length));
    }

    @Test
    void configsRefuseBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new EulerMaruyamaConfig(VP, 0, 1e-3, Parallelism.single()));
        assertThrows(IllegalArgumentException.class, () -> new EulerMaruyamaConfig(VP, 10, 1.0, Parallelism.single()));
        assertThrows(IllegalArgumentException.class, () -> new PredictorCorrectorConfig(VP, 10, 0, 1, 1e-3, Parallelism.single()));
        assertThrows(IllegalArgumentException.class, () -> new PredictorCorrectorConfig(VP, 10, 0.16, -1, 1e-3, Parallelism.single()));
        assertThrows(NullPointerException.class, () -> new PredictorCorrectorConfig(VP, 10, 0.16, 1, 1e-3, null));
    }
}
