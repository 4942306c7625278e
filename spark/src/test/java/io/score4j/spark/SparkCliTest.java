package io.score4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.cli.Main;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j sample|score --spark local[2]} write the local run's bytes; a poisoned row is one error, no output. */
final class SparkCliTest {
    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void model() {
        model = dir.resolve("m.safetensors");
        TestModels.model(null, 16).save(model);
    }

    record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sampleWithAndWithoutSparkWritesTheSameBytes() throws Exception {
        Path local = dir.resolve("local.csv");
        Path spark = dir.resolve("spark.csv");
        String[] common = {"sample", "--model", model.toString(), "--n", "1001", "--steps", "40", "--seed", "3", "-q"};
        assertEquals(0, cli(concat(common, "--out", local.toString())).code());
        Run r = cli(concat(common, "--out", spark.toString(), "--spark", "local[2]", "--partitions", "3"));
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark));
    }

    @Test
    void mixtureSampleWithAndWithoutSparkWritesTheSameBytes() throws Exception {
        Path mix = dir.resolve("mix.json");
        Files.writeString(mix, "{\"weights\": [0.5, 0.5], \"means\": [[-2], [2]], \"stds\": [[0.5], [0.5]]}");
        Path local = dir.resolve("local.csv");
        Path spark = dir.resolve("spark.csv");
        String[] common = {"sample", "--mixture", mix.toString(), "--n", "300", "--steps", "30", "-q"};
        assertEquals(0, cli(concat(common, "--out", local.toString())).code());
        Run r = cli(concat(common, "--out", spark.toString(), "--spark", "local[2]"));
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark));
    }

    @Test
    void scoreWithAndWithoutSparkWritesTheSameBytes() throws Exception {
        Path points = points(2500, null);
        Path local = dir.resolve("local.csv");
        Path spark = dir.resolve("spark.csv");
        Run l = cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", local.toString());
        assertEquals(0, l.code(), l.err());
        Run r = cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", spark.toString(),
                "--spark", "local[2]", "--partitions", "4");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark));
        assertEquals(l.err(), r.err(), "the same note about the unused column");
    }

    @Test
    void aPoisonedRowIsOneErrorNamingItAndNothingIsWritten() throws Exception {
        for (String poison : new String[] {"abc", "1e39"}) {
            Path points = points(3000, poison);
            Path out = dir.resolve("scores.csv");
            Run local = cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", out.toString());
            Run r = cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", out.toString(),
                    "--spark", "local[2]", "--partitions", "3");
            assertEquals(2, r.code(), r.err());
            List<String> lines = r.err().lines().filter(l -> !l.startsWith("note: ")).toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("error: "), r.err());
            assertTrue(lines.get(0).contains("row 2402") || lines.get(0).contains("data row 2401"), r.err());
            assertEquals(local.err(), r.err(), "the local run's words");
            assertFalse(Files.exists(out));
            try (var s = Files.list(dir)) {
                assertEquals(2, s.count(), "only the model and the points: no output, no leftovers");
            }
            Files.delete(points);
        }
    }

    @Test
    void blankLinesAroundTheHeaderAndBetweenRowsCountAsInTheLocalRun() throws Exception {
        StringBuilder b = new StringBuilder("\n  \na,b\n");
        for (int i = 0; i < 700; i++) {
            b.append(i % 7 == 0 ? "\n" : "").append(0.5 * i).append(',').append(-0.02 * i).append('\n');
        }
        Path points = dir.resolve("blanks.csv");
        Files.writeString(points, b);
        Path local = dir.resolve("local.csv");
        Path spark = dir.resolve("spark.csv");
        assertEquals(0, cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", local.toString())
                .code());
        Run r = cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", spark.toString(),
                "--spark", "local[2]", "--partitions", "5");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark));
        Files.writeString(points, b.toString().replace("\n3.5,", "\n3.5x,"));
        Run l = cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", dir.resolve("x.csv").toString());
        Run s = cli("score", "--model", model.toString(), "--csv", points.toString(), "--out", dir.resolve("x.csv").toString(),
                "--spark", "local[2]", "--partitions", "5");
        assertEquals(2, s.code());
        assertTrue(l.err().contains("row 13,"), l.err());
        assertEquals(l.err(), s.err());
    }

    @Test
    void partitionsWithoutSparkMalaOnSparkAndAMissingSweepSparkAreUserErrors() throws Exception {
        Run r = cli("sample", "--model", model.toString(), "--n", "5", "--out", dir.resolve("s.csv").toString(),
                "--partitions", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --partitions"), r.err());
        Path mix = dir.resolve("mix.json");
        java.nio.file.Files.writeString(mix, "{\"weights\": [1], \"means\": [[0]], \"stds\": [[1]]}");
        Run mala = cli("sample", "--mixture", mix.toString(), "--sampler", "mala", "--n", "5", "--out",
                dir.resolve("m.csv").toString(), "--spark", "local[2]");
        assertEquals(2, mala.code());
        assertTrue(mala.err().startsWith("error: --sampler mala runs whole"), mala.err());
        Run s = cli("sweep", "--grid", model.toString(), "--csv", model.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, s.code());
        assertTrue(s.err().startsWith("error: --spark"), s.err());
    }

    /** n rows (a, b and an unused column c), data row 2401 (file row 2402) replaced by {@code poison} when given. */
    private Path points(int n, String poison) throws Exception {
        double[] z = Draw.normalDouble(Key.of(8), 3 * n);
        StringBuilder b = new StringBuilder("a,b,c\n");
        for (int i = 0; i < n; i++) {
            String a = poison != null && i == 2400 ? poison : Double.toString(1 + 2 * z[3 * i]);
            b.append(a).append(',').append(-1 + 0.5 * z[3 * i + 1]).append(',').append(String.format(Locale.ROOT, "%.3f",
                    z[3 * i + 2])).append('\n');
        }
        Path p = dir.resolve("points.csv");
        Files.writeString(p, b, StandardCharsets.UTF_8);
        return p;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
