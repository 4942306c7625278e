package io.score4j.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void meanNfeIsTheMeanOverRows() {
        assertEquals(9.5, new LikelihoodResult(new double[] {1, 2, 3, 4}, new int[] {8, 8, 14, 8}).meanNfe(), 0.0);
    }

    @Test
    void csvHasOneRowPerInputRowAndRefusesANonFiniteOneWritingNothing(@TempDir Path dir) throws Exception {
        LikelihoodResult r = new LikelihoodResult(new double[] {-1.5, -2.25}, new int[] {20, 26});
        Path plain = dir.resolve("plain.csv");
        r.writeCsv(plain, null, "in.csv");
        assertEquals(List.of("logp,nfe", "-1.5,20.0", "-2.25,26.0"), Files.readAllLines(plain));
        Path both = dir.resolve("both.csv");
        r.writeCsv(both, new double[] {-1.0, -2.0}, "in.csv");
        assertEquals(List.of("logp,logp_exact,nfe", "-1.5,-1.0,20.0", "-2.25,-2.0,26.0"), Files.readAllLines(both));
        Path bad = dir.resolve("bad.csv");
        InputException e = assertThrows(InputException.class, () -> new LikelihoodResult(new double[] {0, Double.NaN},
                new int[] {1, 1}).writeCsv(bad, null, "in.csv"));
        assertTrue(e.getMessage().startsWith("in.csv: data row 2: its log-likelihood is not finite"), e.getMessage());
        assertTrue(Files.notExists(bad));
    }
}
