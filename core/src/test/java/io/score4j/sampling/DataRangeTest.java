package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import org.junit.jupiter.api.Test;

/** {@link DataRange} and the mixture rule {@link SamplerDefaults#mixtureSigmaMax}, by hand-computed cases. */
class DataRangeTest {
    private static final GaussianMixture TWO_D = new GaussianMixture(new double[] {0.8, 0.2},
            new double[][] {{5, 5}, {-5, -1}}, new double[][] {{1, 2}, {0.5, 0.5}});

    @Test
    void aMixturesRangeIsItsMeansPlusThreeStds() {
        DataRange r = DataRange.of(TWO_D);
        // x: -5 - 1.5 .. 5 + 3 = -6.5 .. 8; y: -1 - 1.5 .. 5 + 6 = -2.5 .. 11.
        assertArrayEquals(new double[] {0.75, 4.25}, r.center(), 1e-12);
        assertEquals(7.25, r.radius(), 1e-12);
        double limit = DataRange.ESCAPE_FACTOR * 7.25;
        double[] pts = {0, 0, 0.75 + limit, 0, 0, 4.25 - limit - 1e-9, Double.NaN, 0, 0, Double.POSITIVE_INFINITY};
        assertEquals(3, r.escaped(pts, 2), "on the limit stays in; beyond it, NaN and infinity escape");
        assertEquals(1, DataRange.standardised(1).escaped(new double[] {30, -30.001, 0}, 1));
    }

    @Test
    void sigmaMaxIsTheLargestDistanceBetweenMeansOrToTheOriginPlusThreeStds() {
        // ‖(5,5) − (−5,−1)‖ = √(100 + 36) beats ‖(5,5)‖ = √50; largest std 2.
        assertEquals(Math.sqrt(136) + 6, SamplerDefaults.mixtureSigmaMax(TWO_D), 1e-12);
        GaussianMixture offset = GaussianMixture.single(new double[] {30, 40}, new double[] {1, 1});
        assertEquals(50 + 3, SamplerDefaults.mixtureSigmaMax(offset), 1e-12, "one component far from the origin");
    }

    @Test
    void veSigmaMaxBoundsThePriorsTotalVariation() {
        // E‖x‖² = 0.8(50 + 1 + 4) + 0.2(26 + 0.25 + 0.25) = 44 + 5.3 = 49.3; rms/(2·0.01) beats the distance rule.
        assertEquals(Math.sqrt(49.3) / 0.02, SamplerDefaults.mixtureVeSigmaMax(TWO_D), 1e-9);
        GaussianMixture tight = GaussianMixture.single(new double[] {0}, new double[] {1e-3});
        assertEquals(1e-3 / 0.02, SamplerDefaults.mixtureVeSigmaMax(tight), 1e-15, "rms 1e-3");
        assertEquals(0.003, SamplerDefaults.mixtureSigmaMax(tight), 1e-15, "3 stds, no distance");
    }

    @Test
    void aDivergedDrawIsCountedNotSilent() {
        GaussianMixture mix = GaussianMixture.single(new double[] {0}, new double[] {1});
        SamplingPlan far = new SamplingPlan(SamplerKind.LANGEVIN, 1, null, 100, 101, null, null, null, Parallelism.single());
        ModelSampling.Drawn d = ModelSampling.fromMixture(mix, 50, far, Key.of(1), ModelSampling.Progress.NONE);
        assertEquals(50, d.escaped());
        assertEquals(0, d.nonFinite());
        assertEquals(1, d.nfe());
        SamplingPlan near = new SamplingPlan(SamplerKind.PC, 100, null, 0, 1, null, null, null, io.score4j.Parallelism.single(), "vp", null, null);
        ModelSampling.Drawn ok = ModelSampling.fromMixture(mix, 50, near, Key.of(1), ModelSampling.Progress.NONE);
        assertEquals(0, ok.escaped());
        assertEquals(200, ok.nfe());
    }
}
