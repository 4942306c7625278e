package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lenient samples reader: Csv's layout rules, plus non-finite cells kept so they can be counted. */
class NamedRowsTest {
    @TempDir
    Path dir;

    @Test
    void readsSelectedColumnsWithBomBlankLinesAndTextColumns() throws IOException {
        Path f = Files.writeString(dir.resolve("s.csv"), "\uFEFFid,\"x\",y\n\nfoo,1,2\n  \nbar,nan,-inf\n");
        Dataset d = NamedRows.readAllowingNonFinite(f, List.of("y", "x"), "--samples");
        assertArrayEquals(new String[] {"y", "x"}, d.columns());
        assertEquals(2, d.n());
        assertArrayEquals(new double[] {2, 1, Double.NEGATIVE_INFINITY, Double.NaN}, d.values(), 0.0);
        InputException text = assertThrows(InputException.class, () -> NamedRows.readAllowingNonFinite(f, null, "--samples"));
        assertTrue(text.getMessage().contains("row 3, column 'id': not a number: 'foo'"), text.getMessage());
    }

    @Test
    void badFilesAreNamed() throws IOException {
        Path dup = Files.writeString(dir.resolve("dup.csv"), "x,x\n1,2\n");
        InputException e = assertThrows(InputException.class, () -> NamedRows.readAllowingNonFinite(dup, null, "--samples"));
        assertTrue(e.getMessage().startsWith("--samples " + dup + ": row 1 (header): duplicate column name 'x'"),
                e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n\n");
        assertTrue(assertThrows(InputException.class, () -> NamedRows.readAllowingNonFinite(empty, null, "--samples")).getMessage()
                .contains("empty file"));
        Path latin = Files.write(dir.resolve("latin.csv"), new byte[] {'x', '\n', (byte) 0xE9, '\n'});
        assertTrue(assertThrows(InputException.class, () -> NamedRows.readAllowingNonFinite(latin, null, "--samples")).getMessage()
                .contains("not valid UTF-8"));
        assertTrue(assertThrows(InputException.class, () -> NamedRows.readAllowingNonFinite(dir, null, "--samples")).getMessage()
                .contains("is a directory"));
    }
}
