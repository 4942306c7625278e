package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user error: one line starting "error:", naming what and where, exit code 2, no output left. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private void assertUserError(CliTestSupport.Run r, String... mustMention) {
        assertEquals(2, r.code(), () -> "exit code; stderr was: " + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: "), err);
        assertEquals(1, err.lines().count(), "one line expected: " + err);
        assertFalse(err.contains("Exception"), err);
        for (String m : mustMention) {
            assertTrue(err.contains(m), "'" + m + "' missing from: " + err);
        }
    }

    private Path mixture() throws IOException {
        return Files.writeString(dir.resolve("mix.json"), "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
    }

    @Test
    void missingCommandAndUnknownFlag() {
        assertUserError(run(), "missing command");
        assertUserError(run("demo", "--bogus"), "--bogus");
    }

    @Test
    void badFlagValuesAreNamed() throws IOException {
        String mix = mixture().toString();
        String out = dir.resolve("m.safetensors").toString();
        assertUserError(run("train", "--objective", "exact", "--mixture", mix, "--lr", "-1", "--out", out), "--lr");
        assertUserError(run("train", "--objective", "exact", "--mixture", mix, "--epochs", "0", "--out", out), "--epochs");
        assertUserError(run("train", "--objective", "exact", "--mixture", mix, "--batch", "0", "--out", out), "--batch");
        assertUserError(run("train", "--objective", "exact", "--mixture", mix, "--hidden", "0", "--out", out), "--hidden");
        assertUserError(run("train", "--objective", "exact", "--mixture", mix, "--n", "100", "--batch", "200", "--out", out), "--batch");
        assertUserError(run("train", "--mixture", mix, "--objective", "magic", "--out", out), "magic");
        assertUserError(run("train", "--objective", "exact", "--mixture", mix, "--activation", "gelu", "--out", out), "gelu");
        assertUserError(run("sample", "--mixture", mix, "--n", "0", "--out", out), "--n");
        assertUserError(run("sample", "--mixture", mix, "--n", "5", "--step-size", "0", "--out", out), "--step-size");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void badFilesAreNamed() throws IOException {
        String out = dir.resolve("m.safetensors").toString();
        assertUserError(run("train", "--objective", "exact", "--mixture", dir.resolve("none.json").toString(), "--out", out), "none.json");
        Path badMix = Files.writeString(dir.resolve("bad.json"), "{\"weights\":[.5,.6],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
        assertUserError(run("train", "--objective", "exact", "--mixture", badMix.toString(), "--out", out), "bad.json");
        Path ragged = Files.writeString(dir.resolve("r.csv"), "a,b\n1,2\n3\n");
        assertUserError(run("train", "--objective", "exact", "--csv", ragged.toString(), "--out", out), "r.csv");
        Path notModel = Files.writeString(dir.resolve("x.safetensors"), "hello world, not a model");
        assertUserError(run("sample", "--model", notModel.toString(), "--n", "3", "--out", dir.resolve("s.csv").toString()),
                "x.safetensors");
        assertUserError(run("train", "--objective", "exact", "--mixture", mixture().toString(), "--out", dir.resolve("no/such/dir/m.st").toString()),
                "--out");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void scoreRejectsPointsWithoutTheModelsColumns() throws IOException {
        Path model = dir.resolve("m.safetensors");
        assertEquals(0, run("train", "--objective", "exact", "--mixture", mixture().toString(), "--n", "256", "--hidden", "8", "--epochs", "1",
                "--batch", "128", "-q", "--out", model.toString()).code());
        Path pts = Files.writeString(dir.resolve("p.csv"), "a,b\n1,2\n");
        Path out = dir.resolve("s.csv");
        assertUserError(run("score", "--model", model.toString(), "--csv", pts.toString(), "--out", out.toString()),
                "--csv", "p.csv", "no column x0", "m.safetensors", "the header has a, b");
        assertFalse(Files.exists(out));
    }

    @Test
    void divergenceNamesTheStepKeepsTheLastCheckpointAndWritesNoModel() throws IOException {
        Path out = dir.resolve("m.safetensors");
        Path ckpt = dir.resolve("m.ckpt");
        CliTestSupport.Run r = run("train", "--objective", "exact", "--mixture", mixture().toString(), "--n", "2000", "--hidden", "32", "--epochs",
                "20", "--batch", "256", "--lr", "1e12", "--checkpoint", ckpt.toString(), "--checkpoint-every", "1",
                "--out", out.toString());
        assertUserError(r, "training diverged at step", "--lr", "--clip");
        assertFalse(Files.exists(out), "no model from a diverged run");
        assertTrue(Files.exists(ckpt), "the last good checkpoint stays");
        int step = Integer.parseInt(io.score4j.io.SafeTensors.read(ckpt).metadata().get("step"));
        assertTrue(r.err().contains("step " + (step + 1)), r.err() + " vs checkpoint step " + step);
    }
}
