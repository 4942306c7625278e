package io.score4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.cli.Main;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j logp --spark local[2]} writes the local run's bytes (exact and Hutchinson traces); errors match too. */
final class SparkLogpTest {
    @TempDir
    static Path dir;

    private static Path model;

    record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainADsmModel() {
        model = dir.resolve("dsm.safetensors");
        Run r = cli("train", "--toy", "ring8", "--n", "400", "--hidden", "16,16", "--activation", "silu", "--batch", "100",
                "--epochs", "3", "--seed", "3", "--objective", "dsm", "--out", model.toString(), "-q");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void exactLogpWithAndWithoutSparkWritesTheSameBytes() throws Exception {
        Path points = points("exact.csv", 301, null);
        Path local = dir.resolve("exact-local.csv");
        Path spark = dir.resolve("exact-spark.csv");
        Run l = cli("logp", "--model", model.toString(), "--csv", points.toString(), "--out", local.toString(), "-q");
        assertEquals(0, l.code(), l.err());
        Run r = cli("logp", "--model", model.toString(), "--csv", points.toString(), "--out", spark.toString(), "-q",
                "--spark", "local[2]", "--partitions", "3");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark));
        assertEquals(302, Files.readAllLines(local).size(), "a header and one line per row");
        assertEquals(l.err(), r.err(), "the same note about the unused column");
    }

    @Test
    void hutchinsonProbesAreKeyedByTheRowSoSparkWritesTheSameBytes() throws Exception {
        Path points = points("hutch.csv", 250, null);
        Path local = dir.resolve("h-local.csv");
        Path spark = dir.resolve("h-spark.csv");
        Path exact = dir.resolve("h-exact.csv");
        String[] common = {"logp", "--model", model.toString(), "--csv", points.toString(), "--trace", "hutchinson",
                "--probes", "2", "--seed", "11", "-q"};
        assertEquals(0, cli(concat(common, "--out", local.toString())).code());
        Run r = cli(concat(common, "--out", spark.toString(), "--spark", "local[2]", "--partitions", "4"));
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark));
        assertEquals(0, cli("logp", "--model", model.toString(), "--csv", points.toString(), "--out", exact.toString(),
                "-q").code());
        assertNotEquals(Files.readString(exact), Files.readString(local), "the estimate differs from the exact trace, "
                + "so equality above is the probes' keying, not a fallback to the exact trace");
    }

    @Test
    void aPoisonedRowIsTheLocalErrorAndNothingIsWritten() throws Exception {
        Path points = points("poison.csv", 220, "abc");
        Path out = dir.resolve("poison-out.csv");
        Run l = cli("logp", "--model", model.toString(), "--csv", points.toString(), "--out", out.toString());
        Run r = cli("logp", "--model", model.toString(), "--csv", points.toString(), "--out", out.toString(),
                "--spark", "local[2]", "--partitions", "3");
        assertEquals(2, r.code(), r.err());
        assertEquals(l.err(), r.err(), "the local run's words");
        assertTrue(r.err().contains("row 202"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMixtureOnSparkIsRefused() throws Exception {
        Path mix = dir.resolve("mix.json");
        Files.writeString(mix, "{\"weights\": [1], \"means\": [[0, 0]], \"stds\": [[1, 1]]}");
        Path points = dir.resolve("mix.csv");
        Files.writeString(points, "x0,x1\n0.5,0.25\n");
        Run r = cli("logp", "--mixture", mix.toString(), "--csv", points.toString(), "--out",
                dir.resolve("mix-out.csv").toString(), "--spark", "local[2]");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --spark"), r.err());
    }

    /** n rows of x, y (ring8's columns) and an unused column c; data row 201 (file row 202) replaced by {@code poison} when given. */
    private static Path points(String name, int n, String poison) throws Exception {
        double[] z = Draw.normalDouble(Key.of(5), 3 * n);
        StringBuilder b = new StringBuilder("x,y,c\n");
        for (int i = 0; i < n; i++) {
            String a = poison != null && i == 200 ? poison : Double.toString(1.5 * z[3 * i]);
            b.append(a).append(',').append(1.5 * z[3 * i + 1]).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", z[3 * i + 2])).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b, StandardCharsets.UTF_8);
        return p;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
