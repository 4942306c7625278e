package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample --given} and {@code impute} on a time-conditioned (dsm) model: the reverse-SDE samplers condition
 * by the replacement method (no longer ignoring --given), given cells come back exactly, and the ode sampler
 * refuses --given in one line.
 */
class DsmConditionalCommandTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path model;

    /** A small dsm model of columns a, b with correlation 0.8 (a = 10 + 2u, b = 0.8u + 0.6w). */
    @BeforeAll
    static void trainOnce() throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder s = new StringBuilder("a,b\n");
        for (int i = 0; i < 2000; i++) {
            double u = rng.nextGaussian();
            s.append(10 + 2 * u).append(',').append(0.8 * u + 0.6 * rng.nextGaussian()).append('\n');
        }
        Path data = Files.writeString(shared.resolve("ab.csv"), s);
        model = shared.resolve("dsm.safetensors");
        CliTestSupport.Run r = run("train", "--csv", data.toString(), "--objective", "dsm", "--hidden", "32,32",
                "--activation", "silu", "--epochs", "40", "--batch", "500", "--seed", "2", "-q", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static double[] column(Path csv, int j) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[j])).toArray();
    }

    /**
     * a = 12 (one standard unit): b's exact conditional mean is 0.8; the replacement method lands short of it
     * (README), but b's mean must move from the marginal 0 by more than 10 SE under pc (the default) and em; a
     * comes back as exactly 12.
     */
    @Test
    void reverseSdeSamplersConditionADsmModel() throws IOException {
        for (String sampler : new String[] {"pc", "em"}) {
            Path out = dir.resolve(sampler + ".csv");
            List<String> args = new java.util.ArrayList<>(List.of("sample", "--model", model.toString(), "--given", "a=12",
                    "--n", "1000", "--steps", "200", "-q", "--out", out.toString()));
            if (sampler.equals("em")) {
                args.addAll(List.of("--sampler", "em"));
            }
            CliTestSupport.Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            for (double a : column(out, 0)) {
                assertEquals(12.0, a, 0.0);
            }
            double[] b = column(out, 1);
            double mean = java.util.Arrays.stream(b).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(b).map(v -> (v - mean) * (v - mean)).sum() / (b.length - 1));
            assertTrue(mean > 10 * sd / Math.sqrt(b.length), sampler + ": b | a = 12 has mean " + mean);
        }
    }

    /** impute on a dsm model defaults to pc; observed cells are copied; same bytes on 1 and 2 threads. */
    @Test
    void imputeFillsGapsWithADsmModel() throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"), "a,b\n12,\n,0.5\n9,-1\n,\n");
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        CliTestSupport.Run r1 = run("impute", "--model", model.toString(), "--csv", rows.toString(), "--steps", "50",
                "--threads", "1", "--out", one.toString());
        assertEquals(0, r1.code(), r1.err());
        assertTrue(r1.out().contains("3 of 4 rows (pc)"), r1.out());
        CliTestSupport.Run r2 = run("impute", "--model", model.toString(), "--csv", rows.toString(), "--steps", "50",
                "--threads", "2", "-q", "--out", two.toString());
        assertEquals(0, r2.code(), r2.err());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        double[] a = column(one, 0);
        double[] b = column(one, 1);
        assertEquals(12.0, a[0], 0.0);
        assertEquals(0.5, b[1], 0.0);
        assertEquals(9.0, a[2], 0.0);
        assertEquals(-1.0, b[2], 0.0);
        for (int i = 0; i < 4; i++) {
            assertTrue(Double.isFinite(a[i]) && Double.isFinite(b[i]));
        }
    }

    @Test
    void odeRefusesGivenInOneLine() throws IOException {
        Path out = dir.resolve("never.csv");
        CliTestSupport.Run r = run("sample", "--model", model.toString(), "--given", "a=12", "--sampler", "ode", "--n", "5",
                "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("error: --given: --sampler ode does not sample conditionals (its mean-path flow is more biased than "
                + "pc, README); use --sampler pc or em (the replacement method, approximate; README)", r.err().strip());
        Path rows = Files.writeString(dir.resolve("r.csv"), "a,b\n12,\n");
        CliTestSupport.Run i = run("impute", "--model", model.toString(), "--csv", rows.toString(), "--sampler", "ode",
                "--out", out.toString());
        assertEquals(2, i.code());
        assertTrue(i.err().startsWith("error: --sampler ode does not sample conditionals"), i.err());
        assertFalse(Files.exists(out));
    }
}
