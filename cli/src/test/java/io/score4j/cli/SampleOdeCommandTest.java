package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.data.Csv;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.KolmogorovSmirnov;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j sample --sampler ode}: the probability-flow sampler from the command line. */
class SampleOdeCommandTest {
    private static final String SEED = "{\"weights\":[0.5,0.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}";

    @TempDir
    Path dir;

    @Test
    void odeSamplesFollowTheMixtureReportNfeAndIgnoreTheThreadCount() throws IOException {
        Path mix = dir.resolve("seed.json");
        Files.writeString(mix, SEED);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        CliTestSupport.Run r = run("sample", "--mixture", mix.toString(), "--n", "3000", "--sampler", "ode", "--out",
                a.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("NFE per sample: mean"), r.out());
        assertEquals(0, run("sample", "-q", "--mixture", mix.toString(), "--n", "3000", "--sampler", "ode", "--out",
                b.toString(), "--threads", "3").code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        double[] x = Csv.read(a).values();
        GaussianMixture g = GaussianMixture.fromJson(SEED, "seed");
        assertTrue(KolmogorovSmirnov.distance(x, g::cdf) < KolmogorovSmirnov.critical(x.length, 0.01));
        Path h = dir.resolve("h.csv");
        CliTestSupport.Run heun = run("sample", "--mixture", mix.toString(), "--n", "50", "--sampler", "ode", "--solver",
                "heun", "--steps", "20", "--sde", "ve", "--out", h.toString());
        assertEquals(0, heun.code(), heun.err());
        assertTrue(heun.out().contains("heun(steps=20)") && heun.out().contains("max 40"), heun.out());
    }

    @Test
    void odeFlagsAreCheckedWithOneErrorLine() throws IOException {
        Path mix = dir.resolve("seed.json");
        Files.writeString(mix, SEED);
        Path out = dir.resolve("never.csv");
        String[][] bad = {
            {"--solver", "heun"},
            {"--sampler", "ode", "--solver", "euler"},
            {"--sampler", "ode", "--solver", "heun", "--rtol", "1e-3"},
            {"--sampler", "ode", "--steps", "10"},
            {"--sampler", "ode", "--sde", "cld"},
            {"--sampler", "langevin", "--sde", "vp"},
        };
        for (String[] extra : bad) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sample", "--mixture", mix.toString(),
                    "--n", "10", "--out", out.toString()));
            args.addAll(java.util.List.of(extra));
            CliTestSupport.Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
            assertFalse(Files.exists(out));
        }
    }
}
