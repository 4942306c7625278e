package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import io.score4j.InputException;
import io.score4j.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults that fit the data, and messages that say what is wrong without printing "null". */
class DefaultsAndMessagesTest {
    @TempDir
    Path dir;

    private Path rows(String name, int n) throws IOException {
        SplittableRandom rng = new SplittableRandom(n);
        StringBuilder s = new StringBuilder("a,b\n");
        for (int i = 0; i < n; i++) {
            s.append(rng.nextGaussian()).append(',').append(3 * rng.nextGaussian()).append('\n');
        }
        return Files.writeString(dir.resolve(name), s);
    }

    private static String batchOf(Path model) {
        return SafeTensors.read(model).metadata().get("batch");
    }

    @Test
    void defaultBatchIsEveryRowOfSmallData() throws IOException {
        Path small = rows("small.csv", 300);
        Path out = dir.resolve("m.safetensors");
        CliTestSupport.Run r = run("train", "--objective", "exact", "--csv", small.toString(), "--hidden", "8", "--epochs", "2", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(batch 300, the default min(2048, 300 rows))"), r.out());
        assertEquals("300", batchOf(out));
    }

    @Test
    void defaultBatchIs2048ForLargerDataAndAnExplicitBatchIsKept() throws IOException {
        Path big = rows("big.csv", 2100);
        Path out = dir.resolve("m.safetensors");
        assertEquals(0, run("train", "--objective", "exact", "--csv", big.toString(), "--hidden", "4", "--epochs", "1", "-q", "--out",
                out.toString()).code());
        assertEquals("2048", batchOf(out));
        CliTestSupport.Run r = run("train", "--objective", "exact", "--csv", big.toString(), "--hidden", "4", "--epochs", "1", "--batch", "100",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(batch 100)"), r.out());
        assertEquals("100", batchOf(out));
    }

    @Test
    void onlyAnExplicitBatchLargerThanTheDataIsAnError() throws IOException {
        Path small = rows("small.csv", 300);
        Path out = dir.resolve("m.safetensors");
        CliTestSupport.Run r = run("train", "--objective", "exact", "--csv", small.toString(), "--batch", "301", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("error: --batch must not exceed the 300 training rows, got 301", r.err().strip());
        assertFalse(Files.exists(out));
    }

    private static void assertOneError(CliTestSupport.Run r, String... mention) {
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: ") && err.lines().count() == 1, err);
        assertFalse(err.contains("null"), err);
        for (String m : mention) {
            assertTrue(err.contains(m), "'" + m + "' missing from: " + err);
        }
    }

    @Test
    void annealedSamplingSaysWhatItNeeds() throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[1],\"means\":[[0]],\"stds\":[[1]]}");
        Path out = dir.resolve("s.csv");
        // A mixture's largest noise level is derived from it (SamplerDefaults.mixtureSigmaMax): no flag needed.
        assertEquals(0, run("sample", "--mixture", mix.toString(), "--sampler", "annealed", "--n", "3", "-q", "--out",
                out.toString()).code());
        Files.delete(out);
        Path model = dir.resolve("m.safetensors");
        assertEquals(0, run("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "256", "--hidden", "4", "--epochs", "1", "-q",
                "--out", model.toString()).code());
        CliTestSupport.Run r = run("sample", "--model", model.toString(), "--sampler", "annealed", "--n", "3", "--out",
                out.toString());
        assertOneError(r, "--sampler annealed needs a noise-conditional model", "--objective ncsn",
                "trained with --objective exact", "--sampler langevin");
        assertFalse(r.err().contains("got annealed"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aNullValueIsNeverPrinted() {
        InputException e = assertThrows(InputException.class, () -> InputException.require(false, "--sigma-max", null, "is required"));
        assertEquals("--sigma-max is required (not given)", e.getMessage());
    }

    @Test
    void unknownFlagsSuggestTheNearestOne() {
        assertOneError(run("train", "--objective", "exact", "--epoch", "3", "--toy", "ring8", "--out", dir.resolve("m").toString()),
                "'--epoch'", "did you mean --epochs?");
        assertOneError(run("train", "--objective", "exact", "--hiden", "8"), "'--hiden'", "did you mean --hidden?");
        assertOneError(run("trian"), "'trian'", "did you mean train?");
        assertOneError(run("demo", "--bogus"), "--bogus");
    }
}
