package io.score4j.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableSchemaTest {
    private static TableSchema fit(TextTable t, String types) {
        return TableSchema.fit(t, TableSchema.parseTypes(types, t, "--types"), "--types");
    }

    private static double value(String cell) {
        return Double.parseDouble(cell);
    }

    @Test
    void roundTripGivesBackEveryCellAtTheDataPrecision() {
        // 404 rows: every continuous column has n <= 1024 knots, so each value is a knot and comes back
        // exactly once written at the column's decimals; levels and integers come back exactly in any case.
        TextTable t = Tables.boston(404, 7);
        TableSchema s = fit(t, null);
        TableSchema.Encoded e = s.encode(t, Key.of(1));
        TextTable back = s.decode(e.values(), e.n(), "synthetic");
        assertArrayEquals(t.names(), back.names());
        for (int j = 0; j < t.d(); j++) {
            assertArrayEquals(t.columns()[j], back.columns()[j], t.names()[j]);
        }
        assertArrayEquals(new String[] {null, null, null, null, null, null, null, null, "NA"}, back.missingTokens());
    }

    @Test
    void roundTripUnderEveryKindIncludingOverrides() {
        TextTable t = Tables.boston(300, 8);
        TableSchema s = fit(t, "rad=categorical,crim=positive,rm=bounded,tax=continuous,chas=categorical");
        TextTable back = s.decode(s.encode(t, Key.of(2)).values(), t.n(), "synthetic");
        for (int j = 0; j < t.d(); j++) {
            String[] a = t.columns()[j];
            String[] b = back.columns()[j];
            ColumnCodec c = s.columns().get(j);
            assertEquals(j == 1 || j == 0 ? ColumnKind.CATEGORICAL : j == 4 ? ColumnKind.POSITIVE
                    : j == 5 ? ColumnKind.BOUNDED : c.kind(), c.kind());
            // log and logit (crim, rm) are inverted in double precision, to within ulps of the value: the text at
            // the data's 5 and 3 decimals is the same, no input being within ulps of a rounding edge
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], c.name() + " row " + i);
            }
        }
    }

    @Test
    void continuousColumnsOverTheKnotLimitComeBackWithinTheirKnotInterval() {
        int n = 5000;
        TextTable t = Tables.boston(n, 9);
        TableSchema s = fit(t, null);
        TextTable back = s.decode(s.encode(t, Key.of(3)).values(), n, "synthetic");
        for (int j : new int[] {4, 5}) {
            NumericColumn c = (NumericColumn) s.columns().get(j);
            double[] knots = ((QuantileMarginal) c.marginal()).values();
            for (int i = 0; i < n; i++) {
                double x = value(t.cell(i, j));
                double y = value(back.cell(i, j));
                int k = Arrays.binarySearch(knots, x);
                int lo = k >= 0 ? k : Math.max(0, -k - 2);
                int hi = k >= 0 ? k : Math.min(knots.length - 1, -k - 1);
                double slack = 0.5 * Math.pow(10, -c.precision().decimals());   // the output's rounding
                assertTrue(y >= knots[lo] - slack && y <= knots[hi] + slack, c.name() + " row " + i + ": " + x + " → " + y);
            }
        }
    }

    @Test
    void arbitraryModelOutputsDecodeWithinBoundsTypesAndLevels() {
        TextTable t = Tables.boston(404, 11);
        TableSchema s = fit(t, "crim=positive,rm=bounded");
        int n = 4000;
        double[] z = Tables.normals(Key.of(4), n, s.width(), 1.0);
        double[] extremes = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300, 1e9, -40, 40, 0.0};
        for (int i = 0; i < z.length; i++) {
            z[i] *= i % 3 == 0 ? 1 : i % 3 == 1 ? 30 : 1e6;
            if (i % 7 == 0) {
                z[i] = extremes[(i / 7) % extremes.length];
            }
        }
        TextTable out = s.decode(z, n, "synthetic");
        for (int j = 0; j < t.d(); j++) {
            ColumnCodec c = s.columns().get(j);
            for (int i = 0; i < n; i++) {
                String cell = out.cell(i, j);
                if (cell == null) {
                    assertEquals("age", c.name(), "only the column with gaps decodes gaps");
                    continue;
                }
                if (c instanceof NumericColumn num) {
                    double v = value(cell);
                    assertTrue(v >= num.min() && v <= num.max(), c.name() + ": " + cell);
                    int scale = new BigDecimal(cell).scale();
                    Precision p = num.precision();
                    if (p.trimmed()) {
                        assertTrue(scale <= p.decimals() && !cell.endsWith("0") || !cell.contains("."), c.name() + ": " + cell);
                    } else {
                        assertEquals(c.kind() == ColumnKind.INTEGER ? 0 : p.decimals(), scale, c.name() + ": " + cell);
                    }
                } else {
                    assertTrue(Arrays.asList(((CategoryColumn) c).levels()).contains(cell), c.name() + ": " + cell);
                }
            }
        }
        double[] nan = new double[s.width()];
        nan[2] = Double.NaN;
        assertEquals("coordinate 2 of row 0 is NaN",
                assertThrows(IllegalArgumentException.class, () -> s.decode(nan, 1, "x")).getMessage());
    }

    @Test
    void gapsAreFilledMaskedAndIndicated() {
        TextTable t = Tables.boston(404, 12);
        TableSchema s = fit(t, null);
        TableSchema.Encoded e = s.encode(t, Key.of(5));
        int j = 8;
        int off = s.offset(j);
        assertEquals(2, s.columns().get(j).width());
        int gaps = 0;
        for (int i = 0; i < t.n(); i++) {
            boolean gap = t.cell(i, j) == null;
            gaps += gap ? 1 : 0;
            assertEquals(!gap, e.observed()[i * e.width() + off], "row " + i);
            assertTrue(e.observed()[i * e.width() + off + 1]);
            assertEquals(gap ? 1.0 : -1.0, e.values()[i * e.width() + off + 1]);
            assertTrue(Double.isFinite(e.values()[i * e.width() + off]));
        }
        assertTrue(gaps > 0);
        for (int i = 0; i < e.values().length; i++) {
            int col = i % e.width();
            assertTrue(col == off || e.observed()[i], "only age's value coordinate is ever unobserved");
        }
    }

    @Test
    void encodingIsAPureFunctionOfTableAndKey() {
        TextTable t = Tables.boston(404, 13);
        TableSchema s = fit(t, null);
        double[] a = s.encode(t, Key.of(6)).values();
        assertArrayEquals(a, s.encode(t, Key.of(6)).values());
        double[] b = s.encode(t, Key.of(7)).values();
        assertFalse(Arrays.equals(a, b), "integers and atoms are placed with the key's draws");
        // coordinates of continuous values that occur once (no atom to place) do not depend on the key, except the
        // min and max, which own the half-knot intervals [0, ½K⁻¹] and [1 − ½K⁻¹, 1] of the CDF
        int rm = s.offset(5);
        NumericColumn rmColumn = (NumericColumn) s.columns().get(5);
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (String c : t.columns()[5]) {
            seen.merge(c, 1, Integer::sum);
        }
        int unique = 0;
        for (int i = 0; i < t.n(); i++) {
            double x = Double.parseDouble(t.cell(i, 5));
            if (x == rmColumn.min() || x == rmColumn.max()) {
                continue;
            }
            if (seen.get(t.cell(i, 5)) == 1) {
                unique++;
                assertEquals(a[i * s.width() + rm], b[i * s.width() + rm]);
            } else {
                assertTrue(a[i * s.width() + rm] != b[i * s.width() + rm], "a tie is placed by the key, row " + i);
            }
        }
        assertTrue(unique > 300, "most of rm's values are unique: " + unique);
    }

    @Test
    void dequantisedColumnsEncodeToAStandardNormal() {
        // rad (9 integer values, steps), zn (74 % zeros, an atom inside knots) and chas-like atoms: with the key's
        // uniform placement every encoded column is N(0, 1) up to the clip at |z| = 4.75. n = 5000: the mean's
        // standard error is 1/√n = 0.014 (bound 5 SE = 0.071), the variance's √(2/n) = 0.02 (bound 0.1).
        int n = 5000;
        TextTable t = Tables.boston(n, 15);
        TableSchema s = fit(t, null);
        TableSchema.Encoded e = s.encode(t, Key.of(8));
        for (int j : new int[] {1, 2, 3}) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double z = e.values()[i * e.width() + s.offset(j)];
                sum += z;
                sq += z * z;
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            assertEquals(0.0, mean, 0.071, t.names()[j] + " mean");
            assertEquals(1.0, var, 0.1, t.names()[j] + " variance");
        }
    }

    @Test
    void decodingStandardNormalsGivesTheDataLevelsInTheirProportions() {
        // For the integer steps of rad and the levels of town, decoding N(0, 1) draws gives each value with its
        // data share p (rad: exactly, by construction of the steps; town: argmax of three iid normals gives 1/3 each,
        // not the data's shares, so only rad is checked). Bound: 5 standard errors √(p(1−p)/m) for m = 20000.
        TextTable t = Tables.boston(404, 16);
        TableSchema s = fit(t, null);
        int m = 20000;
        TextTable out = s.decode(Tables.normals(Key.of(9), m, s.width(), 1.0), m, "synthetic");
        Map<String, Integer> data = new java.util.TreeMap<>();
        for (String c : t.columns()[1]) {
            data.merge(c, 1, Integer::sum);
        }
        Map<String, Integer> got = new java.util.TreeMap<>();
        for (String c : out.columns()[1]) {
            got.merge(c, 1, Integer::sum);
        }
        assertEquals(data.keySet(), got.keySet());
        for (String level : data.keySet()) {
            double p = data.get(level) / (double) t.n();
            double q = got.get(level) / (double) m;
            assertEquals(p, q, 5 * Math.sqrt(p * (1 - p) / m), "rad=" + level);
        }
    }

    @Test
    void textCategoriesComeBackAsTheSameStrings() {
        String[][] c = {{"Saint-Étienne", "Lyon, FR", " spaced ", "\"quoted\"", "Saint-Étienne"}};
        TextTable t = TextTable.of("t.csv", new String[] {"city"}, c);
        TableSchema s = fit(t, null);
        assertEquals(4, s.width());
        TextTable back = s.decode(s.encode(t, Key.of(1)).values(), t.n(), "x");
        assertArrayEquals(c[0], back.columns()[0]);
        Set<String> decoded = new HashSet<>(Arrays.asList(
                s.decode(Tables.normals(Key.of(2), 200, 4, 3.0), 200, "x").columns()[0]));
        assertEquals(new HashSet<>(Arrays.asList(c[0])), decoded);
    }

    @Test
    void encodingNewRowsNamesUnknownLevelsTextAndMissingColumns() {
        TextTable t = Tables.boston(100, 17);
        TableSchema s = fit(t, null);
        String[][] bad = t.columns().clone();
        bad[6] = bad[6].clone();
        bad[6][3] = "Boston";
        TextTable other = new TextTable("new.csv", t.names(), bad, t.lines(), t.missingTokens());
        assertEquals("new.csv: row 5, column 'town': 'Boston' is not one of the column's 3 levels (Cambridge, Lynn,"
                + " Salem, MA)", assertThrows(InputException.class, () -> s.encode(other, Key.of(1))).getMessage());
        bad[6][3] = t.cell(3, 6);
        bad[5] = bad[5].clone();
        bad[5][0] = "six";
        assertEquals("new.csv: row 2, column 'rm': not a number: 'six' (the column is continuous)",
                assertThrows(InputException.class, () -> s.encode(other, Key.of(1))).getMessage());
        TextTable narrow = TextTable.of("n.csv", new String[] {"chas"}, new String[][] {{"0"}});
        assertEquals("n.csv: no column 'rad', which the model has; the table has chas",
                assertThrows(InputException.class, () -> s.encode(narrow, Key.of(1))).getMessage());
    }

    @Test
    void newValuesOutsideTheDataAreClampedWhenEncoded() {
        TextTable t = TextTable.of("t.csv", new String[] {"x"}, new String[][] {{"1.5", "2.5", "4.0", "3.25"}});
        TableSchema s = fit(t, null);
        TextTable wide = TextTable.of("w.csv", new String[] {"x"}, new String[][] {{"-100", "100"}});
        TextTable back = s.decode(s.encode(wide, Key.of(1)).values(), 2, "x");
        assertArrayEquals(new String[] {"1.50", "4.00"}, back.columns()[0]);
        assertNull(back.missingTokens()[0]);
    }

    @Test
    void encodedValuesForConditionsDecodeToThemselves() {
        TextTable t = Tables.boston(404, 18);
        TableSchema s = fit(t, null);
        String[][] given = {{"town", "Lynn"}, {"rad", "24"}, {"zn", "0"}, {"chas", "1"}, {"age", "50.5"},
            {"rm", "6.500"}, {"river", "yes"}};
        double[] z = Tables.normals(Key.of(5), 1, s.width(), 1.0);
        for (String[] g : given) {
            int j = Arrays.asList(s.names()).indexOf(g[0]);
            double[] coords = s.encodeValue(g[0], g[1], "--given");
            assertEquals(s.columns().get(j).width(), coords.length);
            System.arraycopy(coords, 0, z, s.offset(j), coords.length);
        }
        TextTable row = s.decode(z, 1, "x");
        for (String[] g : given) {
            assertEquals(g[1], row.cell(0, Arrays.asList(s.names()).indexOf(g[0])), g[0]);
        }
        assertEquals("--given rad: not a number: 'many' (the column is integer)",
                assertThrows(InputException.class, () -> s.encodeValue("rad", "many", "--given")).getMessage());
        assertEquals("--given town: 'Boston' is not one of the column's 3 levels (Cambridge, Lynn, Salem, MA)",
                assertThrows(InputException.class, () -> s.encodeValue("town", "Boston", "--given")).getMessage());
        assertEquals("--given age: a gap ('NA') cannot be given",
                assertThrows(InputException.class, () -> s.encodeValue("age", "NA", "--given")).getMessage());
        assertEquals("--given: unknown column 'year'; the model has chas, rad, tax, zn, crim, rm, town, river, age",
                assertThrows(InputException.class, () -> s.encodeValue("year", "1", "--given")).getMessage());
    }
}
