package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code score4j report}: one {@code error:} line naming the file or flag, exit 2, no folder written. */
class ReportErrorsTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model1d;
    private static Path model2d;

    @BeforeAll
    static void models() throws Exception {
        Path mix = Files.writeString(shared.resolve("mix.json"), "{\"weights\":[1],\"means\":[[0]],\"stds\":[[1]]}");
        model1d = shared.resolve("one.safetensors");
        ReportCommandTest.ok("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "256", "--hidden", "4", "--epochs", "1",
                "--batch", "128", "-q", "--out", model1d.toString());
        model2d = ReportCommandTest.tinyRing8(shared.resolve("two.safetensors"));
    }

    private void assertUserError(Path out, String[] args, String... mustMention) {
        CliTestSupport.Run r = run(args);
        assertEquals(2, r.code(), () -> "exit code; stderr was: " + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: "), err);
        assertEquals(1, err.lines().count(), "one line expected: " + err);
        assertFalse(err.contains("Exception"), err);
        for (String m : mustMention) {
            assertTrue(err.contains(m), "'" + m + "' missing from: " + err);
        }
        assertFalse(Files.exists(out), "nothing may be written on error: " + out);
    }

    private String[] report(Path out, String... rest) {
        String[] head = {"report", "-q", "--out", out.toString()};
        String[] all = new String[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    @Test
    void modelAndDataOfDifferentDimensionNameBoth() throws Exception {
        Path out = dir.resolve("r");
        assertUserError(out, report(out, "--model", model1d.toString(), "--toy", "ring8"), "--toy ring8",
                "one.safetensors", "expects 1");
        Path csv3 = Files.writeString(dir.resolve("three.csv"), "a,b,c\n1,2,3\n4,5,6\n");
        assertUserError(out, report(out, "--model", model2d.toString(), "--csv", csv3.toString()), "three.csv",
                "no columns x, y", "two.safetensors", "the header has a, b, c", "--columns");
        Path samples1 = Files.writeString(dir.resolve("s1.csv"), "x\n1\n2\n3\n");
        assertUserError(out, report(out, "--model", model2d.toString(), "--toy", "ring8", "--n", "64", "--samples",
                samples1.toString()), "s1.csv", "no column y", "two.safetensors");
    }

    @Test
    void unreadableFilesAreNamed() throws Exception {
        Path out = dir.resolve("r");
        assertUserError(out, report(out, "--model", dir.resolve("absent.safetensors").toString(), "--toy", "ring8"),
                "absent.safetensors");
        Path notModel = Files.writeString(dir.resolve("junk.safetensors"), "not a model at all");
        assertUserError(out, report(out, "--model", notModel.toString(), "--toy", "ring8"), "junk.safetensors");
        assertUserError(out, report(out, "--model", model2d.toString(), "--toy", "ring8", "--n", "64", "--samples",
                dir.resolve("nosamples.csv").toString()), "nosamples.csv");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "x,y\n1,2\n3\n");
        assertUserError(out, report(out, "--model", model2d.toString(), "--csv", ragged.toString()), "ragged.csv");
        assertUserError(out, report(out, "--model", model1d.toString(), "--mixture", dir.resolve("nomix.json").toString()),
                "nomix.json");
    }

    @Test
    void flagsThatCannotApplyAreRefused() throws Exception {
        Path out = dir.resolve("r");
        Path samples = Files.writeString(dir.resolve("s.csv"), "x,y\n1,2\n3,4\n");
        assertUserError(out, report(out, "--model", model2d.toString(), "--toy", "ring8", "--samples", samples.toString(),
                "--steps", "10"), "--steps", "s.csv");
        assertUserError(out, report(out, "--model", model2d.toString(), "--toy", "ring8", "--sampler", "mala"), "mala");
        assertUserError(out, report(out, "--model", model2d.toString(), "--toy", "ring8", "--n", "64", "--sampler",
                "annealed"), "annealed", "noise-conditional");
        assertUserError(out, report(out, "--model", model2d.toString(), "--toy", "ring8", "--step-size", "0"),
                "--step-size");
        Path file = Files.writeString(dir.resolve("afile"), "x");
        CliTestSupport.Run r = run("report", "-q", "--model", model2d.toString(), "--toy", "ring8", "--out", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --out " + file), r.err());
        assertEquals("x", Files.readString(file));
    }
}
