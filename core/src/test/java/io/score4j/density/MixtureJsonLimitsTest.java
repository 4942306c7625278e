package io.score4j.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link MixtureJson} bounds as it streams, and the byte-order mark. */
class MixtureJsonLimitsTest {
    private static final String SEED = "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}";

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkIsIgnoredAsInACsv() throws IOException {
        GaussianMixture seed = GaussianMixture.fromJson(SEED, "seed");
        assertEquals(seed, GaussianMixture.fromJson("\uFEFF" + SEED, "bom"));
        Path f = dir.resolve("bom.json");
        Files.write(f, ("\uFEFF" + SEED).getBytes(StandardCharsets.UTF_8));
        assertEquals(seed, MixtureJson.read(f));
    }

    @Test
    void aMillionComponentsAreRefusedForTheirCount() {
        int k = 1_000_000;
        String json = "{\"weights\":[" + "1e-6,".repeat(k - 1) + "1e-6],\"means\":[" + "[0],".repeat(k - 1)
                + "[0]],\"stds\":[" + "[1],".repeat(k - 1) + "[1]]}";
        InputException e = assertThrows(InputException.class, () -> GaussianMixture.fromJson(json, "m.json"));
        assertEquals("m.json: field 'weights' has more than 100000 entries: a mixture may have at most 100000 components",
                e.getMessage());
        String meansFirst = "{\"means\":[" + "[0],".repeat(k - 1) + "[0]]}";
        assertTrue(assertThrows(InputException.class, () -> GaussianMixture.fromJson(meansFirst, "m.json")).getMessage()
                .contains("field 'means' has more than 100000 entries"));
    }

    @Test
    void theLimitItselfIsAccepted() {
        int k = MixtureJson.MAX_COMPONENTS;
        String json = "{\"weights\":[" + "1e-5,".repeat(k - 1) + "1e-5],\"means\":[" + "[0],".repeat(k - 1)
                + "[0]],\"stds\":[" + "[1],".repeat(k - 1) + "[1]]}";
        assertEquals(k, GaussianMixture.fromJson(json, "m.json").components());
    }

    @Test
    void tooManyCoordinatesAreRefused() {
        String json = "{\"weights\":[1],\"means\":[[" + "0,".repeat(MixtureJson.MAX_DIM) + "0]],\"stds\":[[1]]}";
        assertTrue(assertThrows(InputException.class, () -> GaussianMixture.fromJson(json, "m.json")).getMessage()
                .contains("field 'means[0]' has more than 100000 entries: a mixture may have at most 100000 coordinates"));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedAfterABoundedRead() throws IOException {
        Path f = dir.resolve("big.json");
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        try (OutputStream out = Files.newOutputStream(f)) {
            for (long written = 0; written <= MixtureJson.MAX_BYTES; written += spaces.length) {
                out.write(spaces);
            }
        }
        InputException e = assertThrows(InputException.class, () -> MixtureJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": larger than 64 MiB"), e.getMessage());
    }

    @Test
    void anEndlessDeviceFailsAtItsFirstByte() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        InputException e = assertThrows(InputException.class, () -> MixtureJson.read(zero));
        assertTrue(e.getMessage().startsWith("/dev/zero: malformed JSON: Illegal character"), e.getMessage());
    }

    @Test
    void missingFilesAndFoldersAreNamed() {
        assertEquals(dir.resolve("no.json") + ": no such file",
                assertThrows(InputException.class, () -> MixtureJson.read(dir.resolve("no.json"))).getMessage());
        assertTrue(assertThrows(InputException.class, () -> MixtureJson.read(dir)).getMessage().endsWith("is a directory, "
                + "expected a mixture JSON file"));
    }
}
