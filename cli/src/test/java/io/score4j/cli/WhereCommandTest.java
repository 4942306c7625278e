package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample --where} end to end: on a typed table (integers, text categories, decimals with gaps) and on a
 * mixture, every written row satisfies every clause, the same seed gives the same bytes at 1 and 2 threads, and
 * each bad clause is one {@code error:} line, exit 2, with no output file.
 */
class WhereCommandTest {
    private static final String HEADER = "age,city,income,member";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path model;
    static Path mixture;

    @BeforeAll
    static void trainOnce() throws IOException {
        Random r = new Random(11);
        List<String> lines = new ArrayList<>(List.of(HEADER));
        String[] cities = {"Paris", "Lyon", "Lille"};
        for (int i = 0; i < 300; i++) {
            int age = 18 + (int) Math.min(70, Math.abs(r.nextGaussian() * 15 + 25));
            String income = r.nextDouble() < 0.1 ? "NA"
                    : String.format(Locale.ROOT, "%.2f", Math.exp(9.5 + 0.02 * age + 0.5 * r.nextGaussian()));
            lines.add(age + "," + cities[r.nextInt(3)] + "," + income + "," + (r.nextDouble() < 0.3 ? 1 : 0));
        }
        Path data = Files.write(shared.resolve("real.csv"), lines);
        model = shared.resolve("m.safetensors");
        CliTestSupport.Run t = run("train", "--csv", data.toString(), "--objective", "denoising", "--hidden", "32",
                "--epochs", "20", "--out", model.toString(), "-q");
        assertEquals(0, t.code(), t.err());
        mixture = Files.writeString(shared.resolve("mix.json"),
                "{\"weights\":[0.6,0.4],\"means\":[[-1.5,-0.5],[1.0,1.2]],\"stds\":[[0.6,0.7],[0.8,1.0]]}");
    }

    @Test
    void everyTableRowSatisfiesEveryClauseAtAnyThreadCount() throws IOException {
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        String where = "age>=30,age<50,city!=Paris,income>=15000";
        CliTestSupport.Run a = run("sample", "--model", model.toString(), "--n", "200", "--steps", "50", "--where", where,
                "--threads", "1", "--out", one.toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("--where " + where + ": kept 200 of "), a.out());
        List<String> lines = Files.readAllLines(one);
        assertEquals(HEADER, lines.get(0));
        assertEquals(201, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            int age = Integer.parseInt(c[0]);
            assertTrue(age >= 30 && age < 50, line);
            assertTrue(c[1].equals("Lyon") || c[1].equals("Lille"), line);
            assertTrue(!c[2].equals("NA") && Double.parseDouble(c[2]) >= 15000, line);
        }
        CliTestSupport.Run b = run("sample", "--model", model.toString(), "--n", "200", "--steps", "50", "--where", where,
                "--threads", "2", "--out", two.toString(), "-q");
        assertEquals(0, b.code(), b.err());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two), "same seed, threads 1 and 2");
    }

    @Test
    void aCategoryAndAGivenColumnCombine() throws IOException {
        Path out = dir.resolve("s.csv");
        CliTestSupport.Run a = run("sample", "--model", model.toString(), "--n", "100", "--steps", "50", "--given", "member=1",
                "--where", "city=Lyon", "--where", "age<=40", "--out", out.toString(), "-q");
        assertEquals(0, a.code(), a.err());
        for (String line : Files.readAllLines(out).subList(1, 101)) {
            String[] c = line.split(",", -1);
            assertTrue(c[1].equals("Lyon") && Integer.parseInt(c[0]) <= 40 && c[3].equals("1"), line);
        }
    }

    @Test
    void mixtureRowsSatisfyTheRange() throws IOException {
        Path out = dir.resolve("m.csv");
        CliTestSupport.Run a = run("sample", "--mixture", mixture.toString(), "--sampler", "langevin", "--n", "300",
                "--where", "x0>=0,x0<1.5,x1>0", "--out", out.toString(), "-q");
        assertEquals(0, a.code(), a.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(301, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double x0 = Double.parseDouble(c[0]);
            assertTrue(x0 >= 0 && x0 < 1.5 && Double.parseDouble(c[1]) > 0, line);
        }
    }

    @Test
    void plainNumericModelRowsSatisfyTheRange() throws IOException {
        Random r = new Random(5);
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 300; i++) {
            double a = r.nextGaussian();
            csv.append(10 + 2 * a).append(',').append(0.8 * a + 0.6 * r.nextGaussian()).append('\n');
        }
        Path data = Files.writeString(dir.resolve("ab.csv"), csv);
        Path plain = dir.resolve("ab.safetensors");
        CliTestSupport.Run t = run("train", "--objective", "exact", "--csv", data.toString(), "--hidden", "16", "--epochs",
                "5", "--batch", "100", "-q", "--out", plain.toString());
        assertEquals(0, t.code(), t.err());
        Path out = dir.resolve("ab-where.csv");
        CliTestSupport.Run s = run("sample", "--model", plain.toString(), "--n", "100", "--steps", "50", "--where",
                "a>=10,b<0.5", "--out", out.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("--where a>=10,b<0.5: kept 100 of "), s.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(101, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertTrue(Double.parseDouble(c[0]) >= 10 && Double.parseDouble(c[1]) < 0.5, line);
        }
    }

    @Test
    void badClausesAreOneErrorLineAndWriteNothing() {
        String m = model.toString();
        assertRefused(List.of("--model", m, "--where", "height>3"),
                "error: --where 'height>3' names no column 'height'; the columns are age, city, income, member");
        assertRefused(List.of("--model", m, "--where", "age>=50,age<30"),
                "error: --where 'age>=50,age<30': the clauses on column 'age' leave no value (the column is integer)");
        assertRefused(List.of("--model", m, "--where", "age>200"), "error: --where 'age>200': the range lies outside the "
                + "data's values of 'age'");
        assertRefused(List.of("--model", m, "--where", "city=Rome"), "error: --where 'city=Rome': 'Rome' is not a level of "
                + "column 'city' (Lille, Lyon, Paris)");
        assertRefused(List.of("--model", m, "--where", "income<lots"), "error: --where 'income<lots': 'lots' is not a "
                + "finite decimal number");
        assertRefused(List.of("--model", m, "--given", "city=Lyon", "--where", "city=Lyon"), "error: --where 'city=Lyon': "
                + "column 'city' is also --given");
        assertRefused(List.of("--mixture", mixture.toString(), "--sampler", "langevin", "--where", "x0>6"),
                "error: --where 'x0>6': 0 of 1000 rows drawn satisfy it (acceptance 0.0000, below 0.01)");
        assertRefused(List.of("--mixture", mixture.toString(), "--sampler", "ode", "--where", "x0>0"),
                "error: --where is not supported with --sampler ode");
    }

    private void assertRefused(List<String> args, String start) {
        Path out = dir.resolve("bad.csv");
        List<String> all = new ArrayList<>(List.of("sample", "--n", "20", "--steps", "20", "--out", out.toString()));
        all.addAll(args);
        CliTestSupport.Run r = run(all.toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(start), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written for " + args);
    }
}
