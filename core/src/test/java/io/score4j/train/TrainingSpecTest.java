package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.nn.Init;
import io.score4j.noise.NoiseLadder;
import io.score4j.objective.Projection;
import io.score4j.tensor.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed training spec: validation, its metadata codec and the comparison a resume makes. */
final class TrainingSpecTest {
    private static final ObjectiveOptions SLICED = new ObjectiveOptions(2, Projection.GAUSSIAN, 0.1, null);

    private static TrainingSpec ncsn(NoiseLadder ladder) {
        return TrainingSpec.defaults(ObjectiveKind.NCSN, ObjectiveOptions.defaults().withLadder(ladder), "toy:ring8 n=256",
                256).withNetwork(Activation.SILU, 8, 8).withSchedule(2, 128, 3);
    }

    @Test
    void theMetadataIsWhatTrainHasAlwaysWritten() {
        TrainingSpec s = TrainingSpec.defaults(ObjectiveKind.SLICED_VR, SLICED, "toy:ring8 n=256", 256)
                .withNetwork(Activation.SOFTPLUS, 8).withOptimizer(0.005, 1.0).withSchedule(2, 128, 3);
        Map<String, String> want = new LinkedHashMap<>();
        want.put("objective", "sliced-vr");
        want.put("hidden", "[8]");
        want.put("activation", "softplus");
        want.put("init", "scaled");
        want.put("optimizer", "clip_by_global_norm(1.0) + adam");
        want.put("lr", "0.005");
        want.put("epochs", "2");
        want.put("batch", "128");
        want.put("projections", "2");
        want.put("projection", "gaussian");
        want.put("data", "toy:ring8 n=256");
        want.put("rows", "256");
        want.put("seed", "3");
        assertEquals(List.copyOf(want.entrySet()), List.copyOf(s.metadata().entrySet()));
        assertEquals(s, TrainingSpec.fromMetadata(s.metadata(), null));
    }

    @Test
    void everyObjectiveRoundTrips() {
        for (ObjectiveKind k : ObjectiveKind.values()) {
            ObjectiveOptions o = new ObjectiveOptions(3, Projection.RADEMACHER, 0.25, NoiseLadder.geometric(3, 0.01, 5));
            TrainingSpec s = TrainingSpec.defaults(k, o, "data", 100).withInit(Init.NORMAL).withSchedule(7, 33, -5);
            assertEquals(s, TrainingSpec.fromMetadata(s.metadata(), null), k.id());
            assertEquals(k == ObjectiveKind.NCSN, s.metadata().containsKey("sigma_max"), k.id());
            assertEquals(k == ObjectiveKind.DENOISING, s.metadata().containsKey("sigma"), k.id());
            assertFalse(s.metadata().containsKey("sigmas"), "a geometric ladder is written as its ends and levels");
        }
    }

    @Test
    void optionsAnObjectiveIgnoresDoNotMakeSpecsDiffer() {
        TrainingSpec a = TrainingSpec.defaults(ObjectiveKind.EXACT, SLICED, "d", 10);
        TrainingSpec b = TrainingSpec.defaults(ObjectiveKind.EXACT, ObjectiveOptions.defaults(), "d", 10);
        assertEquals(a, b);
        assertEquals(List.of(), a.differences(b));
        assertNull(b.ladderOrigin());
        assertNull(b.ladder());
    }

    @Test
    void theNcsnLadderIsKeptWholeWhenItIsNotGeometric() {
        TrainingSpec geometric = ncsn(NoiseLadder.geometric(4.9419835732525526, 0.05, 4))
                .withLadder(NoiseLadder.geometric(4.9419835732525526, 0.05, 4), TrainingSpec.LadderOrigin.DATA_DIAMETER);
        assertEquals("4.9419835732525526", geometric.metadata().get("sigma_max"));
        assertEquals("data diameter", geometric.metadata().get("sigma_max_from"));
        assertEquals("0.05", geometric.metadata().get("sigma_min"));
        assertEquals("4", geometric.metadata().get("levels"));
        assertEquals(geometric, TrainingSpec.fromMetadata(geometric.metadata(), null));
        TrainingSpec odd = ncsn(NoiseLadder.of(2.0, 0.5, 0.1));
        assertEquals("[2.0,0.5,0.1]", odd.metadata().get("sigmas"));
        assertEquals(odd, TrainingSpec.fromMetadata(odd.metadata(), null));
        assertEquals(odd, TrainingSpec.fromMetadata(geometric.metadata(), NoiseLadder.of(2.0, 0.5, 0.1))
                .withLadder(NoiseLadder.of(2.0, 0.5, 0.1), TrainingSpec.LadderOrigin.GIVEN));
    }

    @Test
    void differencesNameTheSettingAndBothValues() {
        TrainingSpec a = ncsn(NoiseLadder.geometric(3, 0.01, 5));
        TrainingSpec b = a.withOptimizer(0.05, 0).withSchedule(9, 128, 3);
        assertEquals(List.of(new TrainingSpec.Difference("lr", "0.005", "0.05")), a.differences(b, "epochs"));
        assertEquals(2, a.differences(b).size());
        TrainingSpec c = a.withLadder(NoiseLadder.geometric(3, 0.02, 5), TrainingSpec.LadderOrigin.GIVEN);
        assertEquals("sigma_min", a.differences(c).get(0).setting());
        TrainingSpec sliced = TrainingSpec.defaults(ObjectiveKind.SLICED, SLICED, "toy:ring8 n=256", 256)
                .withNetwork(Activation.SILU, 8, 8).withSchedule(2, 128, 3);
        TrainingSpec.Difference first = a.differences(sliced).get(0);
        assertEquals(new TrainingSpec.Difference("objective", "ncsn", "sliced"), first);
        assertTrue(a.differences(sliced).contains(new TrainingSpec.Difference("projections", null, "2")));
        assertTrue(a.differences(sliced).contains(new TrainingSpec.Difference("levels", "5", null)));
    }

    @Test
    void badSpecsAreRefusedNamingTheSetting() {
        TrainingSpec ok = TrainingSpec.defaults(ObjectiveKind.EXACT, ObjectiveOptions.defaults(), "d", 10);
        assertEquals(10, ok.batch());
        String[][] cases = {{"lr", "0"}, {"clip", "-1"}, {"epochs", "0"}, {"batch", "11"}, {"hidden", "[]"}};
        assertThrows(IllegalArgumentException.class, () -> ok.withOptimizer(Double.NaN, 0));
        for (String[] c : cases) {
            java.util.function.Supplier<TrainingSpec> make = switch (c[0]) {
                case "lr" -> () -> ok.withOptimizer(0, 0);
                case "clip" -> () -> ok.withOptimizer(1, -1);
                case "epochs" -> () -> ok.withSchedule(0, 10, 0);
                case "batch" -> () -> ok.withSchedule(1, 11, 0);
                default -> () -> ok.withNetwork(Activation.TANH);
            };
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
            assertTrue(e.getMessage().startsWith(c[0]), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSpec.defaults(ObjectiveKind.NCSN, ObjectiveOptions.defaults(), "d", 10));
        assertTrue(e.getMessage().contains("noise ladder"), e.getMessage());
    }

    @Test
    void metadataMissingOrMalformedIsRefusedNamingTheKey() {
        Map<String, String> m = new LinkedHashMap<>(ncsn(NoiseLadder.geometric(3, 0.01, 5)).metadata());
        m.remove("rows");
        assertEquals("metadata 'rows' missing",
                assertThrows(IllegalArgumentException.class, () -> TrainingSpec.fromMetadata(m, null)).getMessage());
        m.put("rows", "many");
        assertEquals("metadata 'rows' is 'many', not a number",
                assertThrows(IllegalArgumentException.class, () -> TrainingSpec.fromMetadata(m, null)).getMessage());
        m.put("rows", "256");
        m.put("optimizer", "sgd");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingSpec.fromMetadata(m, null)).getMessage()
                .startsWith("metadata 'optimizer' is 'sgd'"));
    }
}
