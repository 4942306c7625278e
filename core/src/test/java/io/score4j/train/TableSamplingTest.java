package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.table.TableNumbers;
import io.score4j.table.TableSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table wiring's pure parts: given values as coordinates, dropping diverged rows, tables as numbers. */
class TableSamplingTest {
    private static final TextTable T = TextTable.of("t.csv", new String[] {"n", "city", "x"}, new String[][] {
        {"1", "2", "3", "2", "1", "3"},
        {"Paris", "Lyon", "Lille", "Paris", "Lyon", "Paris"},
        {"0.5", null, "1.5", "2.25", "NA", "3.0"}});

    @Test
    void givenCategoryFixesItsWholeBlockAndTheIndicator() {
        TableSchema s = TableSchema.fit(T, Map.of(), "--types");
        Given g = TableSampling.given(s, List.of("city=Lyon"), "--given");
        int city = 1;
        for (int k = 0; k < s.width(); k++) {
            boolean inCity = k >= s.offset(city) && k < s.offset(city + 1);
            assertEquals(inCity, g.isGiven(0, k), "coordinate " + k);
        }
        double[] block = new double[s.offset(city + 1) - s.offset(city)];
        for (int k = 0; k < block.length; k++) {
            block[k] = g.value(0, s.offset(city) + k);
        }
        assertArrayEquals(s.encodeValue("city", "Lyon", "--given"), block);
        assertEquals("Lyon", s.decode(g.values(), 1, "x").cell(0, city));
        assertEquals(4, TableSampling.unmet(s, g, T), "rows of T whose city is not Lyon");
        Given numbers = TableSampling.given(s, List.of("n=3", "x=1.5"), "--given");
        assertEquals(0, TableSampling.unmet(s, numbers, s.decode(numbers.values(), 1, "x")));
        assertEquals(1, TableSampling.unmet(s, numbers, s.decode(g.values(), 1, "x")));
        InputException e = assertThrows(InputException.class,
                () -> TableSampling.given(s, List.of("city=Rome"), "--given"));
        assertTrue(e.getMessage().startsWith("--given city"), e.getMessage());
        assertThrows(InputException.class, () -> TableSampling.given(s, List.of("city=Lyon", "city=Paris"), "--given"));
        assertThrows(InputException.class, () -> TableSampling.given(s, List.of("n=1", "city=Lyon", "x=1.5"), "--given"));
    }

    /** A gap's value coordinates are masked by their column's indicator; gapless columns and indicators are not. */
    @Test
    void gapsValueCoordinatesAreMaskedByTheirIndicator() {
        TextTable t = TextTable.of("g.csv", new String[] {"n", "city", "x"}, new String[][] {
            {"1", "2", "3", "2", "1", "3"},
            {"Paris", "Lyon", null, "Paris", "Lille", "Paris"},
            {"0.5", null, "1.5", "2.25", "NA", "3.0"}});
        TableSchema s = TableSchema.fit(t, Map.of(), "--types");
        int city = s.offset(1);
        int x = s.offset(2);
        assertEquals(3, s.offset(2) - s.offset(1) - 1, "three levels and an indicator");
        int[] want = new int[s.width()];
        java.util.Arrays.fill(want, -1);
        java.util.Arrays.fill(want, city, city + 3, city + 3);
        want[x] = x + 1;
        assertArrayEquals(want, TableTraining.maskedBy(s));
        assertArrayEquals(new int[] {-1, -1, -1, -1}, TableTraining.maskedBy(TableSchema.fit(
                TextTable.of("n.csv", new String[] {"n", "city"}, new String[][] {{"1", "2", "3"},
                    {"Paris", "Lyon", "Lille"}}), Map.of(), "--types")), "no gaps, nothing masked");
    }

    /**
     * A given linked column is held in every decoded row, also when the first drawn row diverged (the one-row given
     * is read whatever row comes first): tax and zone are a town's, x is free.
     */
    @Test
    void aGivenLinkedColumnHoldsEvenWhenTheFirstRowDiverged() {
        int n = 60;
        String[][] c = new String[3][n];
        for (int i = 0; i < n; i++) {
            int town = i % 5;
            c[0][i] = Integer.toString(200 + 10 * town);
            c[1][i] = Integer.toString(5 * ((town * 3) % 5));
            c[2][i] = Double.toString(0.25 * ((i * 7) % 40));
        }
        TableSchema s = TableSchema.fit(TextTable.of("t.csv", new String[] {"tax", "zone", "x"}, c), Map.of(), "--types");
        assertEquals(1, s.links().size(), s.summary());
        Given g = TableSampling.given(s, List.of("tax=230"), "--given");
        int w = s.width();
        double[] z = new double[20 * w];
        for (int k = 0; k < z.length; k++) {
            z[k] = 1.5 * io.score4j.random.Draw.normalAt(Key.of(4), k);
        }
        for (int i = 0; i < 20; i++) {
            z[i * w + s.offset(0)] = g.value(0, s.offset(0));
        }
        z[1] = Double.NaN;
        TableSampling.Decoded d = TableSampling.decode(s, z, 20, "x", g);
        assertEquals(1, d.dropped());
        for (int i = 0; i < d.table().n(); i++) {
            assertEquals("230", d.table().cell(i, 0), "row " + i);
            assertEquals("20", d.table().cell(i, 1), "town 3's zone, row " + i);
        }
    }

    @Test
    void decodeDropsRowsWithANonFiniteCoordinateAndKeepsTheOthersInOrder() {
        TableSchema s = TableSchema.fit(T, Map.of(), "--types");
        TableSchema.Encoded enc = s.encode(T, Key.of(1));
        double[] z = enc.values().clone();
        z[s.width() + 1] = Double.NaN;
        z[3 * s.width()] = Double.POSITIVE_INFINITY;
        TableSampling.Decoded d = TableSampling.decode(s, z, T.n(), "out.csv");
        assertEquals(2, d.dropped());
        assertEquals(4, d.table().n());
        int[] kept = {0, 2, 4, 5};
        for (int r = 0; r < kept.length; r++) {
            assertEquals(T.cell(kept[r], 1), d.table().cell(r, 1));
        }
    }

    @Test
    void tableNumbersGiveValuesLevelIndicesAndGapIndicators() {
        TableNumbers nums = TableNumbers.fit(T);
        assertArrayEquals(new String[] {"n", "city", "x", "x?"}, nums.columns());
        Dataset d = nums.apply(T, "--reference");
        // city levels sorted: Lille 0, Lyon 1, Paris 2; x's gap reads as its median 1.5 with x? = 1
        assertArrayEquals(new double[] {1, 2, 0.5, 0}, d.row(0));
        assertArrayEquals(new double[] {2, 1, 1.5, 1}, d.row(1));
        TextTable other = TextTable.of("s.csv", new String[] {"x", "city", "n"}, new String[][] {{"9"}, {"Rome"}, {"1"}});
        InputException e = assertThrows(InputException.class, () -> nums.apply(other, "--samples"));
        assertTrue(e.getMessage().contains("--samples s.csv: row 2, column 'city'"), e.getMessage());
        assertFalse(TableSchema.needsCodec(TextTable.of("u.csv", new String[] {"a"}, new String[][] {{"1", "2.5"}})));
        assertTrue(TableSchema.needsCodec(T));
    }
}
