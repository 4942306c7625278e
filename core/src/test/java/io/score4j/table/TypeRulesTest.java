package io.score4j.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.data.TextTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeRulesTest {
    private static List<ColumnKind> kinds(TableSchema s) {
        return s.columns().stream().map(ColumnCodec::kind).toList();
    }

    private static TableSchema fit(TextTable t, String types) {
        return TableSchema.fit(t, TableSchema.parseTypes(types, t, "--types"), "--types");
    }

    @Test
    void infersTheKindsOfATableLikeTheIssues404Rows() {
        TextTable t = Tables.boston(404, 14);
        TableSchema s = fit(t, null);
        assertEquals(List.of(ColumnKind.BINARY, ColumnKind.INTEGER, ColumnKind.INTEGER, ColumnKind.CONTINUOUS,
                ColumnKind.CONTINUOUS, ColumnKind.CONTINUOUS, ColumnKind.CATEGORICAL, ColumnKind.BINARY,
                ColumnKind.CONTINUOUS), kinds(s));
        String[] lines = s.summary().split("\n");
        assertEquals(t.d(), lines.length);
        assertTrue(lines[0].matches("chas\\s+binary\\s+2 levels: 0, 1"), lines[0]);
        assertTrue(lines[1].matches("rad\\s+integer\\s+1 … 24 \\(middle \\d+; 9 values, quantile steps\\)"), lines[1]);
        assertTrue(lines[3].matches("zn\\s+continuous\\s+0 … 100 \\(middle 0; quantile, 404 knots\\)"
                + "; skewed \\(γ₁ = \\d\\.\\d\\); \\d\\d% zeros"), lines[3]);
        assertTrue(lines[4].contains("; skewed (γ₁ = "), lines[4]);
        assertTrue(lines[6].matches("town\\s+categorical\\s+3 levels \\(text\\): Cambridge, Lynn, Salem, MA"), lines[6]);
        assertTrue(lines[8].matches("age\\s+continuous\\s+.*; \\d+ gaps \\('NA'\\)"), lines[8]);
    }

    @Test
    void rulesOnSmallColumns() {
        String[][] c = {
            {"3", "3", "3", "3"},            // constant number: categorical, one level
            {"1.0", "2.0", "3.0", "2.0"},    // whole numbers written with a point: integer
            {"-1", "0.5", "2", "7"},         // a fraction: continuous
            {"a", "b", "a", "c"},            // text: categorical
            {"1", "x", "1", "1"},            // text and numbers, two values: binary
            {"2", null, "2", "5"},           // two numbers and a gap: binary with gaps
        };
        TextTable t = TextTable.of("m.csv", new String[] {"k", "i", "f", "t", "b", "g"}, c);
        TableSchema s = fit(t, "");
        assertEquals(List.of(ColumnKind.CATEGORICAL, ColumnKind.INTEGER, ColumnKind.CONTINUOUS,
                ColumnKind.CATEGORICAL, ColumnKind.BINARY, ColumnKind.BINARY), kinds(s));
        assertEquals(0, s.columns().get(0).width());
        assertEquals(1, s.columns().get(1).width());
        assertEquals(3, s.columns().get(3).width());
        assertEquals(2, s.columns().get(5).width());
        assertEquals(1 + 1 + 3 + 1 + 2, s.width());
        assertEquals(List.of("i", "f", "t=a", "t=b", "t=c", "b", "g", "g?"), List.of(s.coordinateNames()));
    }

    @Test
    void overridesAreParsedAndChecked() {
        TextTable t = Tables.boston(100, 3);
        Map<String, ColumnKind> k = TableSchema.parseTypes(" rad = Categorical,crim=positive, rm=bounded", t, "--types");
        assertEquals(Map.of("rad", ColumnKind.CATEGORICAL, "crim", ColumnKind.POSITIVE, "rm", ColumnKind.BOUNDED), k);
        TableSchema s = TableSchema.fit(t, k, "--types");
        assertEquals(ColumnKind.CATEGORICAL, s.columns().get(1).kind());
        assertEquals(ColumnKind.POSITIVE, s.columns().get(4).kind());
        assertEquals(ColumnKind.BOUNDED, s.columns().get(5).kind());
        assertTrue(s.summary().split("\n")[1].contains("; given"));
    }

    private static String error(TextTable t, String types) {
        return assertThrows(InputException.class, () -> fit(t, types)).getMessage();
    }

    @Test
    void badOverridesAndColumnsAreNamed() {
        TextTable t = Tables.boston(100, 3);
        assertEquals("--types: unknown column 'radius'; the table has chas, rad, tax, zn, crim, rm, town, river, age",
                error(t, "radius=integer"));
        assertEquals("--types rad: unknown column kind 'int' (expected continuous, integer, binary, categorical,"
                + " positive or bounded)", error(t, "rad=int"));
        assertEquals("--types: expected col=kind, got 'rad'", error(t, "rad"));
        assertEquals("--types: expected col=kind, got ''", error(t, "rad=integer,"));
        assertEquals("--types: column 'rad' is given twice", error(t, "rad=integer,rad=categorical"));
        assertTrue(error(t, "town=continuous").matches("--types: boston.csv: column 'town' cannot be continuous: it"
                + " has text '[A-Za-z, ]+' \\(row 2\\); a text column is categorical or binary"), error(t, "town=continuous"));
        assertEquals("--types: boston.csv: column 'rad' cannot be binary: it has 9 distinct values",
                error(t, "rad=binary"));
        assertTrue(error(t, "rm=integer").matches("--types: boston.csv: column 'rm' cannot be integer: it has a value"
                + " that is not a whole number, '\\d\\.\\d{3}' \\(row 2\\)"), error(t, "rm=integer"));
        String[][] neg = {{"-1.5", "2", "3.25"}};
        assertEquals("--types: n.csv: column 'x' cannot be positive: its smallest value is -1.5",
                error(TextTable.of("n.csv", new String[] {"x"}, neg), "x=positive"));
        String[][] same = {{"2", "2", "2"}};
        assertEquals("--types: c.csv: column 'x' cannot be bounded: it has one value only (2.0); say categorical",
                error(TextTable.of("c.csv", new String[] {"x"}, same), "x=bounded"));
    }

    @Test
    void refusesEmptyColumnsAndIdentifiers() {
        String[][] gaps = {{"1", "2"}, {null, "NA"}};
        assertEquals("g.csv: column 'y' has no values (every cell is missing)",
                error(TextTable.of("g.csv", new String[] {"x", "y"}, gaps), null));
        String[][] ids = new String[1][1100];
        for (int i = 0; i < ids[0].length; i++) {
            ids[0][i] = "id" + i;
        }
        assertEquals("i.csv: column 'id' has more than 1024 distinct text values (the first 'id0' (row 2)): an"
                + " identifier or free text, not a category; leave the column out",
                error(TextTable.of("i.csv", new String[] {"id"}, ids), null));
    }

    /** A column of distinct consecutive whole numbers is named as a likely row id; one with a hole or a repeat is not. */
    @Test
    void consecutiveDistinctWholeNumbersAreNamedAsARowId() {
        String[][] c = new String[3][40];
        for (int i = 0; i < 40; i++) {
            c[0][i] = Integer.toString(101 + (i * 7) % 40);
            c[1][i] = Integer.toString(i == 39 ? 200 : i);
            c[2][i] = Integer.toString(i == 39 ? 0 : i);
        }
        TableSchema s = TableSchema.fit(TextTable.of("r.csv", new String[] {"id", "hole", "repeat"}, c), java.util.Map.of(),
                "--types");
        String[] lines = s.summary().split("\n");
        assertTrue(lines[0].contains("every value distinct and consecutive: a row id? (--columns leaves it out)"), lines[0]);
        assertTrue(!lines[1].contains("row id") && !lines[2].contains("row id"), s.summary());
    }
}
