package io.score4j.data;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns for a consumer are found by name, never by position; mappings say which name to look for. */
class ColumnMatchTest {
    private static final String[] AB = {"a", "b"};

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void reorderedColumnsAreReadInTheConsumersOrder() throws IOException {
        Path f = csv("ba.csv", "b,a\n2,1\n4,3\n");
        ColumnMatch m = ColumnMatch.of(f, AB, ColumnMapping.byName());
        Dataset x = m.read();
        assertArrayEquals(AB, x.columns());
        assertArrayEquals(new double[] {1, 2, 3, 4}, x.values());
        assertEquals(List.of(), m.ignored());
        assertEquals(List.of(), m.missing());
        assertArrayEquals(new int[] {1, 0}, m.positions());
    }

    @Test
    void extraColumnsAreNamedAndNeverParsed() throws IOException {
        Path f = csv("extra.csv", "id,b,label,a\nr1,2,north,1\nr2,4,south,3\n");
        ColumnMatch m = ColumnMatch.of(f, AB, ColumnMapping.byName());
        assertEquals(List.of("id", "label"), m.ignored());
        assertArrayEquals(new double[] {1, 2, 3, 4}, m.read().values());
        assertArrayEquals(new int[] {3, 1}, m.positions(), "a is the 4th header column, b the 2nd");
    }

    @Test
    void missingColumnsAreAllNamedWithTheFile() throws IOException {
        Path f = csv("x.csv", "a,x\n1,2\n");
        ColumnMatch m = ColumnMatch.of(f, new String[] {"a", "b", "c"}, ColumnMapping.byName());
        assertEquals(List.of("b", "c"), m.missing());
        InputException e = assertThrows(InputException.class, m::read);
        assertTrue(e.getMessage().startsWith(f + ": no columns b, c"), e.getMessage());
        assertTrue(e.getMessage().contains("the header has a, x"), e.getMessage());
    }

    @Test
    void renamedPairsMapSomeColumnsAndLeaveTheOthersByName() throws IOException {
        Path f = csv("xy.csv", "y,b,x\n1,2,3\n");
        ColumnMapping swap = ColumnMapping.parse(List.of("a=x", " c = y "));
        Dataset d = ColumnMatch.of(f, new String[] {"a", "b", "c"}, swap).read();
        assertArrayEquals(new String[] {"a", "b", "c"}, d.columns());
        assertArrayEquals(new double[] {3, 2, 1}, d.values());
        ColumnMatch wrong = ColumnMatch.of(f, AB, ColumnMapping.parse(List.of("b=q")));
        assertTrue(wrong.missingText().startsWith("no columns a, q (for b)"), wrong.missingText());
    }

    @Test
    void anOrderedListGivesOneCsvNamePerColumn() throws IOException {
        Path f = csv("xy.csv", "y,x\n1,2\n");
        Dataset d = ColumnMatch.of(f, AB, ColumnMapping.parse(List.of("x", "y"))).read();
        assertArrayEquals(new double[] {2, 1}, d.values());
        assertEquals(new ColumnMapping.Ordered(List.of("x", "y")), ColumnMapping.parse(List.of("x", "y")));
    }

    @Test
    void badMappingsAreUserErrors() {
        assertEquals(ColumnMapping.byName(), ColumnMapping.parse(null));
        assertMappingError(() -> ColumnMapping.parse(List.of("a=x", "y")), "mixes");
        assertMappingError(() -> ColumnMapping.parse(List.of("a=x", "a=y")), "'a' twice");
        assertMappingError(() -> ColumnMapping.parse(List.of("a=", "b=y")), "empty name");
        assertMappingError(() -> ColumnMapping.parse(List.of("x", "")), "empty name");
        assertMappingError(() -> ColumnMapping.parse(List.of("q=x")).sourcesFor(AB), "'q'", "a, b");
        assertMappingError(() -> ColumnMapping.parse(List.of("x")).sourcesFor(AB), "1 CSV column", "2 are needed");
        assertMappingError(() -> ColumnMapping.parse(List.of("a=b")).sourcesFor(AB), "'a' and 'b'", "'b'");
        assertMappingError(() -> ColumnMapping.parse(List.of("x", "x")).sourcesFor(AB), "'x'");
    }

    private static void assertMappingError(org.junit.jupiter.api.function.Executable f, String... mention) {
        InputException e = assertThrows(InputException.class, f);
        for (String m : mention) {
            assertTrue(e.getMessage().contains(m), "'" + m + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void nonFiniteCellsAreKeptOnlyWhenAsked() throws IOException {
        Path f = csv("nan.csv", "b,a\nnan,1\n");
        ColumnMatch m = ColumnMatch.of(f, AB, ColumnMapping.byName());
        assertThrows(InputException.class, m::read);
        Dataset d = m.readAllowingNonFinite();
        assertEquals(1.0, d.values()[0]);
        assertTrue(Double.isNaN(d.values()[1]));
    }

    @Test
    void headerIsReadAloneWithoutItsByteOrderMark() throws IOException {
        Path f = csv("bom.csv", "\n\uFEFFa, \"b,c\" \nnot,a,number,row\n");
        assertArrayEquals(new String[] {"a", "b,c"}, Csv.header(f));
        InputException empty = assertThrows(InputException.class, () -> Csv.header(csv("e.csv", "\n")));
        assertTrue(empty.getMessage().contains("empty file"), empty.getMessage());
    }
}
