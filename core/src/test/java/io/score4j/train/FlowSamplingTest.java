package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.density.GaussianMixture;
import io.score4j.metrics.KolmogorovSmirnov;
import io.score4j.noise.Sde;
import io.score4j.ode.Heun;
import io.score4j.random.Key;
import io.score4j.sampling.ProbabilityFlow;
import io.score4j.sampling.ProbabilityFlowConfig;
import io.score4j.sampling.TimeScoreFn;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The {@code ode} sampler with the exact score of the seed's 1-D mixture: its samples follow the mixture. */
class FlowSamplingTest {
    private static final GaussianMixture SEED = GaussianMixture.fromJson(
            "{\"weights\":[0.5,0.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}", "seed");
    private static final int N = 10_000;

    private static void assertKs(double[] x, String what) {
        double dist = KolmogorovSmirnov.distance(x, SEED::cdf);
        // D below the 1 % critical value ⇔ the KS p-value is above 0.01.
        assertTrue(dist < KolmogorovSmirnov.critical(N, 0.01), what + ": KS distance " + dist);
    }

    @Test
    void rk45SamplesPassKolmogorovSmirnovForEverySdeAndFiveSeeds() {
        for (String id : new String[] {"vp", "subvp", "ve"}) {
            ProbabilityFlowConfig cfg = ProbabilityFlowConfig.defaults(ProbabilityFlow.defaultSde(id), 2);
            for (long seed = 0; seed < 5; seed++) {
                FlowSampling.Drawn d = FlowSampling.fromMixture(SEED, N, cfg, Key.of(seed));
                assertEquals(0, d.samples().nonFinite());
                assertKs(d.samples().points(), id + " seed " + seed);
                assertTrue(d.cost().meanEvaluations() > 20 && d.cost().meanEvaluations() < 2000,
                        id + " NFE " + d.cost().meanEvaluations());
            }
        }
    }

    @Test
    void heunSamplesPassKolmogorovSmirnov() {
        ProbabilityFlowConfig cfg = new ProbabilityFlowConfig(ProbabilityFlow.defaultSde("vp"), new Heun(50),
                Sde.DEFAULT_EPS, 2);
        FlowSampling.Drawn d = FlowSampling.fromMixture(SEED, N, cfg, Key.of(7));
        assertEquals(100, d.cost().maxEvaluations());
        assertKs(d.samples().points(), "heun 50 steps");
    }

    @Test
    void particlesDependOnlyOnTheirIndexAndKey() {
        ProbabilityFlowConfig one = ProbabilityFlowConfig.defaults(ProbabilityFlow.defaultSde("subvp"), 1);
        ProbabilityFlowConfig four = ProbabilityFlowConfig.defaults(ProbabilityFlow.defaultSde("subvp"), 4);
        TimeScoreFn score = TimeScoreFn.of(SEED, one.sde());
        ProbabilityFlow.Samples whole = ProbabilityFlow.sample(score, 600, 1, 0, one, Key.of(3));
        ProbabilityFlow.Samples threaded = ProbabilityFlow.sample(score, 600, 1, 0, four, Key.of(3));
        assertArrayEquals(whole.points(), threaded.points());
        ProbabilityFlow.Samples part = ProbabilityFlow.sample(score, 250, 1, 300, four, Key.of(3));
        assertArrayEquals(Arrays.copyOfRange(whole.points(), 300, 550), part.points());
        ProbabilityFlow.Samples other = ProbabilityFlow.sample(score, 600, 1, 0, one, Key.of(4));
        assertTrue(!Arrays.equals(whole.points(), other.points()));
    }
}
