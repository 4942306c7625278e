package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.nn.Init;
import io.score4j.objective.Projection;
import io.score4j.tensor.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingChoicesTest {
    /** Three rows in 2-D whose largest pairwise distance is ‖(0,0) − (3,4)‖ = 5. */
    private static final float[] ROWS = {0, 0, 3, 4, 1, 1};

    private static TrainingChoices choices(ObjectiveKind kind, Double sigmaMax, Integer batch) {
        return new TrainingChoices(kind, List.of(8), Activation.SILU, Init.SCALED, 1, Projection.RADEMACHER, 0.1,
                sigmaMax, 0.01, 4, new SdeFlags(null, null, null, null, null, null), null, 2, batch, 5e-3, 0);
    }

    @Test
    void theBatchIsTheGivenOneOrAtMostTheDefaultAndNeverMoreThanTheRows() {
        assertEquals(3, choices(ObjectiveKind.EXACT, null, null).derive(ROWS, 3, 2).batch());
        assertEquals(TrainingSpec.DEFAULT_BATCH, choices(ObjectiveKind.EXACT, null, null).batchFor(10_000));
        assertEquals(2, choices(ObjectiveKind.EXACT, null, 2).derive(ROWS, 3, 2).batch());
        InputException e = assertThrows(InputException.class, () -> choices(ObjectiveKind.EXACT, null, 4).derive(ROWS, 3, 2));
        assertTrue(e.getMessage().contains("--batch"), e.getMessage());
    }

    @Test
    void ncsnWithoutSigmaMaxTakesTheDataDiameterAndBuildsItsLadderFromIt() {
        TrainingChoices c = choices(ObjectiveKind.NCSN, null, null);
        TrainingChoices.Derived d = c.derive(ROWS, 3, 2);
        assertEquals(5.0, d.sigmaMax(), 1e-6);
        TrainingSpec spec = c.trainingSpec("rows", 3, 7, d);
        assertEquals(5.0, spec.ladder().sigmaMax(), 1e-6);
        assertEquals(4, spec.ladder().sigmas().length);
        assertEquals(0.01, spec.ladder().sigmas()[3], 1e-15);
        assertEquals(TrainingSpec.LadderOrigin.DATA_DIAMETER, spec.ladderOrigin());
        assertEquals(3, spec.batch());
    }

    @Test
    void aGivenSigmaMaxIsKeptAndNothingIsDerived() {
        TrainingChoices c = choices(ObjectiveKind.NCSN, 2.0, null);
        TrainingChoices.Derived d = c.derive(ROWS, 3, 2);
        assertNull(d.sigmaMax());
        TrainingSpec spec = c.trainingSpec("rows", 3, 7, d);
        assertEquals(2.0, spec.ladder().sigmaMax(), 0.0);
        assertEquals(TrainingSpec.LadderOrigin.GIVEN, spec.ladderOrigin());
        assertNull(choices(ObjectiveKind.EXACT, null, null).derive(ROWS, 3, 2).sigmaMax());
    }

    @Test
    void aSigmaMinAboveTheDiameterIsAUserError() {
        TrainingChoices c = new TrainingChoices(ObjectiveKind.NCSN, List.of(8), Activation.SILU, Init.SCALED, 1,
                Projection.RADEMACHER, 0.1, null, 6.0, 4, new SdeFlags(null, null, null, null, null, null), null, 2,
                null, 5e-3, 0);
        InputException e = assertThrows(InputException.class, () -> c.derive(ROWS, 3, 2));
        assertTrue(e.getMessage().contains("--sigma-min"), e.getMessage());
    }

    @Test
    void theNetworkHasTheObjectivesInputs() {
        assertArrayEquals(new int[] {2, 8, 2}, choices(ObjectiveKind.EXACT, null, null).spec(2).sizes());
        assertArrayEquals(new int[] {3, 8, 2}, choices(ObjectiveKind.NCSN, null, null).spec(2).sizes());
    }
}
