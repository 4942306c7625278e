package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public table (docs/examples/table/boston_train.csv: 404 rows × 14 columns of numbers only, from Debian's
 * python3-sklearn, see PROVENANCE.md) through {@code train}, {@code sample} and {@code baseline} with the default
 * road: its binary and integer columns make it a typed table without any flag, and every synthetic cell (the score
 * model's and the copula's) is one the data could hold: {@code CHAS} 0 or 1, {@code RAD} one of the data's 9
 * values, {@code TAX} a whole number, every column within the data's [min, max] and written with at most the
 * data's decimals. Few training steps keep the test fast: these properties hold for any model, because the codec
 * decodes every row into them. The town-level columns (ZN, INDUS, NOX, RAD, TAX, PTRATIO, with CHAS) are linked and every
 * written row holds one of their combinations found in at least two data rows ({@code LinkedColumns}).
 */
class RealTableTest {
    private static final Path TRAIN = Path.of("..", "docs", "examples", "table", "boston_train.csv");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @TempDir
    Path dir;

    @Test
    void numbersOnlyTableTrainsAsTypedTableByDefaultAndRowsKeepTypesBoundsAndFormat() throws IOException {
        Path model = dir.resolve("m.safetensors");
        Path synth = dir.resolve("synth.csv");
        CliTestSupport.Run train = CliTestSupport.run("train", "--csv", TRAIN.toString(), "--epochs", "20",
                "--out", model.toString());
        ok(train);
        assertTrue(train.out().contains("3 of 14 columns are not continuous (CHAS binary, RAD integer, TAX integer)")
                && train.out().contains("--types none"), train.out());
        assertTrue(train.out().contains("column kinds"), train.out());
        ok(CliTestSupport.run("sample", "--model", model.toString(), "--n", "404", "--steps", "50", "--out",
                synth.toString(), "-q"));
        List<String> real = Files.readAllLines(TRAIN);
        List<String> rows = Files.readAllLines(synth);
        assertEquals(real.get(0), rows.get(0));
        assertEquals(405, rows.size(), "every row written");
        Columns data = Columns.of(real);
        assertEquals(Set.of("0", "1"), data.values[3]);
        assertEquals(9, data.values[8].size());
        for (String row : rows.subList(1, rows.size())) {
            data.check(row);
        }
        assertTrue(train.out().contains("linked: ZN, INDUS, CHAS, NOX, RAD, TAX, PTRATIO come in 84 combinations"),
                train.out());
        java.util.Map<List<String>, Integer> towns = new java.util.HashMap<>();
        for (String row : real.subList(1, real.size())) {
            towns.merge(town(row), 1, Integer::sum);
        }
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(towns.getOrDefault(town(row), 0) >= 2, "a combination of at least two data rows: " + row);
        }
        Path copula = dir.resolve("copula.csv");
        CliTestSupport.Run baseline = CliTestSupport.run("baseline", "--csv", TRAIN.toString(), "--out", copula.toString());
        ok(baseline);
        assertTrue(baseline.out().contains("as a table"), baseline.out());
        List<String> copulaRows = Files.readAllLines(copula);
        assertEquals(405, copulaRows.size());
        for (String row : copulaRows.subList(1, copulaRows.size())) {
            data.check(row);
        }
    }

    @Test
    void typesNoneAndAllContinuousColumnsKeepThePlainNumericPath() {
        CliTestSupport.Run none = CliTestSupport.run("train", "--csv", TRAIN.toString(), "--types", "none", "--epochs",
                "1", "--out", dir.resolve("n.safetensors").toString());
        ok(none);
        assertFalse(none.out().contains("column kinds") || none.out().contains("note:"), none.out());
        CliTestSupport.Run continuous = CliTestSupport.run("train", "--csv", TRAIN.toString(), "--columns",
                "CRIM,NOX,RM", "--epochs", "1", "--out", dir.resolve("c.safetensors").toString());
        ok(continuous);
        assertFalse(continuous.out().contains("column kinds"), continuous.out());
        assertTrue(continuous.out().contains("every column is continuous: trained as plain numbers"), continuous.out());
    }

    /** The linked columns of a Boston row (ZN, INDUS, NOX, RAD, TAX, PTRATIO), as written. */
    private static List<String> town(String row) {
        String[] c = row.split(",", -1);
        return List.of(c[1], c[2], c[4], c[8], c[9], c[10]);
    }

    private static void ok(CliTestSupport.Run run) {
        assertEquals(0, run.code(), () -> "stderr: " + run.err());
    }

    /** Each column's values (as written), range and largest number of decimals in the real rows. */
    private record Columns(String[] names, Set<String>[] values, double[] min, double[] max, int[] decimals) {
        @SuppressWarnings("unchecked")
        static Columns of(List<String> lines) {
            String[] names = lines.get(0).split(",");
            int d = names.length;
            Set<String>[] values = new Set[d];
            double[] min = new double[d];
            double[] max = new double[d];
            int[] dec = new int[d];
            for (int j = 0; j < d; j++) {
                values[j] = new HashSet<>();
                min[j] = Double.POSITIVE_INFINITY;
                max[j] = Double.NEGATIVE_INFINITY;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                for (int j = 0; j < d; j++) {
                    values[j].add(cells[j]);
                    double x = Double.parseDouble(cells[j]);
                    min[j] = Math.min(min[j], x);
                    max[j] = Math.max(max[j], x);
                    dec[j] = Math.max(dec[j], decimals(cells[j]));
                }
            }
            return new Columns(names, values, min, max, dec);
        }

        void check(String row) {
            String[] cells = row.split(",", -1);
            assertEquals(names.length, cells.length, row);
            for (int j = 0; j < names.length; j++) {
                String c = cells[j];
                String where = names[j] + " in row '" + row + "'";
                assertTrue(NUMBER.matcher(c).matches(), "a plain number: " + where);
                double x = Double.parseDouble(c);
                assertTrue(x >= min[j] && x <= max[j], "within [" + min[j] + ", " + max[j] + "]: " + where);
                assertTrue(decimals(c) <= decimals[j], "at most " + decimals[j] + " decimals: " + where);
                if (values[j].size() <= 9) { // CHAS (binary) and RAD (9 integer codes): the data's own values
                    assertTrue(values[j].contains(c), "one of " + values[j] + ": " + where);
                }
                if (decimals[j] == 0) { // RAD, TAX, CHAS: integers written without a point
                    assertFalse(c.contains("."), "an integer: " + where);
                }
            }
        }

        private static int decimals(String cell) {
            int dot = cell.indexOf('.');
            return dot < 0 ? 0 : cell.length() - dot - 1;
        }
    }
}
