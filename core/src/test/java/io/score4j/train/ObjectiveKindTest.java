package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.objective.DenoisingScoreMatching;
import io.score4j.objective.ExactScoreMatching;
import io.score4j.objective.NoiseConditionalScoreMatching;
import io.score4j.objective.Objective;
import io.score4j.objective.Projection;
import io.score4j.objective.SlicedScoreMatching;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The objective names, network shapes and settings that train and the CLI choose from. */
final class ObjectiveKindTest {
    private static final ObjectiveOptions OPTIONS = new ObjectiveOptions(3, Projection.GAUSSIAN, 0.25,
            NoiseLadder.of(2.0, 0.5, 0.125));

    @Test
    void everyObjectiveHasItsCommandLineName() {
        assertEquals(List.of("exact", "sliced", "sliced-vr", "denoising", "ncsn", "dsm"), ObjectiveKind.names());
        for (ObjectiveKind k : ObjectiveKind.values()) {
            assertEquals(k, ObjectiveKind.parse(k.id().toUpperCase(java.util.Locale.ROOT)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObjectiveKind.parse("ssm"));
        assertTrue(e.getMessage().contains("sliced-vr"), e.getMessage());
    }

    @Test
    void onlyNcsnConditionsTheNetworkOnTheNoiseLevelAndDsmOnTime() {
        for (ObjectiveKind k : ObjectiveKind.values()) {
            int in = k == ObjectiveKind.NCSN ? 4 : k == ObjectiveKind.DSM ? 3 + 16 : 3;
            assertEquals(k == ObjectiveKind.NCSN, k.noiseConditional());
            assertEquals(k == ObjectiveKind.DSM, k.timeConditional());
            assertEquals(in, k.inputDim(3));
            assertArrayEquals(new int[] {in, 16, 8, 3}, k.spec(3, Activation.TANH, 16, 8).sizes());
        }
    }

    @Test
    void optionsReachTheObjectives() {
        assertInstanceOf(ExactScoreMatching.class, ObjectiveKind.EXACT.objective(OPTIONS));
        SlicedScoreMatching sliced = (SlicedScoreMatching) ObjectiveKind.SLICED.objective(OPTIONS);
        assertEquals(3, sliced.projections());
        assertEquals(Projection.GAUSSIAN, sliced.projection());
        assertFalse(sliced.varianceReduced());
        assertTrue(((SlicedScoreMatching) ObjectiveKind.SLICED_VR.objective(OPTIONS)).varianceReduced());
        assertEquals(0.25, ((DenoisingScoreMatching) ObjectiveKind.DENOISING.objective(OPTIONS)).sigma(), 0.0);
        assertEquals(OPTIONS.ladder(), ((NoiseConditionalScoreMatching) ObjectiveKind.NCSN.objective(OPTIONS)).ladder());
        assertThrows(IllegalArgumentException.class, () -> ObjectiveKind.NCSN.objective(ObjectiveOptions.defaults()));
    }

    @Test
    void batchLossIsTheObjectiveOnTheFloatBatch() {
        Key key = Key.of(7);
        int n = 12;
        float[] rows = Draw.normal(Key.of(8), (n + 3) * 2);
        for (ObjectiveKind k : ObjectiveKind.values()) {
            MlpSpec spec = k.spec(2, Activation.SOFTPLUS, 8);
            Params p = MlpInit.init(spec, Init.SCALED, Key.of(9), DType.F32);
            LossAndGrad r = k.loss(spec, 2, OPTIONS, Parallelism.single()).lossAndGrad(p, rows, n, key);
            Tensor batch = Tensor.wrap(java.util.Arrays.copyOf(rows, n * 2), n, 2);
            Objective o = k.objective(OPTIONS);
            LossAndGrad expected = o.lossAndGrad(spec, p, batch, key);
            assertEquals(expected.loss(), r.loss(), 1e-6 * Math.max(1, Math.abs(expected.loss())), k.id());
            for (String name : p.names()) {
                assertArrayEquals(expected.grad().get(name).toDoubleArray(), r.grad().get(name).toDoubleArray(),
                        1e-5 * Math.max(1, maxAbs(expected.grad().get(name))), k.id() + " " + name);
            }
        }
    }

    @Test
    void aNetworkOfTheWrongShapeIsRejected() {
        MlpSpec square = MlpSpec.scoreNet(2, Activation.TANH, 8);
        assertThrows(IllegalArgumentException.class, () -> ObjectiveKind.NCSN.loss(square, 2, OPTIONS, Parallelism.single()));
        MlpSpec conditional = ObjectiveKind.NCSN.spec(2, Activation.TANH, 8);
        assertThrows(IllegalArgumentException.class, () -> ObjectiveKind.SLICED.loss(conditional, 2, OPTIONS, Parallelism.single()));
    }

    @Test
    void objectiveOptionsAreValidatedAndCopied() {
        assertThrows(IllegalArgumentException.class, () -> new ObjectiveOptions(0, Projection.GAUSSIAN, 0.1, null));
        assertThrows(IllegalArgumentException.class, () -> new ObjectiveOptions(1, null, 0.1, null));
        assertThrows(IllegalArgumentException.class, () -> new ObjectiveOptions(1, Projection.GAUSSIAN, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ObjectiveOptions(1, Projection.GAUSSIAN, Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> NoiseLadder.of(1, 2));
        double[] ladder = {2, 1};
        ObjectiveOptions o = new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, new NoiseLadder(ladder));
        ladder[0] = 5;
        assertArrayEquals(new double[] {2, 1}, o.ladder().sigmas(), 0.0);
        assertEquals(o, new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, NoiseLadder.of(2, 1)));
        assertNotEquals(o, new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, NoiseLadder.of(3, 1)));
        assertEquals(o.hashCode(), new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, NoiseLadder.of(2, 1)).hashCode());
        assertEquals(new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, null), ObjectiveOptions.defaults());
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (int i = 0; i < t.size(); i++) {
            m = Math.max(m, Math.abs(t.get(i)));
        }
        return m;
    }
}
