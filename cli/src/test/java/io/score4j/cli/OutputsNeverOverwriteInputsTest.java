package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.score4j.InputException;
import io.score4j.io.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * No command destroys its input: an output that is the same file as an input (by name, through a
 * symbolic link or a hard link), two outputs that are one file, and an existing output that is not a
 * regular file are refused before any work, with one error naming the flag and the path.
 */
class OutputsNeverOverwriteInputsTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path model;
    static byte[] modelBytes;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path mix = Files.writeString(shared.resolve("mix.json"), "{\"weights\":[1],\"means\":[[0]],\"stds\":[[1]]}");
        model = shared.resolve("m.safetensors");
        CliTestSupport.Run r = run("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "256", "--hidden", "4", "--epochs", "1", "--batch", "128",
                "-q", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        modelBytes = Files.readAllBytes(model);
    }

    private Path csv(String name) throws IOException {
        StringBuilder s = new StringBuilder("x0\n");
        for (int i = 0; i < 64; i++) {
            s.append(i / 16.0 - 2).append('\n');
        }
        return Files.writeString(dir.resolve(name), s);
    }

    /** Exit 2, one error line naming each of {@code mention}, and {@code input} byte for byte as before. */
    private static void assertRefused(Path input, String[] args, String... mention) throws IOException {
        byte[] before = Files.readAllBytes(input);
        CliTestSupport.Run r = run(args);
        assertEquals(2, r.code(), () -> String.join(" ", args) + " → " + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: ") && err.lines().count() == 1, err);
        for (String m : mention) {
            assertTrue(err.contains(m), "'" + m + "' missing from: " + err);
        }
        assertArrayEquals(before, Files.readAllBytes(input), "input changed: " + input);
    }

    /** Settings under which train would run at once on the 64-row files here (so without the check it would write). */
    private static final String[] FAST = {"--batch", "32", "--epochs", "1", "--hidden", "4"};

    private static String[] a(Object... parts) {
        return java.util.Arrays.stream(parts).flatMap(p -> p instanceof String[] many ? java.util.Arrays.stream(many)
                : java.util.stream.Stream.of(String.valueOf(p))).toArray(String[]::new);
    }

    @Test
    void trainRefusesToWriteOverItsData() throws IOException {
        Path d = csv("d.csv");
        assertRefused(d, a("train", "--objective", "exact", FAST, "--csv", d, "--out", d, "-q"), "--out " + d, "--csv " + d);
        assertRefused(d, a("train", "--objective", "exact", FAST, "--csv", d, "--checkpoint", d, "--out", dir.resolve("m"), "-q"), "--checkpoint " + d);
        assertRefused(d, a("train", "--objective", "exact", FAST, "--csv", d, "--log-json", d, "--out", dir.resolve("m"), "-q"), "--log-json " + d);
        Path ck = dir.resolve("m.ckpt");
        Files.copy(d, ck);
        assertRefused(ck, a("train", "--objective", "exact", FAST, "--csv", ck, "--checkpoint-every", "1", "--out", dir.resolve("m"), "-q"),
                "--checkpoint " + ck, "--csv " + ck);
        Path m2 = dir.resolve("m2");
        assertRefused(d, a("train", "--objective", "exact", FAST, "--csv", d, "--checkpoint", m2, "--out", m2, "-q"), "same file");
        assertFalse(Files.exists(dir.resolve("m")));
        assertFalse(Files.exists(m2));
    }

    @Test
    void linksToTheInputCount() throws IOException {
        Path d = csv("d.csv");
        Path sym = Files.createSymbolicLink(dir.resolve("sym.csv"), d);
        Path hard = Files.createLink(dir.resolve("hard.csv"), d);
        assertRefused(d, a("train", "--objective", "exact", FAST, "--csv", d, "--out", sym, "-q"), "--out " + sym);
        assertRefused(d, a("train", "--objective", "exact", FAST, "--csv", d, "--out", hard, "-q"), "--out " + hard);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertRefused(d, a("score", "--model", model, "--csv", d, "--out", sub.resolve("../d.csv")), "--out");
    }

    @Test
    void sampleScoreEvalAndBenchRefuseTheirInputs() throws IOException {
        Path p = csv("p.csv");
        assertRefused(model, a("sample", "--model", model, "--n", "3", "--out", model, "-q"), "--out " + model,
                "--model " + model);
        assertRefused(p, a("score", "--model", model, "--csv", p, "--out", p), "--out " + p, "--csv " + p);
        assertRefused(model, a("score", "--model", model, "--csv", p, "--out", model), "--out " + model);
        Path ref = csv("ref.csv");
        assertRefused(ref, a("eval", "--samples", p, "--reference", ref, "--json", ref), "--json " + ref, "--reference");
    }

    @Test
    void reportAndDemoNeverReplaceAnInputInTheirFolder() throws IOException {
        Path out = Files.createDirectory(dir.resolve("rep"));
        Path samples = csv("rep/samples.csv");
        Path data = csv("data.csv");
        assertRefused(samples, a("report", "--model", model, "--csv", data, "--samples", samples, "--out", out, "-q"),
                "--out " + out, "samples.csv", "--samples " + samples);
        assertRefused(samples, a("report", "--model", model, "--csv", samples, "--out", out, "-q"), "--csv " + samples);
        Path notFolder = csv("file.csv");
        assertRefused(notFolder, a("report", "--model", model, "--csv", data, "--out", notFolder, "-q"),
                "--out " + notFolder, "not a folder");
        assertRefused(notFolder, a("demo", "--out", notFolder, "-q"), "--out " + notFolder, "not a folder");
        CliTestSupport.Run ok = run("report", "--model", model.toString(), "--csv", data.toString(), "--samples",
                data.toString(), "--out", out.toString(), "-q");
        assertEquals(0, ok.code(), ok.err());
    }

    /**
     * A named pipe and links to it stand in for {@code /dev/stdout} and {@code /dev/null}: the check
     * is the same (exists, not a regular file), and were it ever lost the rename would replace only
     * an entry in the test's folder, never a device of the machine running the tests.
     */
    @Test
    void devicesPipesAndFoldersAreNotOutputs() throws IOException, InterruptedException {
        Path p = csv("p.csv");
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
        Path stdoutLike = Files.createSymbolicLink(dir.resolve("stdout"), fifo);
        for (Path device : new Path[] {fifo, stdoutLike}) {
            assertRefused(p, a("score", "--model", model, "--csv", p, "--out", device), "--out " + device,
                    "not a regular file");
            assertRefused(p, a("sample", "--model", model, "--n", "3", "--out", device, "-q"), "--out " + device);
            assertRefused(p, a("train", "--objective", "exact", FAST, "--csv", p, "--log-json", device, "--out", dir.resolve("m"), "-q"),
                    "--log-json " + device);
            assertRefused(p, a("bench", "--json", device), "--json " + device);
            assertRefused(p, a("eval", "--samples", p, "--reference", p, "--json", device), "--json " + device);
            assertFalse(Files.isRegularFile(device), "the pipe is still a pipe");
        }
        assertRefused(p, a("sample", "--model", model, "--n", "3", "--out", dir, "-q"), "--out " + dir, "directory");
        Path devNullLink = Files.createSymbolicLink(dir.resolve("null.csv"), Path.of("/dev/null"));
        if (Files.exists(devNullLink) && !Files.isRegularFile(devNullLink)) {
            assertRefused(p, a("score", "--model", model, "--csv", p, "--out", devNullLink), "--out " + devNullLink);
        }
        Files.delete(devNullLink); // so the temp-dir clean-up has no link out of it to warn about
    }

    @Test
    void checkpointsUpdatedInPlaceOnResumeAreAllowed() {
        RunFiles inPlace = RunFiles.none().withInput("--resume", dir.resolve("c.ckpt"))
                .withOutput("--checkpoint", dir.resolve("c.ckpt"), "--resume");
        assertDoesNotThrow(inPlace::check);
        RunFiles overwrite = RunFiles.none().withInput("--resume", dir.resolve("c.ckpt"))
                .withOutput("--out", dir.resolve("c.ckpt"));
        assertThrows(InputException.class, overwrite::check);
    }

    /** The check lives in Main, so it holds only for commands that declare their files: all of them. */
    @Test
    void everyCommandDeclaresItsFiles() {
        List<String> undeclared = new ArrayList<>();
        CommandLine cl = new CommandLine(new Main());
        cl.getSubcommands().forEach((name, sub) -> {
            Object command = sub.getCommandSpec().userObject();
            if (!(command instanceof DeclaresFiles) && !(command instanceof CommandLine.HelpCommand)) {
                undeclared.add(name);
            }
        });
        assertEquals(List.of(), undeclared);
    }
}
