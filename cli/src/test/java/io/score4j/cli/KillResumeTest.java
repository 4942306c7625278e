package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.io.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same bytes, across JVM starts: every run here is its own JVM (as a user's runs are),
 * so anything that depends on per-JVM hash salts (such as {@code Map.copyOf} iteration order) shows
 * up as differing files. Whole files are compared byte for byte.
 */
class KillResumeTest {
    @TempDir
    Path dir;

    private List<String> trainArgs(Path mix, Path out, Path ckpt) {
        return List.of("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "2000", "--hidden", "32", "--epochs", "300",
                "--batch", "256", "--lr", "1e-2", "--seed", "7", "--checkpoint", ckpt.toString(), "--checkpoint-every", "20",
                "-q", "--out", out.toString());
    }

    private Path mixture() throws Exception {
        return Files.writeString(dir.resolve("mix.json"), "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
    }

    /** A training process killed with SIGKILL mid-run, resumed in another JVM, ends with the same file. */
    @Test
    void killedRunResumesToTheSameBytes() throws Exception {
        Path mix = mixture();
        Path ckpt = dir.resolve("run.ckpt");
        Process p = ChildJvm.start(List.of(), trainArgs(mix, dir.resolve("killed.safetensors"), ckpt));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ckpt) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(150);
        boolean wasAlive = p.isAlive();
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(wasAlive, "training finished before it could be killed; make the run longer");
        assertTrue(Files.exists(ckpt), "no checkpoint was written before the kill");
        int step = Integer.parseInt(SafeTensors.read(ckpt).metadata().get("step"));
        int total = 300 * (2000 / 256);
        assertTrue(step > 0 && step < total, "checkpoint step " + step);

        Path resumed = dir.resolve("resumed.safetensors");
        List<String> resume = new ArrayList<>(trainArgs(mix, resumed, ckpt));
        resume.addAll(List.of("--resume", ckpt.toString()));
        ChildJvm.Result r = ChildJvm.run(List.of(), resume, 120);
        assertEquals(0, r.code(), r.output());

        Path straight = dir.resolve("straight.safetensors");
        ChildJvm.Result s = ChildJvm.run(List.of(), trainArgs(mix, straight, dir.resolve("other.ckpt")), 120);
        assertEquals(0, s.code(), s.output());
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed), "resumed model differs from straight");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temp files left behind");
        }
    }

    /** Two runs with the same seed in three JVMs write the same model and checkpoint bytes. */
    @Test
    void sameSeedInSeparateJvmsWritesIdenticalFiles() throws Exception {
        Path mix = mixture();
        byte[] firstModel = null;
        byte[] firstCheckpoint = null;
        for (int run = 0; run < 3; run++) {
            Path out = dir.resolve("m" + run + ".safetensors");
            Path ckpt = dir.resolve("m" + run + ".ckpt");
            List<String> args = List.of("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "512", "--hidden", "8",
                    "--epochs", "2", "--batch", "128", "--seed", "3", "--checkpoint", ckpt.toString(),
                    "--checkpoint-every", "4", "-q", "--out", out.toString());
            ChildJvm.Result r = ChildJvm.run(List.of(), args, 120);
            assertEquals(0, r.code(), r.output());
            byte[] model = Files.readAllBytes(out);
            byte[] checkpoint = Files.readAllBytes(ckpt);
            if (run == 0) {
                firstModel = model;
                firstCheckpoint = checkpoint;
            } else {
                assertArrayEquals(firstModel, model, "model of run " + run + " differs from run 0");
                assertArrayEquals(firstCheckpoint, checkpoint, "checkpoint of run " + run + " differs from run 0");
            }
        }
    }
}
