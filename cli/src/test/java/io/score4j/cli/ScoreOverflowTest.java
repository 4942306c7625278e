package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score} at a point where a valid model's score overflows: one error naming file and row, nothing written. */
class ScoreOverflowTest {
    @TempDir
    Path dir;

    @Test
    void aPointWhoseScoreOverflowsIsAnErrorNamingTheRow() throws Exception {
        Path mix = Files.writeString(dir.resolve("mix.json"),
                "{\"weights\":[.5,.5],\"means\":[[-2,0],[2,0]],\"stds\":[[1,1],[1,1]]}");
        Path model = dir.resolve("m.safetensors");
        assertEquals(0, CliTestSupport.run("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "256", "--hidden", "8",
                "--epochs", "2", "--batch", "64", "--seed", "1", "-q", "--out", model.toString()).code());
        Path fine = Files.writeString(dir.resolve("fine.csv"), "x0,x1\n0,0\n1,-1\n");
        Path scores = dir.resolve("scores.csv");
        assertEquals(0, CliTestSupport.run("score", "--model", model.toString(), "--csv", fine.toString(), "--out",
                scores.toString()).code());
        assertTrue(Files.exists(scores));

        Path far = Files.writeString(dir.resolve("far.csv"), "x0,x1\n0,0\n1,-1\n1e39,0\n2,2\n");
        Path out = dir.resolve("far-scores.csv");
        CliTestSupport.Run r = CliTestSupport.run("score", "--model", model.toString(), "--csv", far.toString(), "--out",
                out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + far + ": data row 3: "), r.err());
        assertTrue(r.err().contains("overflows"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
