package io.score4j.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvTest {
    @Test
    void precisionWritesAsTheDataDoes() {
        assertEquals("2.50", new Precision(2, false).format(2.5));
        assertEquals("2.5", new Precision(2, true).format(2.5));
        assertEquals("3", new Precision(2, true).format(2.999));
        assertEquals("0", new Precision(2, true).format(-0.001));
        assertEquals("0.00", new Precision(2, false).format(-0.001));
        assertEquals("-0.01", new Precision(2, false).format(-0.005000001));
        assertEquals("0.12", new Precision(2, false).format(0.125));     // 0.125 is exact: half-even goes to 0.12
        assertEquals("0.14", new Precision(2, false).format(0.135));     // 0.135 is 0.13500000000000000888…: up
        assertEquals("37", Precision.WHOLE.format(37.49));
        assertEquals("123456789012", Precision.WHOLE.format(123456789012.3));
        assertEquals("1.0E-7", Precision.SHORTEST.format(1e-7));
        assertEquals("0.0", Precision.SHORTEST.format(-0.0));
        assertThrows(IllegalArgumentException.class, () -> new Precision(0, true));
        assertThrows(IllegalArgumentException.class, () -> new Precision(16, false));
    }

    @Test
    void precisionIsDetectedPerColumn() {
        String[][] c = {
            {"1.5", "2.25", "3"},         // R style: 2 decimals, trimmed
            {"1.50", "2.25", "3.00"},     // fixed 2 decimals
            {"1e-3", "2.5", "3"},         // an exponent: shortest
            {"10", "20", "35"},           // integers
            {"0.1234567890123456", "1", "2"},   // 16 decimals: shortest
        };
        TextTable t = TextTable.of("p.csv", new String[] {"r", "f", "e", "i", "long"}, c);
        TableSchema s = TableSchema.fit(t, java.util.Map.of(), "--types");
        assertEquals(new Precision(2, true), ((NumericColumn) s.columns().get(0)).precision());
        assertEquals(new Precision(2, false), ((NumericColumn) s.columns().get(1)).precision());
        assertEquals(Precision.SHORTEST, ((NumericColumn) s.columns().get(2)).precision());
        assertEquals(Precision.WHOLE, ((NumericColumn) s.columns().get(3)).precision());
        assertEquals(Precision.SHORTEST, ((NumericColumn) s.columns().get(4)).precision());
    }

    @Test
    void writesNamesCellsAndGapsInOrderQuotingWhereNeeded() {
        String[][] c = {{"a", "b, c", null}, {"1", null, "say \"hi\""}, {" x", "y", "z"}};
        TextTable t = new TextTable("t", new String[] {"k", "v,w", "s"}, c, new int[] {2, 3, 4},
                new String[] {"NA", "", null});
        String text = new String(TableCsv.toBytes(t), StandardCharsets.UTF_8);
        assertEquals("k,\"v,w\",s\na,1,\" x\"\n\"b, c\",,y\nNA,\"say \"\"hi\"\"\",z\n", text);
    }

    @Test
    void aTableReadEncodedDecodedAndWrittenReadsBackToTheSameCellsAndBytes(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.write(in, TableCsv.toBytes(Tables.boston(404, 31)));
        TextTable t = TextCsv.read(in);
        TableSchema s = TableSchema.fit(t, java.util.Map.of(), "--types");
        TextTable back = s.decode(s.encode(t, Key.of(1)).values(), t.n(), "out.csv");
        Path out = dir.resolve("out.csv");
        TableCsv.write(back, out);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
        TextTable again = TextCsv.read("again", new StringReader(Files.readString(out)));
        for (int j = 0; j < t.d(); j++) {
            assertArrayEquals(t.columns()[j], again.columns()[j]);
        }
        double[] z = Tables.normals(Key.of(2), 1000, s.width(), 1.0);
        byte[] once = TableCsv.toBytes(s.decode(z, 1000, "a"));
        assertArrayEquals(once, TableCsv.toBytes(TableSchema.fromJson(s.toJson(), "m").decode(z.clone(), 1000, "b")));
    }
}
