package io.score4j.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {
    private static TableSchema fit(TextTable t, String types) {
        return TableSchema.fit(t, TableSchema.parseTypes(types, t, "--types"), "--types");
    }

    @Test
    void roundTripsEveryKindToAnEqualSchemaAndTheSameBytes() {
        TextTable t = Tables.boston(404, 21);
        for (String types : new String[] {null, "rad=categorical,crim=positive,rm=bounded,tax=continuous"}) {
            TableSchema s = fit(t, types);
            String json = s.toJson();
            TableSchema back = TableSchema.fromJson(json, "m.safetensors: metadata 'table'");
            assertEquals(s, back);
            assertEquals(json, back.toJson());
            assertEquals(s.summary().replaceAll("; given|; skewed \\(γ₁ = [0-9.-]+\\)|; \\d+% zeros|; \\d+ gaps", ""),
                    back.summary().replace("; gaps", ""));
            double[] z = Tables.normals(Key.of(3), 500, s.width(), 2.0);
            TextTable a = s.decode(z, 500, "x");
            TextTable b = back.decode(z, 500, "x");
            for (int j = 0; j < t.d(); j++) {
                assertArrayEquals(a.columns()[j], b.columns()[j]);
            }
        }
    }

    /** Over 1024 values the knots are quantiles, pinned to the data's min and max: the schema reads back. */
    @Test
    void aTableOverTheKnotLimitReadsBackWithKnotsFromMinToMax() {
        TableSchema s = fit(Tables.boston(5000, 9), null);
        assertEquals(s, TableSchema.fromJson(s.toJson(), "m.safetensors: metadata 'table'"));
        int knotted = 0;
        for (ColumnCodec c : s.columns()) {
            if (c instanceof NumericColumn n && n.marginal() instanceof QuantileMarginal q && !q.isSteps()
                    && q.values().length == ColumnProfile.MAX_LEVELS) {
                double[] knots = q.values();
                assertEquals(n.min(), knots[0], n.name());
                assertEquals(n.max(), knots[knots.length - 1], n.name());
                knotted++;
            }
        }
        assertTrue(knotted >= 2, "columns with 1024 knots: " + knotted);
    }

    @Test
    void sizeIsBoundedByTheKnotsNotTheRows() {
        // 5000 rows: each continuous column keeps 1024 knots, each integer its distinct values and counts. The
        // 9-column table's schema stays under 100 KB (measured: see the report), and the same table of 12000 rows
        // costs no more than ~10 % extra (more distinct tax values at most, the knots being 1024 either way).
        int small = fit(Tables.boston(5000, 22), null).toJson().length();
        int large = fit(Tables.boston(12000, 22), null).toJson().length();
        assertTrue(small < 100_000, "schema of 5000 rows: " + small + " characters");
        assertTrue(large < 1.1 * small, small + " → " + large);
    }

    private static String refused(String json) {
        return assertThrows(InputException.class, () -> TableSchema.fromJson(json, "m")).getMessage();
    }

    private static final String HEAD = "{\"format\":\"score4j-table\",\"version\":1,\"rows\":4,\"columns\":[";

    private static String column(String body) {
        return HEAD + body + "]}";
    }

    @Test
    void hostileJsonIsRefusedWithItsLocation() {
        assertTrue(refused("{").startsWith("m: malformed table schema JSON: "));
        assertEquals("m: table schema: expected a JSON object", refused("[1]"));
        assertEquals("m: table schema: unknown field 'extra'", refused(HEAD + "],\"extra\":1}"));
        assertTrue(refused("{\"format\":\"a\",\"format\":\"b\"}").contains("Duplicate field 'format'"));
        assertEquals("m: table schema format must be 'score4j-table' version 1",
                refused("{\"format\":\"score4j-table\",\"version\":2,\"rows\":1,\"columns\":[]}"));
        assertEquals("m: table schema: field 'columns' must be an array of 1 to 100000 entries", refused(HEAD + "]}"));
        assertEquals("m: table schema: field 'rows' must be a whole number in [1, 2147483647], got -3",
                refused("{\"format\":\"score4j-table\",\"version\":1,\"rows\":-3,\"columns\":[]}"));
        String num = "{\"name\":\"x\",\"kind\":\"continuous\",\"missing\":null,\"min\":0,\"max\":2,\"decimals\":1,"
                + "\"trimmed\":false,\"transform\":";
        assertEquals("x", TableSchema.fromJson(column(num + "{\"type\":\"knots\",\"knots\":[0,1,2]}}"), "m")
                .columns().get(0).name());
        assertEquals("m: table schema column 1 ('x'): transform: knots must be increasing, but entry 2 is 0.5 after 1.0",
                refused(column(num + "{\"type\":\"knots\",\"knots\":[0,1,0.5,2]}}")));
        assertEquals("m: table schema column 1 ('x'): transform: knots must run from min 0.0 to max 2.0, got 0.0 … 3.0",
                refused(column(num + "{\"type\":\"knots\",\"knots\":[0,1,3]}}")));
        assertEquals("m: table schema column 1 ('x'): transform: knots[1] must be a finite number",
                refused(column(num + "{\"type\":\"knots\",\"knots\":[0,\"NaN\",2]}}")));
        assertEquals("m: table schema column 1 ('x'): transform: type 'log' is not a transform of a continuous column",
                refused(column(num + "{\"type\":\"log\",\"shift\":0,\"mean\":0,\"std\":1}}")));
        StringBuilder many = new StringBuilder("0");
        for (int i = 1; i <= 1024; i++) {
            many.append(',').append(i * 2.0 / 1024);
        }
        assertEquals("m: table schema column 1 ('x'): transform: field 'knots' must be an array of 1 to 1024 entries",
                refused(column(num + "{\"type\":\"knots\",\"knots\":[" + many + "]}}")));
        assertEquals("m: table schema column 1 ('x'): unknown column kind 'real' (expected continuous, integer, binary,"
                + " categorical, positive or bounded)", refused(column("{\"name\":\"x\",\"kind\":\"real\"}")));
        assertEquals("m: table schema column 1 ('x'): field 'missing' must be null or a gap spelling the CSV reader"
                + " knows, got 'zero'", refused(column(num.replace("null", "\"zero\"") + "{\"type\":\"knots\",\"knots\":[0,2]}}")));
        assertEquals("m: table schema column 1 ('x'): min 3.0 is above max 2.0",
                refused(column(num.replace("\"min\":0", "\"min\":3") + "{}}")));
    }

    @Test
    void hostileLevelsAndCountsAreRefused() {
        String cat = "{\"name\":\"c\",\"kind\":\"categorical\",\"missing\":\"\",\"text\":true,";
        assertEquals("m: table schema column 1 ('c'): levels[1] must be a non-empty string, not repeated",
                refused(column(cat + "\"levels\":[\"a\",\"a\"],\"counts\":[1,1]}")));
        assertEquals("m: table schema column 1 ('c'): counts[1] must be a whole number in [1, 2147483647]",
                refused(column(cat + "\"levels\":[\"a\",\"b\"],\"counts\":[1,0]}")));
        assertEquals("m: table schema column 1 ('c'): field 'counts' must be an array of 2 to 2 entries",
                refused(column(cat + "\"levels\":[\"a\",\"b\"],\"counts\":[1]}")));
        assertEquals("m: table schema column 1 ('c'): levels[0] 'NA' would not read back from a CSV as itself",
                refused(column(cat + "\"levels\":[\"NA\",\"b\"],\"counts\":[1,1]}")));
        assertEquals("m: table schema column 1 ('c'): field 'levels' must be an array of 1 to 2 entries",
                refused(column(cat.replace("categorical", "binary") + "\"levels\":[\"a\",\"b\",\"c\"],\"counts\":[1,1,1]}")));
        String codes = "{\"name\":\"k\",\"kind\":\"categorical\",\"missing\":null,\"text\":false,\"decimals\":0,"
                + "\"trimmed\":false,";
        assertEquals("m: table schema column 1 ('k'): levels[1] '2.5' is not a number written as Precision[decimals=0,"
                + " trimmed=false]", refused(column(codes + "\"levels\":[\"1\",\"2.5\"],\"counts\":[1,1]}")));
        assertEquals("m: table schema column 1 ('k'): unknown field 'colour'",
                refused(column(codes + "\"colour\":1,\"levels\":[\"1\"],\"counts\":[1]}")));
        String steps = "{\"name\":\"i\",\"kind\":\"integer\",\"missing\":null,\"min\":1,\"max\":3,\"decimals\":0,"
                + "\"trimmed\":false,\"transform\":{\"type\":\"steps\",";
        assertEquals("m: table schema column 1 ('i'): transform: values must be strictly increasing, but entry 1 is 1.0"
                + " after 1.0", refused(column(steps + "\"values\":[1,1,3],\"counts\":[1,1,1]}}")));
        assertEquals("m: table schema column 1 ('i'): transform: values of an integer column must be whole numbers, got"
                + " 1.5", refused(column(steps + "\"values\":[1,1.5,3],\"counts\":[1,1,1]}}")));
        assertEquals("m: table schema column 2: name 'i' repeated", refused(HEAD
                + steps + "\"values\":[1,3],\"counts\":[1,1]}}," + steps + "\"values\":[1,3],\"counts\":[1,1]}}]}"));
        String log = "{\"name\":\"p\",\"kind\":\"positive\",\"missing\":null,\"min\":0,\"max\":3,\"decimals\":1,"
                + "\"trimmed\":true,\"transform\":{\"type\":\"log\",\"shift\":0.5,\"mean\":0,\"std\":";
        assertEquals("m: table schema column 1 ('p'): transform: need shift >= 0, finite mean, std > 0; got 0.5, 0.0, 0.0",
                refused(column(log + "0}}")));
        String logit = "{\"name\":\"b\",\"kind\":\"bounded\",\"missing\":null,\"min\":0,\"max\":3,\"decimals\":1,"
                + "\"trimmed\":false,\"transform\":{\"type\":\"logit\",\"mean\":0,\"std\":1,\"from\":";
        assertEquals("m: table schema column 1 ('b'): transform: the range [from, to] = [0.5, 4.0] must hold [min, max]"
                + " = [0.0, 3.0] and be wider than a point", refused(column(logit + "0.5,\"to\":4}}")));
    }

    @Test
    void oversizedAndDeeplyNestedTextsAreRefusedBeforeTheyCostMuch() {
        String json = fit(Tables.boston(50, 23), null).toJson();
        assertEquals("m: table schema of " + json.length() + " characters, more than the 100 allowed",
                assertThrows(InputException.class, () -> SchemaJson.read(json, "m", 100)).getMessage());
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String message = refused(deep);
        assertTrue(message.startsWith("m: malformed table schema JSON: ") && message.contains("nesting depth"), message);
        assertEquals("m: no table schema", refused(null));
    }
}
