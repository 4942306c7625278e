package io.score4j.train;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.Standardizer;
import org.junit.jupiter.api.Test;

/** The float-range check names the first value beyond float's range by row and column, and converts the rest. */
final class TrainingRunTest {
    @Test
    void rowsInFloatRangeConvert() {
        Dataset raw = Dataset.of(2, new double[] {1.5, -2, 3e30, 0.25});
        assertArrayEquals(new float[] {1.5f, -2f, 3e30f, 0.25f},
                TrainingRun.floats(raw, Standardizer.identity(2), "csv:a.csv", false));
    }

    @Test
    void aValueBeyondFloatRangeIsNamed() {
        Dataset raw = Dataset.of(2, new double[] {1, 2, 3, 4e38});
        String msg = assertThrows(InputException.class,
                () -> TrainingRun.floats(raw, Standardizer.identity(2), "csv:a.csv", false)).getMessage();
        assertEquals("csv:a.csv: data row 2, column '" + raw.columns()[1] + "' is 4.0E38, beyond the float range "
                + "(±3.4e38) the network computes in; train with --standardize", msg);
    }
}
