package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's reproducibility statement: same seed → same bytes, whatever the thread count. */
class ReproducibilityTest {
    @TempDir
    Path dir;

    private byte[] train(String name, long seed, int threads) throws Exception {
        Path mix = dir.resolve("mix.json");
        if (!Files.exists(mix)) {
            Files.writeString(mix, "{\"weights\":[.3,.7],\"means\":[[-2],[2]],\"stds\":[[1],[0.5]]}");
        }
        Path out = dir.resolve(name);
        assertEquals(0, run("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "4096", "--hidden", "256", "--epochs", "3",
                "--batch", "1024", "--seed", Long.toString(seed), "--threads", Integer.toString(threads), "-q",
                "--out", out.toString()).code());
        return Files.readAllBytes(out);
    }

    private byte[] sample(Path model, String name, long seed, int threads) throws Exception {
        Path out = dir.resolve(name);
        assertEquals(0, run("sample", "--model", model.toString(), "--n", "3000", "--steps", "50", "--seed",
                Long.toString(seed), "--threads", Integer.toString(threads), "-q", "--out", out.toString()).code());
        return Files.readAllBytes(out);
    }

    @Test
    void sameSeedSameBytesForAnyThreadCountAndDifferentSeedDifferentBytes() throws Exception {
        byte[] one = train("t1.safetensors", 5, 1);
        byte[] two = train("t2.safetensors", 5, 2);
        byte[] other = train("t3.safetensors", 6, 2);
        assertArrayEquals(one, two, "model bytes differ between 1 and 2 threads");
        var w = io.score4j.io.SafeTensors.read(one, "t1").tensors().get("layers.0.weight");
        var wOther = io.score4j.io.SafeTensors.read(other, "t3").tensors().get("layers.0.weight");
        assertFalse(w.bitEquals(wOther), "a different seed gave the same weights");
        Path model = dir.resolve("t1.safetensors");
        assertArrayEquals(sample(model, "s1.csv", 9, 1), sample(model, "s2.csv", 9, 2));
        assertFalse(Arrays.equals(sample(model, "s3.csv", 9, 2), sample(model, "s4.csv", 10, 2)));
    }
}
