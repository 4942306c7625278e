package io.score4j.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkedColumns}: found where columns are functions of a hidden town (and not between independent small
 * integers), kept only for combinations of at least two rows, decoded as the nearest kept combination in the
 * encoded units with held columns respected, carried through the schema's JSON, and ignored by
 * {@link TableSchema#decodeColumns}.
 */
final class LinkedColumnsTest {
    /**
     * 300 rows from 40 towns (town t on rows with t = ⌊40·u²⌋, so some towns have one row): tax, zoning and ratio
     * are functions of the town; kids and claims are independent small integers; income is continuous.
     */
    static TextTable towns(int n, long seed) {
        Key key = Key.of(seed);
        String[] names = {"tax", "kids", "zoning", "income", "claims", "ratio"};
        String[][] c = new String[names.length][n];
        for (int i = 0; i < n; i++) {
            Key k = key.child(i);
            double u = k.uniform(0);
            int town = (int) (40 * u * u);
            c[0][i] = Integer.toString(200 + 13 * town);
            c[1][i] = Integer.toString((int) (5 * k.uniform(1)));
            c[2][i] = town % 3 == 0 ? "0" : Integer.toString(5 * (town % 7));
            c[3][i] = String.format(java.util.Locale.ROOT, "%.2f", 20000 + 30000 * k.uniform(2));
            c[4][i] = Integer.toString((int) (9 * k.uniform(3) * k.uniform(4)));
            c[5][i] = String.format(java.util.Locale.ROOT, "%.1f", 12 + 0.3 * ((town * 7) % 31));
        }
        return TextTable.of("towns.csv", names, c);
    }

    @Test
    void findsTheColumnsOfAHiddenTownAndNotIndependentSmallIntegers() {
        TextTable t = towns(300, 1);
        TableSchema s = TableSchema.fit(t, Map.of(), "--types");
        assertEquals(1, s.links().size(), s.summary());
        LinkedColumns l = s.links().get(0);
        assertArrayEquals(new int[] {0, 2, 5}, l.columns(), "tax, zoning, ratio");
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int i = 0; i < t.n(); i++) {
            seen.merge(List.of(t.cell(i, 0), t.cell(i, 2), t.cell(i, 5)), 1, Integer::sum);
        }
        long twice = seen.values().stream().filter(c -> c >= 2).count();
        assertTrue(twice < seen.size(), "the fixture has towns of one row");
        assertEquals(twice, l.tuples().length, "kept: the combinations of at least two rows");
        for (long c : l.counts()) {
            assertTrue(c >= 2);
        }
        assertTrue(s.summary().contains("linked: tax, zoning, ratio come in " + twice + " combinations"), s.summary());
        assertTrue(TableSchema.fit(t, Map.of(), "--types", false).links().isEmpty(), "--no-links");
        TextTable few = towns(60, 1);
        Map<List<String>, Integer> fewSeen = new HashMap<>();
        for (int i = 0; i < few.n(); i++) {
            fewSeen.merge(List.of(few.cell(i, 0), few.cell(i, 2), few.cell(i, 5)), 1, Integer::sum);
        }
        long once = fewSeen.values().stream().filter(c -> c == 1).count();
        assertTrue(fewSeen.size() <= 30 && 1 - once / 60.0 < LinkedColumns.MIN_COVERAGE,
                "60 rows: " + fewSeen.size() + " combinations, " + once + " of one row");
        assertTrue(TableSchema.fit(few, Map.of(), "--types").links().isEmpty(),
                "a fresh row's combination too often unseen (Good–Turing coverage below 0.9): not linked");
        assertTrue(1 - seen.values().stream().filter(c -> c == 1).count() / 300.0 >= LinkedColumns.MIN_COVERAGE);
        assertTrue(TableSchema.fit(Tables.boston(400, 3), Map.of(), "--types").links().isEmpty(),
                "independent columns do not link");
    }

    /** Every decoded row holds a kept combination; the nearest one in encoded units; decodeColumns leaves the cells. */
    @Test
    void decodesTheNearestKeptCombinationAndHonoursHeldColumns() {
        TextTable t = towns(300, 2);
        TableSchema s = TableSchema.fit(t, Map.of(), "--types");
        LinkedColumns l = s.links().get(0);
        Set<List<String>> kept = new HashSet<>();
        for (double[] tuple : l.tuples()) {
            kept.add(List.of(text(s, 0, tuple[0]), text(s, 2, tuple[1]), text(s, 5, tuple[2])));
        }
        int w = s.width();
        int n = 200;
        double[] z = new double[n * w];
        Key key = Key.of(7);
        for (int k = 0; k < z.length; k++) {
            z[k] = 1.5 * io.score4j.random.Draw.normalAt(key, k);
        }
        TextTable rows = s.decode(z, n, "x");
        TextTable plain = s.decodeColumns(z, n, "x");
        int moved = 0;
        for (int i = 0; i < n; i++) {
            List<String> got = List.of(rows.cell(i, 0), rows.cell(i, 2), rows.cell(i, 5));
            assertTrue(kept.contains(got), "row " + i + " " + got);
            assertEquals(nearest(s, l, z, i), got, "the nearest kept combination");
            moved += got.equals(List.of(plain.cell(i, 0), plain.cell(i, 2), plain.cell(i, 5))) ? 0 : 1;
            assertEquals(plain.cell(i, 3), rows.cell(i, 3), "other columns untouched");
        }
        assertTrue(moved > n / 2, "decodeColumns leaves each column on its own: " + moved);
        String lonely = null;
        Map<String, Integer> taxRows = new HashMap<>();
        for (int i = 0; i < t.n(); i++) {
            taxRows.merge(t.cell(i, 0), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : taxRows.entrySet()) {
            lonely = e.getValue() == 1 ? e.getKey() : lonely;
        }
        z[s.offset(0)] = ((NumericColumn) s.columns().get(0)).marginal().encode(Double.parseDouble(lonely), 0.5);
        plain = s.decodeColumns(z, n, "x");
        assertEquals(lonely, plain.cell(0, 0), "row 0 holds the tax of a town of one row");
        boolean[] held = new boolean[s.columns().size()];
        held[0] = true;
        TextTable heldRows = s.decode(z, n, "x", held);
        int[] branches = new int[2];
        for (int i = 0; i < n; i++) {
            String tax = plain.cell(i, 0);
            boolean any = kept.stream().anyMatch(k -> k.get(0).equals(tax));
            branches[any ? 1 : 0]++;
            assertEquals(tax, heldRows.cell(i, 0), "a held column keeps its value");
            if (!any) {
                assertEquals(plain.cell(i, 2), heldRows.cell(i, 2), "no combination agrees: the row keeps its cells");
            } else {
                assertTrue(kept.contains(List.of(tax, heldRows.cell(i, 2), heldRows.cell(i, 5))));
            }
        }
        assertTrue(branches[0] > 0 && branches[1] > 0, "both cases met: " + branches[0] + ", " + branches[1]);
    }

    private static String text(TableSchema s, int j, double v) {
        return ((NumericColumn) s.columns().get(j)).precision().format(v);
    }

    /** The kept combination nearest to row i's coordinates, by brute force. */
    private static List<String> nearest(TableSchema s, LinkedColumns l, double[] z, int i) {
        double best = Double.POSITIVE_INFINITY;
        List<String> out = null;
        for (double[] tuple : l.tuples()) {
            double d = 0;
            for (int a = 0; a < 3; a++) {
                int j = l.columns()[a];
                double e = z[i * s.width() + s.offset(j)] - ((NumericColumn) s.columns().get(j)).marginal().encode(tuple[a], 0.5);
                d += e * e;
            }
            if (d < best) {
                best = d;
                out = List.of(text(s, 0, tuple[0]), text(s, 2, tuple[1]), text(s, 5, tuple[2]));
            }
        }
        return out;
    }

    @Test
    void linksSurviveTheSchemaJsonAndBadLinksAreRefused() {
        TableSchema s = TableSchema.fit(towns(300, 4), Map.of(), "--types");
        String json = s.toJson();
        assertTrue(json.contains("\"linked\":[{\"columns\":[\"tax\",\"zoning\",\"ratio\"]"), json);
        TableSchema back = TableSchema.fromJson(json, "m");
        assertEquals(s, back);
        assertEquals(json, back.toJson());
        String noLinks = TableSchema.fit(towns(300, 4), Map.of(), "--types", false).toJson();
        assertTrue(!noLinks.contains("linked"), "no field when nothing links: older schemas read the same bytes");
        assertThrows(InputException.class, () -> TableSchema.fromJson(json.replace("[\"tax\",\"zoning\"", "[\"tax\",\"nope\""), "m"));
        String counts = json.substring(json.indexOf("\"counts\"", json.indexOf("\"linked\"")));
        String firstCount = counts.substring(counts.indexOf('[') + 1, counts.indexOf(','));
        assertThrows(InputException.class, () -> TableSchema.fromJson(json.replace("\"counts\":[" + firstCount + ",",
                "\"counts\":[1,"), "m"), "a combination of one row");
        int tuples = json.indexOf("\"tuples\":[[") + "\"tuples\":[[".length();
        String first = json.substring(tuples, json.indexOf(',', tuples));
        assertThrows(InputException.class, () -> TableSchema.fromJson(json.substring(0, tuples) + "99999"
                + json.substring(tuples + first.length()), "m"), "a value outside the column's range");
    }

    /**
     * A sales table of 120 rows from 6 stores: the store (text), its region (text) and its opening year are one
     * store's attributes, staff is independent. They link, category columns included; every decoded row holds one
     * store's own region and year; the JSON keeps a category's level index and refuses one out of range.
     */
    @Test
    void categoryColumnsLinkWithTheNumbersOfTheSameEntity() {
        String[] stores = {"S1", "S2", "S3", "S4", "S5", "S6"};
        String[] regions = {"North", "North", "South", "East", "West", "South"};
        String[] opened = {"1998", "2005", "2010", "1987", "2015", "2001"};
        int n = 120;
        String[][] c = new String[4][n];
        Key key = Key.of(5);
        for (int i = 0; i < n; i++) {
            int st = (int) (6 * key.uniform(2L * i));
            c[0][i] = stores[st];
            c[1][i] = regions[st];
            c[2][i] = opened[st];
            c[3][i] = Integer.toString(2 + (int) (19 * key.uniform(2L * i + 1)));
        }
        TableSchema s = TableSchema.fit(TextTable.of("sales.csv", new String[] {"store", "region", "opened", "staff"}, c),
                Map.of(), "--types");
        assertEquals(1, s.links().size(), s.summary());
        assertArrayEquals(new int[] {0, 1, 2}, s.links().get(0).columns());
        assertEquals(6, s.links().get(0).tuples().length);
        double[] z = new double[200 * s.width()];
        for (int k = 0; k < z.length; k++) {
            z[k] = 1.5 * io.score4j.random.Draw.normalAt(Key.of(8), k);
        }
        TextTable rows = s.decode(z, 200, "x");
        TextTable plain = s.decodeColumns(z, 200, "x");
        int mixed = 0;
        for (int i = 0; i < 200; i++) {
            int st = java.util.Arrays.asList(stores).indexOf(rows.cell(i, 0));
            assertEquals(regions[st], rows.cell(i, 1), "row " + i);
            assertEquals(opened[st], rows.cell(i, 2), "row " + i);
            int pst = java.util.Arrays.asList(stores).indexOf(plain.cell(i, 0));
            mixed += regions[pst].equals(plain.cell(i, 1)) && opened[pst].equals(plain.cell(i, 2)) ? 0 : 1;
        }
        assertTrue(mixed > 100, "each column on its own mixes stores' attributes: " + mixed + " of 200");
        String[][] only = {c[0], c[1], c[2]};
        assertTrue(TableSchema.fit(TextTable.of("stores.csv", new String[] {"store", "region", "opened"}, only),
                Map.of(), "--types").links().isEmpty(), "a group of every column would write training rows");
        String json = s.toJson();
        assertEquals(s, TableSchema.fromJson(json, "m"));
        int at = json.indexOf("\"tuples\":[[") + "\"tuples\":[[".length();
        String first = json.substring(at, json.indexOf(',', at));
        assertThrows(InputException.class, () -> TableSchema.fromJson(json.substring(0, at) + "6"
                + json.substring(at + first.length()), "m"), "level 6 of 6 levels");
    }
}
