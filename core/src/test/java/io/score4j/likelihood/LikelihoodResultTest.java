package io.score4j.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LikelihoodResultTest {
    @Test
    void meanAndStandardErrorOverRows() {
        LikelihoodResult r = new LikelihoodResult(new double[] {1, 2, 3, 4}, new int[] {8, 8, 14, 8});
        assertEquals(2.5, r.meanLogp(), 1e-15);
        // sample variance 5/3, se = √(5/3 / 4)
        assertEquals(Math.sqrt(5.0 / 12), r.standardError(), 1e-15);
        assertTrue(Double.isNaN(new LikelihoodResult(new double[] {1}, new int[] {8}).standardError()));
        assertThrows(IllegalArgumentException.class, () -> new LikelihoodResult(new double[2], new int[3]));
    }
}
