package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.sampling.SamplerKind;
import org.junit.jupiter.api.Test;

/**
 * {@code sample --mixture --sampler pc|em --given}: {@link ModelSampling#fromMixture} no longer ignores the given
 * columns on the reverse-SDE path. The two-component mixture of core's GivenTest, x₀ = 0.2: the closed-form
 * conditional of x₁ has mean 1.104 (the marginal's is 0.18); the replacement method moves the mean from the
 * marginal by more than 10 SE and the given column comes back as exactly 0.2.
 */
final class MixtureDiffusionGivenTest {
    private static final GaussianMixture MIX = new GaussianMixture(new double[] {0.6, 0.4},
            new double[][] {{-1.5, -0.5}, {1.0, 1.2}}, new double[][] {{0.6, 0.7}, {0.8, 1.0}});

    @Test
    void reverseSdeSamplersConditionAMixture() {
        for (SamplerKind kind : new SamplerKind[] {SamplerKind.PC, SamplerKind.EM}) {
            SamplingPlan plan = new SamplingPlan(kind, 200, null, 0, 1, null, null, null, io.score4j.Parallelism.of(2), "vp", null, null);
            int n = 2000;
            double[] x = ModelSampling.fromMixture(MIX, n, plan, Key.of(6), ModelSampling.Progress.NONE,
                    Given.of(2, new int[] {0}, new double[] {0.2})).points();
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(0.2, x[2 * i], 0.0, "the given column comes back exactly");
                mean += x[2 * i + 1];
                sq += x[2 * i + 1] * x[2 * i + 1];
            }
            mean /= n;
            double se = Math.sqrt((sq / n - mean * mean) / n);
            double marginal = 0.6 * -0.5 + 0.4 * 1.2;
            assertTrue(mean - marginal > 10 * se, kind + ": conditional mean " + mean + " (marginal " + marginal + ")");
            assertTrue(1.104 - mean > 3 * se, kind + ": the replacement method's documented bias, mean " + mean);
        }
    }
}
