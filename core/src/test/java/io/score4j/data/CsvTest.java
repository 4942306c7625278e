package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsAllColumns() throws IOException {
        Path p = file("ok.csv", "\uFEFFa, b ,\"c,d\"\r\n1,2.5,-3e-2\n\n.5 , +4,\"1E3\"\n");
        Dataset ds = Csv.read(p);
        assertArrayEquals(new String[] {"a", "b", "c,d"}, ds.columns());
        assertEquals(2, ds.n());
        assertArrayEquals(new double[] {1, 2.5, -0.03, 0.5, 4, 1000}, ds.values());
    }

    @Test
    void readsSelectedColumnsInRequestedOrderIgnoringTextInOthers() throws IOException {
        Path p = file("sel.csv", "id,x,y\nalpha,1,2\nbeta,3,4\n");
        Dataset ds = Csv.read(p, List.of("y", "x"));
        assertArrayEquals(new String[] {"y", "x"}, ds.columns());
        assertArrayEquals(new double[] {2, 1, 4, 3}, ds.values());
    }

    @Test
    void fileLevelErrorsNameTheFile() throws IOException {
        expect(dir.resolve("missing.csv"), null, "missing.csv: file not found");
        expect(dir, null, "is a directory");
        expect(file("empty.csv", ""), null, "empty.csv: empty file");
        expect(file("blank.csv", "\n  \n"), null, "blank.csv: empty file");
        expect(file("header.csv", "a,b\n"), null, "header.csv: no data rows after the header (row 1)");
        Path bad = dir.resolve("latin1.csv");
        Files.write(bad, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        expect(bad, null, "latin1.csv: not valid UTF-8");
    }

    @Test
    void cellErrorsNameFileRowAndColumn() throws IOException {
        expect(file("ragged.csv", "a,b\n1,2\n3\n"), null, "ragged.csv: row 3: expected 2 cells as in the header, found 1");
        expect(file("text.csv", "a,b\n1,2\n\n3,abc\n"), null, "text.csv: row 4, column 'b': not a number: 'abc'");
        expect(file("nan.csv", "a,b\n1,NaN\n"), null, "nan.csv: row 2, column 'b': NaN is not allowed");
        expect(file("inf.csv", "a,b\n-inf,1\n"), null, "inf.csv: row 2, column 'a': infinite value");
        expect(file("inf2.csv", "a,b\nInfinity,1\n"), null, "inf2.csv: row 2, column 'a': infinite value");
        expect(file("big.csv", "a,b\n1e400,1\n"), null, "big.csv: row 2, column 'a': value '1e400' is too large");
        expect(file("empty-cell.csv", "a,b\n1,\n"), null, "empty-cell.csv: row 2, column 'b': empty cell");
        expect(file("java.csv", "a\n1d\n"), null, "java.csv: row 2, column 'a': not a number: '1d'");
        expect(file("hex.csv", "a\n0x10\n"), null, "hex.csv: row 2, column 'a': not a number");
        expect(file("quote.csv", "a,b\n1,\"2\n"), null, "quote.csv: row 2, cell 2: unterminated quote");
        expect(file("after.csv", "a,b\n1,\"2\"x\n"), null, "after.csv: row 2, cell 2: unexpected text after a closing quote");
    }

    @Test
    void headerAndSelectionErrors() throws IOException {
        expect(file("dup.csv", "a,b,a\n1,2,3\n"), null, "dup.csv: row 1 (header): duplicate column name 'a' (columns 1 and 3)");
        expect(file("noname.csv", "a,,c\n1,2,3\n"), null, "noname.csv: row 1 (header), column 2: empty column name");
        Path p = file("sel.csv", "a,b\n1,2\n");
        expect(p, List.of("z"), "sel.csv: unknown column 'z'; the header has a, b");
        expect(p, List.of("a", "a"), "sel.csv: column 'a' is requested twice");
        expect(p, List.of(), "sel.csv: no columns requested");
        expect(p, Arrays.asList("a", null), "sel.csv: requested column 2 has no name");
    }

    @Test
    void writeRoundTripsDoublesExactly() throws IOException {
        double[] v = {0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, Math.PI, -123456789.123456789, 1.0 / 3};
        Path p = dir.resolve("out.csv");
        Csv.write(p, new String[] {"a", "b"}, v, 2);
        Dataset back = Csv.read(p);
        assertEquals(4, back.n());
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(back.values()[i]), "index " + i);
        }
    }

    @Test
    void writeRoundTripsFloatsExactly() throws IOException {
        float[] v = {0.1f, 1e-45f, Float.MAX_VALUE, -2.5f, (float) Math.PI, 16777217f, 1.17549435E-38f, 3.4e38f};
        Path p = dir.resolve("f.csv");
        Csv.write(p, new String[] {"x"}, v, 1);
        double[] back = Csv.read(p).values();
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], (float) back[i], "index " + i);
        }
        assertEquals("0.1", Csv.floatText(0.1f));
    }

    @Test
    void writeQuotesAwkwardNamesAndRoundTripsThem() throws IOException {
        Path p = dir.resolve("names.csv");
        Dataset ds = new Dataset(new String[] {"a,b", "say \"hi\"", " pad "}, 1, 3, new double[] {1, 2, 3});
        Csv.write(p, ds);
        assertEquals(ds, Csv.read(p));
    }

    @Test
    void writeIsAtomicAndLeavesNoTempFiles() throws IOException {
        Path p = dir.resolve("atomic.csv");
        Files.writeString(p, "old contents\n");
        Csv.write(p, new String[] {"x"}, new double[] {1, 2}, 1);
        assertEquals("x\n1.0\n2.0\n", Files.readString(p));
        Csv.write(p, Dataset.of(1, new double[] {3}));
        assertEquals("x0\n3.0\n", Files.readString(p));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(p), s.toList());
        }
    }

    @Test
    void failedWriteLeavesNoTempFileAndKeepsTheOldFile() throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> Csv.write(dir.resolve("nodir/out.csv"), new String[] {"x"}, new double[] {1}, 1));
        assertTrue(e.getMessage().contains("out.csv: cannot write: directory"), e.getMessage());
        Path target = dir.resolve("sub");
        Files.createDirectory(target);
        assertThrows(InputException.class, () -> Csv.write(target, new String[] {"x"}, new double[] {1}, 1));
        Path keep = dir.resolve("keep.csv");
        Files.writeString(keep, "x\n1.0\n");
        assertThrows(IllegalArgumentException.class,
                () -> Csv.write(keep, new String[] {"x"}, new double[] {Double.NaN}, 1));
        assertEquals("x\n1.0\n", Files.readString(keep));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count()); // sub/ and keep.csv only
        }
    }

    @Test
    void writeRejectsProgrammingErrors() {
        Path p = dir.resolve("x.csv");
        assertThrows(IllegalArgumentException.class, () -> Csv.write(p, new String[] {"a"}, new double[] {1, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(p, new String[] {"a", "b"}, new double[] {1}, 2));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(p, new String[] {"a", "a"}, new double[] {1, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(p, new String[] {"a\nb"}, new double[] {1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Csv.write(p, new String[] {"a"}, new float[] {Float.POSITIVE_INFINITY}, 1));
    }

    private static void expect(Path p, List<String> columns, String fragment) {
        InputException e = assertThrows(InputException.class, () -> Csv.read(p, columns));
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\r"), "one line");
    }
}
