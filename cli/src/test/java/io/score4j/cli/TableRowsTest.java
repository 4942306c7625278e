package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed-type CSV (integers, text categories, a numeric binary, decimals at two places with NA gaps) through
 * {@code train}, {@code sample}, {@code sample --given}, {@code impute} and {@code eval}: every synthetic cell is a
 * value of its column's kind, within the data's range, at the data's precision, categories as the same strings.
 */
class TableRowsTest {
    private static final int ROWS = 300;
    private static final String HEADER = "age,sex,city,income,kids,member";
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern CENTS = Pattern.compile("-?\\d+\\.\\d{2}");

    @TempDir
    Path dir;

    @Test
    void rowsComeBackAsTheDataWritesThem() throws IOException {
        Path real = writeReal(dir.resolve("real.csv"));
        Path model = dir.resolve("m.safetensors");
        Path synth = dir.resolve("synth.csv");
        CliTestSupport.Run train = CliTestSupport.run("train", "--objective", "exact", "--csv", real.toString(), "--hidden", "32,32",
                "--epochs", "60", "--out", model.toString());
        ok(train);
        assertTrue(train.out().contains("city") && train.out().contains("categorical") && train.out().contains("integer"),
                train.out());
        ok(CliTestSupport.run("sample", "--model", model.toString(), "--n", "200", "--steps", "60", "--out",
                synth.toString(), "-q"));
        List<String> lines = Files.readAllLines(synth);
        assertEquals(HEADER, lines.get(0));
        assertTrue(lines.size() > 150, "rows kept: " + (lines.size() - 1));
        Data data = Data.of(Files.readAllLines(real));
        for (String line : lines.subList(1, lines.size())) {
            data.check(line.split(",", -1), line);
        }
        CliTestSupport.Run eval = CliTestSupport.run("eval", "--reference", real.toString(), "--samples",
                synth.toString(), "--no-c2st");
        ok(eval);
        assertTrue(eval.out().contains("income?"), eval.out());
    }

    @Test
    void givenCategoryHoldsInEveryRow() throws IOException {
        Path real = writeReal(dir.resolve("real.csv"));
        Path model = dir.resolve("m.safetensors");
        Path synth = dir.resolve("synth.csv");
        // A Langevin-sampled model: --given on em/pc (dsm) models is the score-SDE branch's to wire.
        ok(CliTestSupport.run("train", "--csv", real.toString(), "--objective", "denoising", "--hidden", "32",
                "--epochs", "20", "--out", model.toString(), "-q"));
        ok(CliTestSupport.run("sample", "--model", model.toString(), "--n", "100", "--steps", "50",
                "--given", "city=Lyon,member=1", "--out", synth.toString(), "-q"));
        List<String> lines = Files.readAllLines(synth);
        Data data = Data.of(Files.readAllLines(real));
        assertTrue(lines.size() > 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            data.check(cells, line);
            assertEquals("Lyon", cells[2], line);
            assertEquals("1", cells[5], line);
        }
        CliTestSupport.Run bad = CliTestSupport.run("sample", "--model", model.toString(), "--n", "5",
                "--given", "city=Rome", "--out", dir.resolve("x.csv").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --given city"), bad.err());
        assertTrue(!Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void imputeFillsGapsAndKeepsObservedCellsAsWritten() throws IOException {
        Path real = writeReal(dir.resolve("real.csv"));
        Path model = dir.resolve("m.safetensors");
        ok(CliTestSupport.run("train", "--objective", "exact", "--csv", real.toString(), "--hidden", "32,32", "--epochs", "30",
                "--out", model.toString(), "-q"));
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, HEADER + "\n41,F,NA,NA,2,0\n,M,Paris,25000.50,0,1\n30,F,Lille,18000.90,1,\n");
        Path filled = dir.resolve("filled.csv");
        ok(CliTestSupport.run("impute", "--model", model.toString(), "--csv", rows.toString(), "--steps", "60",
                "--out", filled.toString(), "-q"));
        List<String> in = Files.readAllLines(rows);
        List<String> out = Files.readAllLines(filled);
        assertEquals(in.size(), out.size());
        Data data = Data.of(Files.readAllLines(real));
        for (int i = 1; i < in.size(); i++) {
            String[] a = in.get(i).split(",", -1);
            String[] b = out.get(i).split(",", -1);
            for (int j = 0; j < a.length; j++) {
                boolean gap = a[j].isEmpty() || a[j].equals("NA");
                assertTrue(gap ? !b[j].isEmpty() && !b[j].equals("NA") : a[j].equals(b[j]), in.get(i) + " -> " + out.get(i));
            }
            data.check(b, out.get(i));
        }
    }

    /** --mask-gaps trains a table with gaps and samples it; it refuses a non-dsm objective with one line, exit 2. */
    @Test
    void maskGapsTrainsAndIsRefusedWhereItDoesNotApply() throws IOException {
        Path real = writeReal(dir.resolve("real.csv"));
        Path model = dir.resolve("m.safetensors");
        ok(CliTestSupport.run("train", "--csv", real.toString(), "--mask-gaps", "--hidden", "32", "--epochs", "20",
                "--out", model.toString(), "-q"));
        Path synth = dir.resolve("s.csv");
        ok(CliTestSupport.run("sample", "--model", model.toString(), "--n", "100", "--steps", "60", "--out",
                synth.toString(), "-q"));
        Data data = Data.of(Files.readAllLines(real));
        List<String> rows = Files.readAllLines(synth);
        assertEquals(101, rows.size(), "every row written: none diverged");
        for (String row : rows.subList(1, rows.size())) {
            data.check(row.split(",", -1), row);
        }
        CliTestSupport.Run exact = CliTestSupport.run("train", "--csv", real.toString(), "--mask-gaps", "--objective",
                "exact", "--epochs", "1", "--out", dir.resolve("e.safetensors").toString());
        assertEquals(2, exact.code());
        assertTrue(exact.err().contains("--mask-gaps") && exact.err().contains("dsm") && exact.err().lines().count() == 1,
                exact.err());
    }

    private static void ok(CliTestSupport.Run run) {
        assertEquals(0, run.code(), () -> "stdout: " + run.out() + "\nstderr: " + run.err());
    }

    /** The real table's ranges and levels, and the check of one synthetic row against them. */
    private record Data(int ageMin, int ageMax, double incomeMin, double incomeMax, int kidsMax) {
        static Data of(List<String> lines) {
            int[] age = {Integer.MAX_VALUE, Integer.MIN_VALUE};
            double[] inc = {Double.MAX_VALUE, -Double.MAX_VALUE};
            int kids = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", -1);
                age[0] = Math.min(age[0], Integer.parseInt(c[0]));
                age[1] = Math.max(age[1], Integer.parseInt(c[0]));
                if (!c[3].equals("NA")) {
                    inc[0] = Math.min(inc[0], Double.parseDouble(c[3]));
                    inc[1] = Math.max(inc[1], Double.parseDouble(c[3]));
                }
                kids = Math.max(kids, Integer.parseInt(c[4]));
            }
            return new Data(age[0], age[1], inc[0], inc[1], kids);
        }

        void check(String[] c, String line) {
            assertEquals(6, c.length, line);
            assertTrue(WHOLE.matcher(c[0]).matches(), line);
            int age = Integer.parseInt(c[0]);
            assertTrue(age >= ageMin && age <= ageMax, line);
            assertTrue(Set.of("F", "M").contains(c[1]), line);
            assertTrue(Set.of("Paris", "Lyon", "Lille").contains(c[2]), line);
            assertTrue(c[3].equals("NA") || CENTS.matcher(c[3]).matches(), line);
            if (!c[3].equals("NA")) {
                double income = Double.parseDouble(c[3]);
                assertTrue(income >= incomeMin && income <= incomeMax, line);
            }
            assertTrue(WHOLE.matcher(c[4]).matches() && Integer.parseInt(c[4]) >= 0
                    && Integer.parseInt(c[4]) <= kidsMax, line);
            assertTrue(c[5].equals("0") || c[5].equals("1"), line);
        }
    }

    /** ROWS rows: integer ages, text sex and city, incomes in cents with NA gaps, skewed small integers, a 0/1 flag. */
    private static Path writeReal(Path file) throws IOException {
        Random r = new Random(7);
        List<String> lines = new ArrayList<>(List.of(HEADER));
        List<String> cities = Arrays.asList("Paris", "Lyon", "Lille");
        for (int i = 0; i < ROWS; i++) {
            int age = 18 + (int) Math.min(70, Math.abs(r.nextGaussian() * 15 + 25));
            String income = r.nextDouble() < 0.1 ? "NA"
                    : String.format(java.util.Locale.ROOT, "%.2f", Math.exp(9.5 + 0.02 * age + 0.5 * r.nextGaussian()));
            int kids = (int) Math.min(5, Math.floor(-Math.log(1 - r.nextDouble()) * 1.2));
            lines.add(age + "," + (r.nextBoolean() ? "F" : "M") + "," + cities.get(r.nextInt(3)) + "," + income + ","
                    + kids + "," + (r.nextDouble() < 0.3 ? 1 : 0));
        }
        Files.write(file, lines);
        return file;
    }
}
