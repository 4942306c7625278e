package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds {@link CsvLines} puts on each line, and NUL characters. */
class CsvLimitsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), text);
    }

    private String error(String text) throws IOException {
        Path f = file(text);
        return assertThrows(InputException.class, () -> Csv.read(f)).getMessage();
    }

    @Test
    void aNulIsRefusedNamingRowAndColumn() throws IOException {
        assertEquals(dir.resolve("t.csv") + ": row 3, column 'b': NUL character in a cell (a binary file, not CSV text?)",
                error("a,b\n1,2\n3,4\0\n"));
        assertTrue(error("a,\0b\n1,2\n").contains("row 1, column 2: NUL"));
        // trimming would have hidden it: "4\0" trims to "4"
        assertTrue(error("a,b\n1,2\n3,\0\n").contains("row 3, column 'b'"));
    }

    @Test
    void aHeaderWiderThanTheLimitIsRefusedWithoutSplittingIt() throws IOException {
        StringBuilder b = new StringBuilder("c0");
        for (int j = 1; j <= CsvLines.MAX_COLUMNS; j++) {
            b.append(",c").append(j);
        }
        assertTrue(error(b + "\n").endsWith("row 1 has more than 100000 cells, the most a row may have"));
        String ok = b.substring(0, b.lastIndexOf(","));
        assertEquals(CsvLines.MAX_COLUMNS, Csv.read(file(ok + "\n" + "1,".repeat(CsvLines.MAX_COLUMNS - 1) + "1\n")).d());
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRefusedAsSoonAsItHasOneTooMany() throws IOException {
        assertTrue(error("a,b\n1,2\n1,2,3\n").endsWith("row 3: expected 2 cells as in the header, found more"));
        // a quoted comma is inside a cell, not a separator
        Dataset d = Csv.read(file("a,b,\"c,d\"\n1,2,3\n"), java.util.List.of("a", "b"));
        assertArrayEquals(new double[] {1, 2}, d.values());
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() throws IOException {
        String longCell = " ".repeat(CsvLines.MAX_LINE_CHARS) + "1";
        assertTrue(error("a\n" + longCell + "\n").endsWith("row 2 is longer than 16777216 characters, the longest a row may be"));
    }

    @Test
    void lineEndingsAndBlankLinesAreAsBefore() throws IOException {
        Dataset d = Csv.read(file("a,b\r\n1,2\r\n\r\n3,4\r5,6\n\n7,8"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, d.values());
        String e = error("a,b\r\n1,2\r\n\r\nx,4\r\n");
        assertTrue(e.contains("row 4, column 'a'"), e);
    }
}
