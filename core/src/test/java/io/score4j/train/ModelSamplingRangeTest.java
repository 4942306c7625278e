package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.data.Standardizer;
import io.score4j.density.GaussianMixture;
import io.score4j.nn.MlpInit;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerKind;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Particles [a, b) sampled alone equal rows [a, b) of the whole run, bit for bit: what lets a run split over
 * machines (score4j-spark) write the same bytes as one machine. Before {@code firstRow} reached the Langevin
 * engine, a range restarted the noise counters at its own row 0 and drew its start from element 0, so a split run
 * differed from the whole one.
 */
final class ModelSamplingRangeTest {
    private static final int N = 37;
    private static final int[] CUTS = {0, 5, 18, 19, N};

    @Test
    void startRowsAreTheWholeDrawsElements() {
        Key key = Key.of(3);
        float[] whole = Draw.uniform(key, 60, -2, 3);
        assertArrayEquals(Arrays.copyOfRange(whole, 17, 43), Draw.uniformAt(key, 17, 26, -2, 3));
    }

    @Test
    void fusedOneHiddenLayerModelSplitsExactly() {
        assertRangesEqualWhole(model(null, 16), plan(SamplerKind.LANGEVIN, 1));
        assertRangesEqualWhole(model(null, 16), plan(SamplerKind.LANGEVIN, 2));
    }

    @Test
    void deepModelSplitsExactly() {
        assertRangesEqualWhole(model(null, 8, 8), plan(SamplerKind.LANGEVIN, 2));
    }

    @Test
    void noiseConditionalModelSplitsExactlyAnnealedAndLangevin() {
        NoiseLadder ladder = NoiseLadder.geometric(3, 0.1, 4);
        assertRangesEqualWhole(model(ladder, 8), plan(SamplerKind.ANNEALED, 2));
        assertRangesEqualWhole(model(ladder, 8, 8), plan(SamplerKind.LANGEVIN, 1));
    }

    @Test
    void mixtureSplitsExactlyExceptMalaWhichRunsWhole() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-2, 0}, {2, 1}},
                new double[][] {{0.5, 1}, {1, 0.5}});
        for (SamplerKind kind : new SamplerKind[] {SamplerKind.LANGEVIN, SamplerKind.ANNEALED}) {
            SamplingPlan o = new SamplingPlan(kind, 20, 0.01, -3, 3, kind == SamplerKind.ANNEALED ? 4.0 : null, null, 3, Parallelism.of(2));
            Key key = Key.of(11);
            double[] whole = ModelSampling.fromMixture(mix, N, o, key, ModelSampling.Progress.NONE).points();
            double[] joined = new double[0];
            for (int c = 0; c + 1 < CUTS.length; c++) {
                joined = concat(joined, ModelSampling.fromMixture(mix, CUTS[c], CUTS[c + 1] - CUTS[c], o, key,
                        ModelSampling.Progress.NONE).points());
            }
            assertArrayEquals(whole, joined, kind.id());
        }
        SamplingPlan mala = new SamplingPlan(SamplerKind.MALA, 5, 0.01, -3, 3, null, null, null, Parallelism.single());
        assertThrows(InputException.class, () -> ModelSampling.fromMixture(mix, 5, 3, mala, Key.of(1),
                ModelSampling.Progress.NONE));
    }

    private static void assertRangesEqualWhole(ScoreModel m, SamplingPlan o) {
        Key key = Key.of(7).split(5)[3];
        double[] whole = ModelSampling.fromModel(m, N, o, key, ModelSampling.Progress.NONE).points();
        double[] joined = new double[0];
        for (int c = 0; c + 1 < CUTS.length; c++) {
            joined = concat(joined, ModelSampling.fromModel(m, CUTS[c], CUTS[c + 1] - CUTS[c], o, key,
                    ModelSampling.Progress.NONE).points());
        }
        assertEquals(N * m.dim(), joined.length);
        assertArrayEquals(whole, joined);
    }

    private static SamplingPlan plan(SamplerKind kind, int threads) {
        return new SamplingPlan(kind, 40, 0.02, -2, 2, null, null, null, Parallelism.of(threads));
    }

    /** An untrained (initialised) model of dimension 2 with the given hidden widths; noise-conditional with a ladder. */
    private static ScoreModel model(NoiseLadder ladder, int... hidden) {
        int d = 2;
        TrainingSpec spec = TrainingSpec.defaults(ladder != null ? ObjectiveKind.NCSN : ObjectiveKind.DENOISING,
                        ladder != null ? ObjectiveOptions.defaults().withLadder(ladder) : ObjectiveOptions.defaults(),
                        "test", 64)
                .withNetwork(Activation.SOFTPLUS, hidden);
        if (ladder != null) {
            spec = spec.withLadder(ladder, TrainingSpec.LadderOrigin.GIVEN);
        }
        Params p = MlpInit.init(spec.network(d), spec.init(), Key.of(5), DType.F32);
        return ScoreModel.of(spec.network(d), p, new Standardizer(new double[] {1, -1}, new double[] {2, 0.5}),
                new String[] {"a", "b"}, spec);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
