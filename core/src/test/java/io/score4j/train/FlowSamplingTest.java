package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
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
            ProbabilityFlowConfig cfg = ProbabilityFlowConfig.defaults(ProbabilityFlow.defaultSde(id), Parallelism.of(2));
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
                Sde.DEFAULT_EPS, Parallelism.of(2));
        FlowSampling.Drawn d = FlowSampling.fromMixture(SEED, N, cfg, Key.of(7));
        assertEquals(100, d.cost().maxEvaluations());
        assertKs(d.samples().points(), "heun 50 steps");
    }

    @Test
    void particlesDependOnlyOnTheirIndexAndKey() {
        ProbabilityFlowConfig one = ProbabilityFlowConfig.defaults(ProbabilityFlow.defaultSde("subvp"), Parallelism.single());
        ProbabilityFlowConfig four = ProbabilityFlowConfig.defaults(ProbabilityFlow.defaultSde("subvp"), Parallelism.of(4));
        TimeScoreFn score = TimeScoreFn.of(SEED, one.sde());
        ProbabilityFlow.Samples whole = ProbabilityFlow.sample(score, 600, 1, 0, one, Key.of(3));
        ProbabilityFlow.Samples threaded = ProbabilityFlow.sample(score, 600, 1, 0, four, Key.of(3));
        assertArrayEquals(whole.points(), threaded.points());
        ProbabilityFlow.Samples part = ProbabilityFlow.sample(score, 250, 1, 300, four, Key.of(3));
        assertArrayEquals(Arrays.copyOfRange(whole.points(), 300, 550), part.points());
        ProbabilityFlow.Samples other = ProbabilityFlow.sample(score, 600, 1, 0, one, Key.of(4));
        assertTrue(!Arrays.equals(whole.points(), other.points()));
    }

    @Test
    void aTimeConditionedNetworkSamplesDeterministicallyAndOthersAreRefused() {
        Sde sde = ProbabilityFlow.defaultSde("vp");
        io.score4j.nn.MlpSpec spec = new io.score4j.nn.MlpSpec(new int[] {2 + 4, 16, 2}, io.score4j.tensor.Activation.SILU);
        io.score4j.nn.Params p = io.score4j.nn.MlpInit.init(spec, io.score4j.nn.Init.SCALED, Key.of(2),
                io.score4j.tensor.DType.F32);
        io.score4j.model.ScoreNetwork net = io.score4j.model.ScoreNetwork.of(spec, p,
                io.score4j.model.Conditioning.time(sde, new io.score4j.model.TimeEmbedding(4)));
        io.score4j.data.Standardizer st = new io.score4j.data.Standardizer(new double[] {1, -2}, new double[] {2, 0.5});
        FlowSampling.Drawn a = FlowSampling.fromNetwork(net, st, 300, ProbabilityFlowConfig.defaults(sde, Parallelism.single()), Key.of(9));
        FlowSampling.Drawn b = FlowSampling.fromNetwork(net, st, 300, ProbabilityFlowConfig.defaults(sde, Parallelism.of(3)), Key.of(9));
        assertEquals(0, a.samples().nonFinite());
        assertArrayEquals(a.samples().points(), b.samples().points());
        io.score4j.InputException wrongSde = org.junit.jupiter.api.Assertions.assertThrows(io.score4j.InputException.class,
                () -> FlowSampling.fromNetwork(net, st, 10, ProbabilityFlowConfig.defaults(ProbabilityFlow.defaultSde("ve"), Parallelism.single()),
                        Key.of(9)));
        assertTrue(wrongSde.getMessage().startsWith("--sde"), wrongSde.getMessage());
        io.score4j.nn.MlpSpec plainSpec = io.score4j.nn.MlpSpec.scoreNet(2, io.score4j.tensor.Activation.SILU, 8);
        io.score4j.model.ScoreNetwork plain = io.score4j.model.ScoreNetwork.of(plainSpec, io.score4j.nn.MlpInit.init(
                plainSpec, io.score4j.nn.Init.SCALED, Key.of(2), io.score4j.tensor.DType.F32), io.score4j.model.Conditioning.none());
        org.junit.jupiter.api.Assertions.assertThrows(io.score4j.InputException.class,
                () -> FlowSampling.fromNetwork(plain, st, 10, ProbabilityFlowConfig.defaults(sde, Parallelism.single()), Key.of(9)));
    }
}
