package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.data.TextTable;
import io.score4j.table.ColumnKind;
import io.score4j.table.TableSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --where} clauses: how they combine into one condition per column, how rows are tested, and each error. */
class WhereTest {
    private static final String[] COLUMNS = {"a", "b"};
    private static final TextTable T = TextTable.of("t.csv", new String[] {"n", "city", "x", "flag"}, new String[][] {
        {"1", "2", "3", "2", "1", "5"},
        {"Paris", "Lyon", "Lille", "Paris", "Lyon", "Paris"},
        {"0.5", null, "1.5", "2.25", "NA", "3.0"},
        {"0", "1", "0", "0", "1", "1"}});
    private static final TableSchema S = TableSchema.fit(T, Map.of("n", ColumnKind.INTEGER, "flag", ColumnKind.BINARY),
            "--types");

    @Test
    void clausesOnOneColumnMakeARange() {
        Where w = Where.parse(List.of("a>=30", " a < 40", "a!=35", "b>0"), COLUMNS, "--where");
        assertEquals(2, w.conditions().size());
        Where.Range a = (Where.Range) w.conditions().get(0);
        assertEquals(30, a.lo());
        assertTrue(a.loClosed());
        assertEquals(40, a.hi());
        assertFalse(a.hiClosed());
        for (double x : new double[] {30, 34.5, 39.999}) {
            assertTrue(a.holds(x), "a=" + x);
        }
        for (double x : new double[] {29.999, 35, 40, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertFalse(a.holds(x), "a=" + x);
        }
        assertTrue(w.holds(new double[] {0, 0, 31, 0.1}, 1, 2));
        assertFalse(w.holds(new double[] {31, 0}, 0, 2), "b > 0 fails");
        assertEquals("a>=30,a < 40,a!=35,b>0", w.text());
    }

    @Test
    void tighterEndWinsAndEqualsIsAPoint() {
        Where.Range r = (Where.Range) Where.parse(List.of("a>1", "a>=2", "a<=5", "a<5"), COLUMNS, "--where")
                .conditions().get(0);
        assertEquals(2, r.lo());
        assertTrue(r.loClosed());
        assertEquals(5, r.hi());
        assertFalse(r.hiClosed(), "< 5 is tighter than <= 5");
        Where point = Where.parse(List.of("b=2.50"), COLUMNS, "--where");
        assertTrue(point.conditions().get(0).holds("2.5"));
        assertFalse(point.conditions().get(0).holds("2.51"));
        assertEquals(List.of("b=2.5"), point.singleValues());
    }

    @Test
    void tableColumnsAreTestedAsWritten() {
        Where w = Where.parse(List.of("n>=2", "city!=Paris", "x<2"), S, "--where");
        TextTable rows = TextTable.of("s", S.names(), new String[][] {
            {"2", "3", "2", "1"}, {"Lyon", "Lille", "Paris", "Lyon"}, {"1.5", null, "0.5", "0.5"}, {"0", "0", "0", "0"}});
        assertTrue(w.holds(rows, 0));
        assertFalse(w.holds(rows, 1), "a gap never satisfies a range");
        assertFalse(w.holds(rows, 2), "Paris is excluded");
        assertFalse(w.holds(rows, 3), "n = 1 < 2");
        Where flag = Where.parse(List.of("flag=1.0"), S, "--where");
        assertTrue(flag.conditions().get(0).holds("1"), "a numeric code is matched as the column writes it");
        assertEquals(List.of("flag=1"), flag.singleValues());
        Where city = Where.parse(List.of("city=Lyon"), S, "--where");
        assertTrue(city.conditions().get(0).holds("Lyon"));
        assertFalse(city.conditions().get(0).holds("Lille"));
    }

    @Test
    void eachErrorNamesTheFlagClauseAndColumn() {
        assertError(List.of("z>1"), "--where 'z>1' names no column 'z'; the columns are n, city, x, flag");
        assertError(List.of("x>=one"), "--where 'x>=one': 'one' is not a finite decimal number (column 'x' holds numbers)");
        assertError(List.of("x>2", "x<1"), "--where 'x>2,x<1': the clauses on column 'x' leave no value");
        assertError(List.of("x>1", "x<1"), "--where 'x>1,x<1': the clauses on column 'x' leave no value");
        assertError(List.of("n>1", "n<2"), "--where 'n>1,n<2': the clauses on column 'n' leave no value (the column is integer)");
        assertError(List.of("x>=3.5"), "--where 'x>=3.5': the range lies outside the data's values of 'x', 0.50 … 3.00");
        assertError(List.of("n<1"), "--where 'n<1': the range lies outside the data's values of 'n', 1 … 5");
        assertError(List.of("city=Rome"), "--where 'city=Rome': 'Rome' is not a level of column 'city' (Lille, Lyon, Paris)");
        assertError(List.of("city>Lyon"), "--where 'city>Lyon': column 'city' is categorical: use = or != with one of its levels");
        assertError(List.of("city=Lyon", "city=Paris"), "--where 'city=Lyon,city=Paris': the clauses on column 'city' leave no level");
        assertError(List.of("x"), "--where 'x' is not COL<OP>VALUE (OP: >=, >, <=, <, =, !=; clauses separated by commas)");
        assertError(List.of("x>="), "--where 'x>=' is not COL<OP>VALUE (OP: >=, >, <=, <, =, !=; clauses separated by commas)");
        InputException e = assertThrows(InputException.class, () -> Where.parse(List.of("a=1", "a!=1"), COLUMNS, "--where"));
        assertEquals("--where 'a=1,a!=1': the clauses on column 'a' leave no value", e.getMessage());
    }

    @Test
    void aRangeThatMeetsTheDataAtOneEndIsKept() {
        Where.Range r = (Where.Range) Where.parse(List.of("x>=3"), S, "--where").conditions().get(0);
        assertTrue(r.holds("3.00"));
        assertThrows(InputException.class, () -> Where.parse(List.of("x>3"), S, "--where"));
    }

    private static void assertError(List<String> clauses, String message) {
        InputException e = assertThrows(InputException.class, () -> Where.parse(clauses, S, "--where"));
        assertEquals(message, e.getMessage());
    }
}
