package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.io.SafeTensors;
import io.score4j.optim.Optimizers;
import io.score4j.train.ScoreModel;
import io.score4j.train.TrainCheckpoint;
import io.score4j.train.TrainingSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files and a checkpoint written by main's code before the typed {@link TrainingSpec} existed
 * (src/test/resources/compat, with the commands that made them) still load, read back as the spec that wrote
 * them, and are written again byte for byte; the same train commands now write the same metadata.
 */
final class ModelFileCompatibilityTest {
    private static final String[] MODELS = {"exact", "sliced-vr", "denoising", "ncsn-data", "ncsn-given"};
    private static final List<String> COMMON = List.of("train", "--toy", "ring8", "--n", "256", "--hidden", "8",
            "--epochs", "2", "--batch", "128", "--seed", "3", "-q");
    private static final Map<String, List<String>> FLAGS = Map.of(
            "exact", List.of("--objective", "exact"),
            "sliced-vr", List.of("--objective", "sliced-vr", "--projections", "2", "--projection", "gaussian", "--clip", "1.0"),
            "denoising", List.of("--objective", "denoising", "--sigma", "0.25", "--init", "normal", "--activation", "tanh"),
            "ncsn-data", List.of("--objective", "ncsn", "--levels", "4", "--sigma-min", "0.05", "--hidden", "8,8",
                    "--activation", "silu"),
            "ncsn-given", List.of("--objective", "ncsn", "--sigma-max", "3", "--levels", "5", "--activation",
                    "softplus"));

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve("old-" + name);
        try (InputStream in = getClass().getResourceAsStream("/compat/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static List<String> train(String model, Path out, String... more) {
        List<String> a = new ArrayList<>(COMMON);
        List<String> own = new ArrayList<>(FLAGS.get(model));
        for (String m : more) {
            int i = own.indexOf(m);
            if (m.startsWith("--") && i >= 0) {  // a flag given in more replaces the model's own (each option once)
                own.subList(i, i + 2).clear();
            }
        }
        a.addAll(own);
        a.addAll(List.of("--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void oldModelsLoadAsTheirSpecAndSaveToTheSameBytes() throws IOException {
        for (String name : MODELS) {
            Path old = fixture(name + ".safetensors");
            ScoreModel m = ScoreModel.load(old);
            TrainingSpec spec = m.training().orElseThrow(() -> new AssertionError(name + " has no spec"));
            Map<String, String> meta = SafeTensors.read(old).metadata();
            spec.metadata().forEach((k, v) -> assertEquals(meta.get(k), v, name + " " + k));
            assertEquals(m.noise(), spec.ladder(), name);
            Path again = dir.resolve("again-" + name);
            ScoreModel.of(m.spec(), m.params(), m.standardizer(), m.columns(), spec).save(again);
            assertArrayEquals(Files.readAllBytes(old), Files.readAllBytes(again), name + ": spec written back");
            m.save(again);
            assertArrayEquals(Files.readAllBytes(old), Files.readAllBytes(again), name + ": model written back");
        }
    }

    @Test
    void theOldDemoModelLoadsAndSavesToTheSameBytes() throws IOException {
        Path old = fixture("demo.safetensors");
        ScoreModel m = ScoreModel.load(old);
        assertFalse(m.training().isPresent(), "main's demo wrote no hidden, optimizer or rows");
        Path again = dir.resolve("again");
        m.save(again);
        assertArrayEquals(Files.readAllBytes(old), Files.readAllBytes(again));
    }

    @Test
    void theSameCommandsWriteTheSameMetadata() throws IOException {
        for (String name : MODELS) {
            Path out = dir.resolve("new-" + name + ".safetensors");
            CliTestSupport.Run r = CliTestSupport.run(train(name, out).toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertEquals(new TreeMap<>(SafeTensors.read(fixture(name + ".safetensors")).metadata()),
                    new TreeMap<>(SafeTensors.read(out).metadata()), name);
        }
    }

    @Test
    void anOldCheckpointReadsAsItsSpecAndResumesToMainsModel() throws IOException {
        Path ckpt = fixture("ncsn-given.ckpt");
        Map<String, String> meta = SafeTensors.read(ckpt).metadata();
        TrainingSpec spec = TrainCheckpoint.read(ckpt, Optimizers.chain(Optimizers.adam(5e-3))).spec();
        Map<String, String> written = new TreeMap<>(spec.metadata());
        written.put("score4j.checkpoint", "1");
        written.put("step", meta.get("step"));
        written.put("key", meta.get("key"));
        assertEquals(new TreeMap<>(meta), written);
        // All 4 steps were done: resuming trains nothing and writes exactly the model main wrote.
        Path out = dir.resolve("resumed.safetensors");
        CliTestSupport.Run r = CliTestSupport.run(train("ncsn-given", out, "--resume", ckpt.toString())
                .toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(fixture("ncsn-given.safetensors")), Files.readAllBytes(out));
    }

    @Test
    void resumingWithAnotherSpecNamesTheSetting() throws IOException {
        Path ckpt = fixture("ncsn-given.ckpt");
        String[][] cases = {
            {"--lr", "0.01", "was made with lr=0.005, this run has 0.01"},
            {"--sigma-min", "0.02", "was made with sigma_min=0.01, this run has 0.02"},
            {"--activation", "tanh", "was made with activation=softplus, this run has tanh"},
            {"--init", "normal", "was made with init=scaled, this run has normal"},
            {"--hidden", "4", "was made with hidden=[8], this run has [8, 4]"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("refused.safetensors");
            CliTestSupport.Run r = CliTestSupport.run(train("ncsn-given", out, "--resume", ckpt.toString(), c[0], c[1])
                    .toArray(String[]::new));
            assertEquals(Main.USER_ERROR, r.code(), r.err());
            assertTrue(r.err().startsWith("error: --resume ") && r.err().contains(c[2]), r.err());
            assertFalse(Files.exists(out));
        }
    }
}
