package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.InputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCsvTest {
    private static TextTable read(String text) throws IOException {
        return TextCsv.read("t.csv", new StringReader(text));
    }

    private static String error(String text) {
        return assertThrows(InputException.class, () -> read(text)).getMessage();
    }

    @Test
    void readsTextNumbersAndGaps() throws IOException {
        TextTable t = read("\uFEFFcity, age ,income\nParis,31,NA\n\n\"Lyon, FR\",,12.5\n  Nice ,44, 3\n");
        assertArrayEquals(new String[] {"city", "age", "income"}, t.names());
        assertEquals(3, t.n());
        assertArrayEquals(new String[] {"Paris", "Lyon, FR", "Nice"}, t.columns()[0]);
        assertArrayEquals(new String[] {"31", null, "44"}, t.columns()[1]);
        assertArrayEquals(new String[] {null, "12.5", "3"}, t.columns()[2]);
        assertArrayEquals(new int[] {2, 4, 5}, t.lines());
        assertArrayEquals(new String[] {null, "", "NA"}, t.missingTokens());
        assertEquals("t.csv: row 4, column 'age'", t.where(1, 1));
    }

    @Test
    void everyPandasGapSpellingIsAGapAndOtherTextIsKept() throws IOException {
        String[] gaps = {"", "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None", "<NA>", "#N/A"};
        StringBuilder b = new StringBuilder("x\n");
        for (String g : gaps) {
            b.append(g.isEmpty() ? "\"\"" : g).append('\n');
        }
        b.append("na\nnone\ninf\n");
        TextTable t = read(b.toString());
        for (int i = 0; i < gaps.length; i++) {
            assertNull(t.cell(i, 0), gaps[i]);
        }
        assertArrayEquals(new String[] {"na", "none", "inf"},
                java.util.Arrays.copyOfRange(t.columns()[0], gaps.length, gaps.length + 3));
    }

    @Test
    void malformedInputNamesFileRowAndColumn() {
        assertEquals("t.csv: row 3: expected 2 cells as in the header, found 1", error("a,b\n1,2\n3\n"));
        assertEquals("t.csv: row 3: expected 2 cells as in the header, found more", error("a,b\n1,2\n3,4,5\n"));
        assertEquals("t.csv: row 2, column 'b': unterminated quote (quoted cells must close on the same line)",
                error("a,b\n1,\"x\n"));
        assertEquals("t.csv: row 2, column 'a': unexpected text after a closing quote", error("a,b\n\"x\"y,2\n"));
        assertEquals("t.csv: row 2, column 'b': NUL character in a cell (a binary file, not CSV text?)",
                error("a,b\n1,\0\n"));
        assertEquals("t.csv: row 1 (header): duplicate column name 'a' (columns 1 and 2)", error("a,a\n1,2\n"));
        assertEquals("t.csv: row 1 (header), column 2: empty column name", error("a,\n1,2\n"));
        assertEquals("t.csv: empty file, expected a header row of column names", error("\n\n"));
        assertEquals("t.csv: no data rows after the header (row 1)", error("a,b\n"));
    }

    @Test
    void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "k,v\nx,1\n", StandardCharsets.UTF_8);
        TextTable t = TextCsv.read(f);
        assertEquals(f.toString(), t.source());
        assertEquals("x", t.cell(0, 0));
        assertEquals(dir.resolve("no.csv") + ": file not found",
                assertThrows(InputException.class, () -> TextCsv.read(dir.resolve("no.csv"))).getMessage());
        Files.write(dir.resolve("bad.csv"), new byte[] {'a', '\n', (byte) 0xff, '\n'});
        assertEquals(dir.resolve("bad.csv") + ": not valid UTF-8 text",
                assertThrows(InputException.class, () -> TextCsv.read(dir.resolve("bad.csv"))).getMessage());
    }
}
