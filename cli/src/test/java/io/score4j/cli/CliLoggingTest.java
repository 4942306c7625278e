package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --log-json writes one JSON object per epoch; --quiet silences stdout; progress bars stay off when not on a terminal. */
class CliLoggingTest {
    @TempDir
    Path dir;

    @Test
    void logJsonHasOneObjectPerEpochAndQuietPrintsNothing() throws Exception {
        Path mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
        Path log = dir.resolve("log.jsonl");
        CliTestSupport.Run r = run("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "1000", "--hidden", "16", "--epochs", "4",
                "--batch", "250", "--log-json", log.toString(), "-q", "--out", dir.resolve("m.safetensors").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
        List<String> lines = Files.readAllLines(log);
        assertEquals(4, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int e = 0; e < 4; e++) {
            JsonNode row = json.readTree(lines.get(e));
            assertEquals(e + 1, row.get("epoch").asInt());
            assertEquals(4, row.get("epochs").asInt());
            assertEquals(4 * (e + 1), row.get("step").asInt());
            assertTrue(Double.isFinite(row.get("loss").asDouble()));
            assertTrue(row.get("steps_per_s").asDouble() > 0);
            assertTrue(row.has("elapsed_s"));
        }
    }

    /** Only train logs epochs: elsewhere --log-json is an unknown flag, not accepted and silently ignored. */
    @Test
    void logJsonIsRefusedWhereNothingWouldBeLogged() throws Exception {
        Path mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[1],\"means\":[[0]],\"stds\":[[1]]}");
        Path log = dir.resolve("log.jsonl");
        CliTestSupport.Run r = run("sample", "--mixture", mix.toString(), "--n", "10", "--steps", "5",
                "--log-json", log.toString(), "--out", dir.resolve("s.csv").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error:") && r.err().contains("--log-json"), r.err());
        assertFalse(Files.exists(log));
        assertFalse(Files.exists(dir.resolve("s.csv")));
    }

    @Test
    void summaryLineWithoutQuiet() throws Exception {
        Path mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[1],\"means\":[[0]],\"stds\":[[1]]}");
        CliTestSupport.Run r = run("sample", "--mixture", mix.toString(), "--n", "10", "--steps", "5",
                "--out", dir.resolve("s.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("10 samples (langevin)"), r.out());
        assertFalse(r.err().contains("\r"), "no progress bar off a terminal");
    }

    @Test
    void unknownSamplerAndMisplacedAnnealedFlagsAreUserErrors() throws Exception {
        Path mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[1],\"means\":[[0]],\"stds\":[[1]]}");
        String out = dir.resolve("s.csv").toString();
        CliTestSupport.Run a = run("sample", "--mixture", mix.toString(), "--n", "10", "--sampler", "hmc", "--out", out);
        assertEquals(2, a.code());
        assertTrue(a.err().startsWith("error:") && a.err().contains("hmc"), a.err());
        CliTestSupport.Run b = run("sample", "--mixture", mix.toString(), "--n", "10", "--sigma-max", "5", "--out", out);
        assertEquals(2, b.code());
        assertTrue(b.err().contains("--sampler"), b.err());
        CliTestSupport.Run c = run("sample", "--mixture", mix.toString(), "--n", "10", "--sampler", "annealed", "--levels",
                "0", "--out", out);
        assertEquals(2, c.code());
        assertTrue(c.err().contains("--levels"), c.err());
        CliTestSupport.Run d = run("sample", "--mixture", mix.toString(), "--n", "10", "--steps", "200", "--step-size", "50",
                "--out", out);
        assertEquals(2, d.code());
        assertTrue(d.err().contains("not finite") && d.err().contains("--step-size"), d.err());
        assertFalse(Files.exists(Path.of(out)));
    }
}
