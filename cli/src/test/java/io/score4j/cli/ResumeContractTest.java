package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.io.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code train --resume} promises: {@code --epochs} is the whole run's length, checkpoints go
 * where {@code --checkpoint} says, temp files of an interrupted checkpoint write are cleaned up;
 * and {@code --log-json} records a run that diverges.
 */
class ResumeContractTest {
    @TempDir
    Path dir;

    private Path mix;

    @BeforeEach
    void mixture() throws Exception {
        mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
    }

    /** 512 rows in batches of 64: 8 steps per epoch. */
    private List<String> train(Path out, int epochs, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "512", "--hidden", "8",
                "--batch", "64", "--seed", "5", "--epochs", Integer.toString(epochs), "-q", "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    private static CliTestSupport.Run cli(List<String> args) {
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    /** A finished 10-epoch run's checkpoint at step 80. */
    private Path finishedCheckpoint() {
        Path ckpt = dir.resolve("a.ckpt");
        assertEquals(0, cli(train(dir.resolve("ten.safetensors"), 10, "--checkpoint", ckpt.toString(),
                "--checkpoint-every", "8")).code());
        assertEquals("80", SafeTensors.read(ckpt).metadata().get("step"));
        return ckpt;
    }

    @Test
    void epochsFewerThanTheCheckpointHasDoneAreRefused() {
        Path ckpt = finishedCheckpoint();
        Path out = dir.resolve("two.safetensors");
        CliTestSupport.Run r = cli(train(out, 2, "--resume", ckpt.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --epochs 2 means 16 steps in all, but --resume"), r.err());
        assertTrue(r.err().contains("already done 80") && r.err().contains("give --epochs 10 or more"), r.err());
        assertFalse(Files.exists(out), "no model claiming epochs=2");
    }

    @Test
    void epochsCountTheWholeRunSoResumingToMoreEqualsAStraightRun() throws Exception {
        Path ckpt = finishedCheckpoint();
        Path resumed = dir.resolve("resumed.safetensors");
        assertEquals(0, cli(train(resumed, 12, "--resume", ckpt.toString())).code());
        Path straight = dir.resolve("straight.safetensors");
        assertEquals(0, cli(train(straight, 12)).code());
        assertEquals("12", SafeTensors.read(resumed).metadata().get("epochs"));
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
        Path same = dir.resolve("same.safetensors");
        assertEquals(0, cli(train(same, 10, "--resume", ckpt.toString())).code());
        assertArrayEquals(Files.readAllBytes(dir.resolve("ten.safetensors")), Files.readAllBytes(same));
    }

    @Test
    void resumeWritesItsCheckpointsWhereCheckpointSays() throws Exception {
        Path a = finishedCheckpoint();
        byte[] before = Files.readAllBytes(a);
        Path b = dir.resolve("b.ckpt");
        assertEquals(0, cli(train(dir.resolve("m.safetensors"), 12, "--resume", a.toString(), "--checkpoint", b.toString(),
                "--checkpoint-every", "8")).code());
        assertEquals("96", SafeTensors.read(b).metadata().get("step"));
        assertArrayEquals(before, Files.readAllBytes(a), "the checkpoint resumed from is left as it was");
        // Without --checkpoint, a resumed run goes on writing the checkpoint it came from.
        assertEquals(0, cli(train(dir.resolve("m2.safetensors"), 12, "--resume", a.toString(), "--checkpoint-every", "8"))
                .code());
        assertEquals("96", SafeTensors.read(a).metadata().get("step"));
    }

    @Test
    void resumeRemovesTempFilesOfAnInterruptedCheckpointWrite() throws Exception {
        Path a = finishedCheckpoint();
        Path leftover = Files.write(dir.resolve(".a.ckpt.3f9a0c12e4d5b6a7.tmp"), new byte[] {1, 2, 3});
        Path unrelated = Files.write(dir.resolve(".a.ckpt.notes.tmp"), new byte[] {4});
        Path other = Files.write(dir.resolve(".b.ckpt.3f9a0c12e4d5b6a7.tmp"), new byte[] {5});
        assertEquals(0, cli(train(dir.resolve("m.safetensors"), 10, "--resume", a.toString())).code());
        assertFalse(Files.exists(leftover), "temp file of a killed checkpoint write left behind");
        assertTrue(Files.exists(unrelated) && Files.exists(other), "only the checkpoint's own temp files are removed");
    }

    @Test
    void logJsonRecordsTheEpochARunDivergedIn() throws Exception {
        Path log = dir.resolve("log.json");
        Path out = dir.resolve("m.safetensors");
        CliTestSupport.Run r = cli(train(out, 5, "--lr", "1e12", "--log-json", log.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("training diverged at step"), r.err());
        List<String> lines = Files.readAllLines(log);
        assertFalse(lines.isEmpty(), "--log-json left empty after a divergence");
        JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertTrue(last.get("diverged").asText().startsWith("training diverged at step"), last.toString());
        assertEquals(5, last.get("epochs").asInt());
        int step = last.get("step").asInt();
        assertEquals(step / 8 + 1, last.get("epoch").asInt());
        assertEquals(step == step / 8 * 8, last.get("loss").isNull(), last.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCheckpointWithUnknownTensorsOrUnusableParametersIsRefused() throws Exception {
        Path a = finishedCheckpoint();
        var f = SafeTensors.read(a);
        var extra = f.tensors();
        extra.put("junk", io.score4j.tensor.Tensor.scalar(io.score4j.tensor.DType.F32, 1));
        Path withJunk = dir.resolve("junk.ckpt");
        SafeTensors.write(withJunk, extra, f.metadata());
        Path out = dir.resolve("m.safetensors");
        CliTestSupport.Run r = cli(train(out, 10, "--resume", withJunk.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("'junk' is not part of a checkpoint"), r.err());

        var bad = f.tensors();
        float[] w = bad.get("param/layers.0.weight").toFloatArray();
        w[2] = Float.POSITIVE_INFINITY;
        bad.put("param/layers.0.weight", io.score4j.tensor.Tensor.wrap(w, bad.get("param/layers.0.weight").shape()));
        Path withInf = dir.resolve("inf.ckpt");
        SafeTensors.write(withInf, bad, f.metadata());
        r = cli(train(out, 12, "--resume", withInf.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("parameter 'layers.0.weight' element 2 is Infinity"), r.err());
        assertFalse(Files.exists(out));
    }

    /** Parameters beyond ±1e18 are divergence: no checkpoint or model ever holds what a model file may not. */
    @Test
    void aStepThatTakesAParameterBeyondTheModelBoundIsDivergence() {
        Path out = dir.resolve("m.safetensors");
        Path ckpt = dir.resolve("m.ckpt");
        CliTestSupport.Run r = cli(train(out, 5, "--lr", "1e30", "--checkpoint", ckpt.toString(), "--checkpoint-every", "1"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: training diverged at step 1: parameter 'layers.0."), r.err());
        assertTrue(r.err().contains("beyond ±1.0E18"), r.err());
        assertFalse(Files.exists(ckpt) || Files.exists(out));
    }
}
