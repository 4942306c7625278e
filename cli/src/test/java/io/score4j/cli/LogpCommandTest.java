package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.data.Standardizer;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.train.ScoreModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j logp}: the mixture path end to end, its units, and its user errors. */
class LogpCommandTest {
    private static final String MIXTURE =
            "{\"weights\":[0.4,0.6],\"means\":[[-1.5,2],[1,3]],\"stds\":[[0.6,1],[0.8,0.5]]}";
    /** The same mixture with column x1 in units ten times smaller (values ×10). */
    private static final String MIXTURE_X10 =
            "{\"weights\":[0.4,0.6],\"means\":[[-1.5,20],[1,30]],\"stds\":[[0.6,10],[0.8,5]]}";
    private static final double[][] POINTS = {{-1.4, 2.2}, {0.9, 3.1}, {0.1, 2.5}, {-2.0, 0.8}, {1.7, 3.6}, {0.0, 0.0}};

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path csv(String name, String header, double scale1, boolean swap) throws IOException {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (double[] p : POINTS) {
            double a = p[0];
            double c = p[1] * scale1;
            b.append(swap ? c + "," + a : a + "," + c).append('\n');
        }
        return file(name, b.toString());
    }

    private static double[][] read(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out);
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            rows[i - 1] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                rows[i - 1][j] = Double.parseDouble(f[j]);
            }
        }
        return rows;
    }

    @Test
    void mixtureLogpMatchesItsClosedFormForEverySde() throws IOException {
        Path mix = file("mix.json", MIXTURE);
        Path pts = csv("pts.csv", "x0,x1", 1, false);
        for (String sde : new String[] {"vp", "subvp", "ve"}) {
            Path out = dir.resolve("logp-" + sde + ".csv");
            CliTestSupport.Run r = run("logp", "-q", "--mixture", mix.toString(), "--csv", pts.toString(), "--out",
                    out.toString(), "--sde", sde);
            assertEquals(0, r.code(), r.err());
            assertEquals("logp,logp_exact,nfe", Files.readAllLines(out).get(0));
            double[][] rows = read(out);
            assertEquals(POINTS.length, rows.length);
            for (double[] row : rows) {
                assertEquals(row[1], row[0], 2e-3, sde);
                assertTrue(row[2] >= 8, "nfe " + row[2]);
            }
        }
    }

    @Test
    void scalingAColumnBy10ShiftsLogpByMinusLn10AndColumnsAreFoundByName() throws IOException {
        Path out = dir.resolve("a.csv");
        Path out10 = dir.resolve("b.csv");
        Path swapped = dir.resolve("c.csv");
        assertEquals(0, run("logp", "-q", "--mixture", file("m.json", MIXTURE).toString(), "--csv",
                csv("p.csv", "x0,x1", 1, false).toString(), "--out", out.toString()).code());
        assertEquals(0, run("logp", "-q", "--mixture", file("m10.json", MIXTURE_X10).toString(), "--csv",
                csv("p10.csv", "x0,x1", 10, false).toString(), "--out", out10.toString()).code());
        assertEquals(0, run("logp", "-q", "--mixture", file("m2.json", MIXTURE).toString(), "--csv",
                csv("q.csv", "x1,x0", 1, true).toString(), "--out", swapped.toString()).code());
        double[][] a = read(out);
        double[][] b = read(out10);
        for (int i = 0; i < a.length; i++) {
            assertEquals(-Math.log(10), b[i][0] - a[i][0], 1e-4, "logp, row " + i);
            assertEquals(-Math.log(10), b[i][1] - a[i][1], 1e-9, "logp_exact, row " + i);
        }
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(swapped), "columns are matched by name");
    }

    @Test
    void hutchinsonDependsOnTheSeedAndLeavesTheClosedFormAlone() throws IOException {
        Path mix = file("mix.json", MIXTURE);
        Path pts = csv("pts.csv", "x0,x1", 1, false);
        Path exact = dir.resolve("exact.csv");
        Path s0 = dir.resolve("s0.csv");
        Path s1 = dir.resolve("s1.csv");
        assertEquals(0, run("logp", "-q", "--mixture", mix.toString(), "--csv", pts.toString(), "--out",
                exact.toString()).code());
        assertEquals(0, run("logp", "-q", "--mixture", mix.toString(), "--csv", pts.toString(), "--out", s0.toString(),
                "--trace", "hutchinson", "--probes", "4", "--probe", "gaussian", "--seed", "1").code());
        assertEquals(0, run("logp", "-q", "--mixture", mix.toString(), "--csv", pts.toString(), "--out", s1.toString(),
                "--trace", "hutchinson", "--probes", "4", "--probe", "gaussian", "--seed", "2").code());
        double[][] e = read(exact);
        double[][] a = read(s0);
        double[][] b = read(s1);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i][1], a[i][1], "logp_exact does not depend on the trace");
            assertTrue(a[i][0] != b[i][0] && a[i][0] != e[i][0], "another seed, other probes, another estimate; row " + i);
        }
    }

    @Test
    void userErrorsAreOneLineExitTwoAndWriteNothing() throws IOException {
        Path mix = file("mix.json", MIXTURE);
        Path pts = csv("pts.csv", "x0,x1", 1, false);
        Path out = dir.resolve("never.csv");
        String[][] bad = {
            {"--trace", "maybe"},
            {"--trace", "exact", "--probes", "3"},
            {"--trace", "hutchinson", "--probe", "uniform"},
            {"--sde", "cld"},
            {"--rtol", "0"},
            {"--atol", "-1"},
            {"--eps", "1"},
        };
        for (String[] extra : bad) {
            String[] args = concat(new String[] {"logp", "--mixture", mix.toString(), "--csv", pts.toString(), "--out",
                out.toString()}, extra);
            CliTestSupport.Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
            assertTrue(r.err().contains(extra[extra.length - 2]), "names the flag: " + r.err());
            assertFalse(Files.exists(out));
        }
        CliTestSupport.Run missing = run("logp", "--mixture", mix.toString(), "--csv",
                csv("ab.csv", "a,b", 1, false).toString(), "--out", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("x0"), missing.err());
        CliTestSupport.Run overInput = run("logp", "--mixture", mix.toString(), "--csv", pts.toString(), "--out",
                pts.toString());
        assertEquals(2, overInput.code(), overInput.err());
        assertTrue(Files.readString(pts).startsWith("x0,x1"), "the input is untouched");
        assertFalse(Files.exists(out));
    }

    @Test
    void aModelThatIsNotAScoreSdeModelIsRefused() throws IOException {
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.SILU, 8);
        Path model = dir.resolve("plain.safetensors");
        new ScoreModel(spec, MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F32), Standardizer.identity(2),
                new String[] {"x0", "x1"}, null, Map.of("objective", "denoising")).save(model);
        Path out = dir.resolve("never.csv");
        CliTestSupport.Run r = run("logp", "--model", model.toString(), "--csv", csv("pts.csv", "x0,x1", 1, false).toString(),
                "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("score SDE model") && r.err().contains("denoising"),
                r.err());
        assertFalse(Files.exists(out));
        CliTestSupport.Run sample = run("sample", "--model", model.toString(), "--n", "10", "--sampler", "ode", "--out",
                out.toString());
        assertEquals(2, sample.code(), sample.err());
        assertTrue(sample.err().startsWith("error: ") && sample.err().contains("--sampler ode needs a score SDE model"),
                sample.err());
        assertFalse(Files.exists(out));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
