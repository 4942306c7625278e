package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.data.TextTable;
import org.junit.jupiter.api.Test;

/** Which road a --csv takes ({@link TableRoute}): typed table or plain numbers, and the note that says so. */
final class TableRouteTest {
    private static TextTable table(String[] names, String[]... columns) {
        return TextTable.of("t.csv", names, columns);
    }

    @Test
    void continuousNumbersKeepThePlainNumericRoadAndSaySo() {
        TableRoute r = TableRoute.of(table(new String[] {"a", "b"}, new String[] {"0.5", "1.25", "2"},
                new String[] {"-1.5", "3.75", "9.5"}), null, "t.csv");
        assertFalse(r.table());
        assertTrue(r.note().startsWith("note: t.csv: every column is continuous: trained as plain numbers"), r.note());
    }

    @Test
    void aBinaryIntegerOrConstantColumnMakesNumbersATypedTable() {
        String[] x = {"0.5", "1.25", "2.5"};
        TableRoute binary = TableRoute.of(table(new String[] {"x", "b"}, x, new String[] {"0", "1", "1"}), null, "t.csv");
        assertTrue(binary.table());
        assertTrue(binary.note().contains("1 of 2 columns are not continuous (b binary)")
                && binary.note().contains("--types none"), binary.note());
        TableRoute integer = TableRoute.of(table(new String[] {"x", "n"}, x, new String[] {"3", "7.0", "12"}), null, "f");
        assertTrue(integer.table() && integer.note().contains("(n integer)"), integer.note());
        TableRoute constant = TableRoute.of(table(new String[] {"x", "k"}, x, new String[] {"4", "4", "4"}), null, "f");
        assertTrue(constant.table() && constant.note().contains("(k categorical)"), constant.note());
    }

    @Test
    void manyDiscreteColumnsAreListedUpToSix() {
        String[][] cols = new String[8][];
        String[] names = new String[8];
        for (int j = 0; j < 8; j++) {
            names[j] = "c" + j;
            cols[j] = new String[] {"1", "2", "3"};
        }
        String note = TableRoute.of(table(names, cols), null, "f").note();
        assertTrue(note.contains("8 of 8 columns are not continuous (c0 integer, c1 integer, c2 integer, c3 integer, "
                + "c4 integer, c5 integer, …)"), note);
    }

    @Test
    void typesOrTextChooseTheTableAndTypesNoneThePlainNumbersWithoutANote() {
        TextTable ints = table(new String[] {"n"}, new String[] {"1", "2", "3"});
        TableRoute none = TableRoute.of(ints, " NONE ", "f");
        assertFalse(none.table());
        assertNull(none.note());
        assertTrue(TableRoute.plain("none") && !TableRoute.plain("n=none") && !TableRoute.plain(null));
        TableRoute given = TableRoute.of(table(new String[] {"x"}, new String[] {"0.5", "1.5"}), "x=continuous", "f");
        assertTrue(given.table());
        assertNull(given.note());
        TableRoute text = TableRoute.of(table(new String[] {"c"}, new String[] {"Lyon", "Paris"}), null, "f");
        assertTrue(text.table());
        assertNull(text.note());
        assertEquals(new TableRoute(true, null), TableRoute.of(table(new String[] {"g"}, new String[] {"1.5", "NA"}),
                null, "f"));
    }
}
