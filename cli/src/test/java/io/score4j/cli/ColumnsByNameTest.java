package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads rows for a model finds the model's columns by name: a file with the
 * columns in another order gives the same numbers, extra columns are ignored with a note, missing
 * ones are an error naming them, and --columns maps names that differ.
 */
class ColumnsByNameTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path model;
    static Path data;
    static Path dataReordered;

    /** Columns a ~ N(0, 1) and b ~ N(5, 4): reading one for the other changes every score. */
    @BeforeAll
    static void trainOnce() throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        StringBuilder ab = new StringBuilder("a,b\n");
        StringBuilder ba = new StringBuilder("id,b,a\n");
        for (int i = 0; i < 300; i++) {
            double a = rng.nextGaussian();
            double b = 5 + 2 * rng.nextGaussian();
            ab.append(a).append(',').append(b).append('\n');
            ba.append("row").append(i).append(',').append(b).append(',').append(a).append('\n');
        }
        data = Files.writeString(shared.resolve("ab.csv"), ab);
        dataReordered = Files.writeString(shared.resolve("id_ba.csv"), ba);
        model = shared.resolve("m.safetensors");
        CliTestSupport.Run r = run("train", "--objective", "exact", "--csv", data.toString(), "--hidden", "8", "--epochs", "3", "--batch", "100", "-q",
                "--out", model.toString());
        assertEquals(0, r.code(), r.err());
    }

    private Path points(String name, String header, double[][] rows) throws IOException {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (double[] r : rows) {
            s.append(String.format(Locale.ROOT, "%s,%s%n", r[0], r[1]));
        }
        return Files.writeString(dir.resolve(name), s);
    }

    private static final double[][] AB_ROWS = {{0.5, 3}, {-1, 7}, {2, 5}};

    private static double[][] swapped() {
        double[][] s = new double[AB_ROWS.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new double[] {AB_ROWS[i][1], AB_ROWS[i][0]};
        }
        return s;
    }

    private byte[] score(Path points, String... extra) throws IOException {
        Path out = dir.resolve("s-" + points.getFileName() + extra.length);
        String[] base = {"score", "--model", model.toString(), "--csv", points.toString(), "--out", out.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliTestSupport.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        return Files.readAllBytes(out);
    }

    @Test
    void scoreReadsReorderedColumnsByName() throws IOException {
        byte[] inOrder = score(points("ab.csv", "a,b", AB_ROWS));
        byte[] reordered = score(points("ba.csv", "b,a", swapped()));
        assertArrayEquals(inOrder, reordered, "same points, columns in another order: same scores");
    }

    @Test
    void extraColumnsAreIgnoredWithOneNoteUnlessQuiet() throws IOException {
        Path withId = Files.writeString(dir.resolve("id.csv"), "id,b,note,a\n1,3,x,0.5\n2,7,y,-1\n3,5,z,2\n");
        Path out = dir.resolve("s.csv");
        CliTestSupport.Run r = run("score", "--model", model.toString(), "--csv", withId.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("note: --csv " + withId + ": ignoring columns id, note (not used by the model " + model + ")",
                r.err().strip());
        assertArrayEquals(score(points("ab.csv", "a,b", AB_ROWS)), Files.readAllBytes(out));
        CliTestSupport.Run quiet = run("score", "-q", "--model", model.toString(), "--csv", withId.toString(), "--out",
                out.toString());
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err());
    }

    @Test
    void missingColumnsAreNamedAndNothingIsWritten() throws IOException {
        Path xy = points("xy.csv", "x,b", AB_ROWS);
        Path out = dir.resolve("s.csv");
        CliTestSupport.Run r = run("score", "--model", model.toString(), "--csv", xy.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: --csv " + xy + " has no column a, which the model " + model + " needs"), err);
        assertTrue(err.contains("--columns"), err);
        assertFalse(Files.exists(out));
        Path noHeader = Files.writeString(dir.resolve("nohead.csv"), "0.5,3\n-1,7\n");
        CliTestSupport.Run h = run("score", "--model", model.toString(), "--csv", noHeader.toString(), "--out", out.toString());
        assertEquals(2, h.code());
        assertTrue(h.err().contains("first row looks like data: a CSV needs a header row"), h.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void columnsMapsNamesThatDiffer() throws IOException {
        byte[] inOrder = score(points("ab.csv", "a,b", AB_ROWS));
        Path yx = points("yx.csv", "y,x", swapped());
        assertArrayEquals(inOrder, score(yx, "--columns", "a=x,b=y"));
        assertArrayEquals(inOrder, score(yx, "--columns", "x,y"), "CSV names in the model's order");
        Path out = dir.resolve("bad.csv");
        CliTestSupport.Run r = run("score", "--model", model.toString(), "--csv", yx.toString(), "--columns", "a=x,c=y",
                "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --columns maps 'c', which is not one of the columns a, b"), r.err());
    }

    @Test
    void evalNamesTheSampleColumnsItLeavesOut() throws IOException {
        Path samples = Files.writeString(dir.resolve("s.csv"), "id,b,a\n1,3,0.5\n2,7,-1\n3,5,2\n");
        CliTestSupport.Run r = run("eval", "--samples", samples.toString(), "--reference", data.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("note: --samples " + samples + ": ignoring column id (not used by --reference " + data + ")",
                r.err().strip());
    }

    private JsonNode report(Path csv, Path samples, String name, String... extra) throws IOException {
        Path out = dir.resolve(name);
        String[] base = {"report", "-q", "--model", model.toString(), "--csv", csv.toString(), "--samples",
                samples.toString(), "--out", out.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliTestSupport.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    @Test
    void reportMatchesDataAndSamplesByName() throws IOException {
        Path samples = points("smp.csv", "a,b", AB_ROWS);
        JsonNode inOrder = report(data, samples, "r1");
        JsonNode reorderedData = report(dataReordered, samples, "r2");
        assertEquals(inOrder.get("metrics"), reorderedData.get("metrics"));
        JsonNode reorderedSamples = report(data, points("smp-ba.csv", "b,a", swapped()), "r3");
        assertEquals(inOrder.get("metrics"), reorderedSamples.get("metrics"));
        Path renamed = Files.writeString(dir.resolve("pq.csv"),
                Files.readString(data).replaceFirst("a,b", "p,q"));
        assertEquals(inOrder.get("metrics"), report(renamed, samples, "r4", "--columns", "a=p,b=q").get("metrics"));
    }
}
