package io.score4j.data;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lenient reading mode: non-finite spellings are read, everything else is checked as usual. */
class CsvNonFiniteTest {
    @TempDir
    Path dir;

    @Test
    void numbersAndNonFiniteSpellings() {
        assertEquals(1.5, CsvSyntax.parseNumberOrNonFinite("1.5", "at"), 0.0);
        assertEquals(-5.0, CsvSyntax.parseNumberOrNonFinite("-.5e1", "at"), 0.0);
        for (String nan : new String[] {"nan", "NaN", "-NAN", ""}) {
            assertTrue(Double.isNaN(CsvSyntax.parseNumberOrNonFinite(nan, "at")), nan);
        }
        for (String inf : new String[] {"inf", "+Infinity", "INF", "1e999"}) {
            assertEquals(Double.POSITIVE_INFINITY, CsvSyntax.parseNumberOrNonFinite(inf, "at"), 0.0, inf);
        }
        assertEquals(Double.NEGATIVE_INFINITY, CsvSyntax.parseNumberOrNonFinite("-infinity", "at"), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, CsvSyntax.parseNumberOrNonFinite("-1e999", "at"), 0.0);
        for (String bad : new String[] {"1d", "0x10", "abc", "1e", ".", "1,5", "nanx"}) {
            InputException e = assertThrows(InputException.class,
                    () -> CsvSyntax.parseNumberOrNonFinite(bad, "f.csv: row 2, column 'x'"), bad);
            assertTrue(e.getMessage().startsWith("f.csv: row 2, column 'x': not a number"), e.getMessage());
        }
    }

    @Test
    void strictReadRefusesWhatLenientReadKeeps() throws Exception {
        Path f = Files.writeString(dir.resolve("s.csv"), "x,y\n1,2\nnan,-inf\n");
        Dataset d = Csv.readAllowingNonFinite(f, null);
        assertArrayEquals(new double[] {1, 2, Double.NaN, Double.NEGATIVE_INFINITY}, d.values(), 0.0);
        InputException e = assertThrows(InputException.class, () -> Csv.read(f));
        assertTrue(e.getMessage().contains("row 3, column 'x': NaN is not allowed"), e.getMessage());
    }
}
