package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL mid-run resumes from its last checkpoint and ends with a
 * model byte-identical to an uninterrupted run.
 */
class KillResumeTest {
    @TempDir
    Path dir;

    private List<String> trainArgs(Path mix, Path out, Path ckpt) {
        return List.of("train", "--mixture", mix.toString(), "--n", "2000", "--hidden", "32", "--epochs", "300",
                "--batch", "256", "--lr", "1e-2", "--seed", "7", "--checkpoint", ckpt.toString(), "--checkpoint-every", "20",
                "-q", "--out", out.toString());
    }

    @Test
    void killedRunResumesToTheSameBytes() throws Exception {
        Path mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
        Path ckpt = dir.resolve("run.ckpt");
        Process p = startJvm(trainArgs(mix, dir.resolve("killed.safetensors"), ckpt));
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
        assertEquals(0, CliTestSupport.run(resume.toArray(String[]::new)).code());

        Path straight = dir.resolve("straight.safetensors");
        assertEquals(0, CliTestSupport.run(trainArgs(mix, straight, dir.resolve("other.ckpt")).toArray(String[]::new)).code());
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temp files left behind");
        }
    }

    private static Process startJvm(List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true"));
        // The child must take the same math path as this JVM (Vector API on or off), or its bits differ.
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
