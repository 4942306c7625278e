package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile sizes and files, each run by the real entry point in a child JVM with a 1 GiB heap
 * ({@code -Xmx1g}; 64 MiB for the tall CSV) and a time limit: each must end within {@value #LIMIT_S} s with exit code 2, one
 * {@code error:} line on stderr saying what is wrong (no stack trace, no out-of-memory) and nothing
 * written. The inputs are made in a temporary folder (the 200 MB one streamed to disk) and deleted after.
 */
class HostileInputTest {
    private static final int LIMIT_S = 20;
    private static final String HEAP = "more than the Java heap limit of";
    private static Path dir;
    private static Path mix;
    private static Path model;

    @BeforeAll
    static void inputs() throws IOException {
        dir = Files.createTempDirectory("score4j-hostile");
        mix = Files.writeString(dir.resolve("mix.json"), "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}");
        model = dir.resolve("tiny.safetensors");
        CliTestSupport.Run r = CliTestSupport.run("train", "--objective", "exact", "--mixture", mix.toString(), "--n", "512", "--hidden", "8",
                "--epochs", "1", "--batch", "256", "-q", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        Files.writeString(dir.resolve("nul.csv"), "a,b\n1,2\n3,4\0\n5,6\n");
        Files.writeString(dir.resolve("far.csv"), "a,b\n1e300,1\n-1e300,2\n3e299,3\n");
        Files.writeString(dir.resolve("far.json"), "{\"weights\":[.5,.5],\"means\":[[-1e300],[1e300]],\"stds\":[[1],[1]]}");
        writeWideLine(dir.resolve("wide.csv"));
        writeManyComponents(dir.resolve("million.json"), 1_000_000);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** A 200 MB line of 10⁸ cells ("1,1,…,1") after a one-column header, streamed to disk. */
    private static void writeWideLine(Path file) throws IOException {
        String block = "1,".repeat(1 << 16);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("a\n");
            for (int i = 0; i < 100_000_000 / (1 << 16); i++) {
                w.write(block);
            }
            w.write("1\n");
        }
    }

    /** A valid mixture of {@code k} equal components in one dimension. */
    private static void writeManyComponents(Path file, int k) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("{\"weights\":[");
            for (int c = 0; c < k; c++) {
                w.write(c == 0 ? "1e-6" : ",1e-6");
            }
            w.write("],\"means\":[");
            for (int c = 0; c < k; c++) {
                w.write((c == 0 ? "[" : ",[") + (c % 100) + "]");
            }
            w.write("],\"stds\":[");
            for (int c = 0; c < k; c++) {
                w.write(c == 0 ? "[1]" : ",[1]");
            }
            w.write("]}");
        }
    }

    /** One hostile command: its arguments ({@code MIX}, {@code MODEL} and {@code DIR/} are replaced) and a fragment of its error. */
    private record Case(String name, String expected, String... args) {}

    private static List<Case> cases() {
        String train = "train --mixture MIX --n 2000 --batch 256 -q --out DIR/out.safetensors";
        return List.of(
                new Case("sample --n 2000000000", HEAP, "sample", "--mixture", "MIX", "--n", "2000000000", "--out", "DIR/out.csv"),
                new Case("sample --n 3e8", "particles (300000000", "sample", "--mixture", "MIX", "--n", "3e8", "--out", "DIR/out.csv"),
                new Case("sample --model --n 3e8", "particles (300000000", "sample", "--model", "MODEL", "--n", "3e8", "-q",
                        "--out", "DIR/out.csv"),
                new Case("sample annealed --levels 1000000000", "noise ladder (--levels 1000000000)", "sample", "--mixture",
                        "MIX", "--n", "10", "--sampler", "annealed", "--sigma-max", "2", "--levels", "1000000000", "--out",
                        "DIR/out.csv"),
                new Case("train --mixture --n 2000000000", "training data (2000000000 rows", "train", "--objective", "exact", "--mixture", "MIX", "--n",
                        "2000000000",
                        "--out", "DIR/out.safetensors"),
                new Case("train --toy --n 2000000000", "training data (2000000000 rows", "train", "--objective", "exact", "--toy", "ring8", "--n", "2000000000",
                        "--out", "DIR/out.safetensors"),
                new Case("train --hidden 100000000", HEAP, (train + " --hidden 100000000 --objective exact").split(" ")),
                new Case("train --hidden 1e8", HEAP, (train + " --hidden 1e8 --objective exact").split(" ")),
                new Case("train --hidden 100000,100000", "network parameters (10000400001",
                        (train + " --hidden 100000,100000 --objective exact").split(" ")),
                new Case("train --epochs 2147483647", "loss history", (train + " --hidden 8 --epochs 2147483647 --objective exact").split(" ")),
                new Case("train --levels 1000000000", "noise ladder (--levels 1000000000)",
                        (train + " --hidden 8 --objective ncsn --levels 1000000000").split(" ")),
                new Case("train --projections 100000000", "100000001 network passes",
                        (train + " --hidden 8 --objective sliced --projections 100000000").split(" ")),
                new Case("train --hidden ,", "--hidden needs at least one width", (train + " --hidden , --objective exact").split(" ")),
                new Case("sample --n 3e9", "'3e9' is out of range", "sample", "--mixture", "MIX", "--n", "3e9", "--out",
                        "DIR/out.csv"),
                new Case("report --toy --n 2000000000", "training data (2000000000 rows", "report", "--model", "MODEL",
                        "--toy", "ring8", "--n", "2000000000", "-q", "--out", "DIR/report"),
                new Case("report --n-samples 2000000000", "particles (2000000000", "report", "--model", "MODEL",
                        "--mixture", "MIX", "--n", "100", "--n-samples", "2000000000", "-q", "--out", "DIR/report"),
                new Case("demo --epochs 2147483647", "loss history", "demo", "--epochs", "2147483647", "-q", "--out",
                        "DIR/demo"),
                new Case("train --csv 200 MB line", "row 2: expected 1 cells as in the header, found more", "train", "--objective", "exact",
                        "--csv", "DIR/wide.csv", "-q", "--out", "DIR/out.safetensors"),
                new Case("score --csv 200 MB line", "wide.csv: row 2", "score", "--model", "MODEL", "--csv", "DIR/wide.csv",
                        "--columns", "x0=a",
                        "--out", "DIR/out.csv"),
                new Case("train --csv NUL", "nul.csv: row 3, column 'b': NUL character", "train", "--objective", "exact", "--csv", "DIR/nul.csv",
                        "-q", "--out", "DIR/out.safetensors"),
                new Case("train --csv /dev/zero", "/dev/zero: row 1, column 1: NUL character", "train", "--objective", "exact", "--csv", "/dev/zero",
                        "-q", "--out", "DIR/out.safetensors"),
                new Case("train --mixture /dev/zero", "/dev/zero: malformed JSON", "train", "--objective", "exact", "--mixture", "/dev/zero", "-q",
                        "--out", "DIR/out.safetensors"),
                new Case("sample --mixture /dev/zero", "/dev/zero: malformed JSON", "sample", "--mixture", "/dev/zero",
                        "--n", "10", "--out", "DIR/out.csv"),
                new Case("train --mixture 10^6 components", "at most 100000 components", "train", "--objective", "exact", "--mixture",
                        "DIR/million.json", "-q", "--out", "DIR/out.safetensors"),
                new Case("train --csv 1e300 unstandardised", "column 'a' is 1.0E300, beyond the float range", "train", "--objective", "exact", "--csv",
                        "DIR/far.csv", "--types", "none", "--no-standardize", "--batch", "2", "-q", "--out", "DIR/out.safetensors"),
                new Case("train --mixture means 1e300", "beyond the float range", (train.replace("MIX", "DIR/far.json")
                        + " --hidden 8 --objective exact").split(" ")),
                new Case("sample --mixture means 1e300", "beyond the float range", "sample", "--mixture", "DIR/far.json",
                        "--n", "10", "--out", "DIR/out.csv"));
    }

    /**
     * What must still work: values near 1e300 train when standardised (as plain numbers: column b's whole numbers
     * would make far.csv a typed table by default); a mixture file may start with a BOM.
     */
    @Test
    void extremeButValidInputsAreAccepted() throws IOException {
        Path out = dir.resolve("far.safetensors");
        CliTestSupport.Run r = CliTestSupport.run("train", "--objective", "exact", "--csv", dir.resolve("far.csv").toString(), "--types", "none",
                "--batch", "2",
                "--epochs", "2", "--hidden", "8", "-q", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path scores = dir.resolve("far-scores.csv");
        r = CliTestSupport.run("score", "--model", out.toString(), "--csv", dir.resolve("far.csv").toString(), "--out",
                scores.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(4, Files.readAllLines(scores).size());
        Path bom = dir.resolve("bom.json");
        Files.write(bom, ("\uFEFF" + Files.readString(mix)).getBytes(StandardCharsets.UTF_8));
        Path samples = dir.resolve("bom-samples.csv");
        r = CliTestSupport.run("sample", "--mixture", bom.toString(), "--n", "10", "-q", "--out", samples.toString());
        assertEquals(0, r.code(), r.err());
        for (Path f : List.of(out, scores, bom, samples)) {
            Files.delete(f);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFailsFastWithOneErrorLine() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, "-Xmx1g")));
    }

    /** The CSV reader checks the heap before each growth of its values: 10⁷ rows do not fit in 64 MiB. */
    @Test
    void aCsvLargerThanTheHeapIsRefusedWhileReading() throws Exception {
        Path tall = dir.resolve("tall.csv");
        try (BufferedWriter w = Files.newBufferedWriter(tall, StandardCharsets.US_ASCII)) {
            w.write("a\n");
            String block = "1\n".repeat(1 << 16);
            for (int i = 0; i < 10_000_000 / (1 << 16) + 1; i++) {
                w.write(block);
            }
        }
        try {
            check(new Case("train --csv 10^7 rows in 64 MiB", "the values read from " + tall + " up to row", "train", "--objective", "exact",
                    "--csv", tall.toString(), "-q", "--out", "DIR/out.safetensors"), "-Xmx64m");
        } finally {
            Files.delete(tall);
        }
    }

    private static void check(Case c, String heap) throws Exception {
        Set<Path> before = listing();
        List<String> args = Arrays.stream(c.args()).map(a -> a.replace("MIX", mix.toString())
                .replace("MODEL", model.toString()).replace("DIR/", dir + "/")).collect(Collectors.toList());
        Path err = Files.createTempFile("score4j-hostile-err", ".txt");
        try {
            Process p = startJvm(heap, args, err);
            if (!p.waitFor(LIMIT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(c.name() + ": still running after " + LIMIT_S + " s");
            }
            List<String> lines = Files.readAllLines(err).stream()
                    .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
            assertEquals(2, p.exitValue(), c.name() + ": exit code; stderr " + lines);
            assertEquals(1, lines.size(), c.name() + ": one line on stderr, got " + lines);
            String line = lines.get(0);
            assertTrue(line.startsWith("error: "), c.name() + ": " + line);
            assertTrue(line.contains(c.expected()), c.name() + ": '" + line + "' lacks '" + c.expected() + "'");
            assertFalse(line.contains("Exception") || line.contains("out of memory"), c.name() + ": " + line);
            assertEquals(before, listing(), c.name() + ": files were written");
        } finally {
            Files.delete(err);
        }
    }

    private static Set<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }

    /** The CLI in a child JVM with this heap flag, the launcher's collector and this JVM's Vector API setting. */
    private static Process startJvm(String heap, List<String> args, Path err) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "-Djava.awt.headless=true"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }
}
