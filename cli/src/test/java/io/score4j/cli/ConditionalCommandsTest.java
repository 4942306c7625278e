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
 * {@code sample --given} and {@code impute} end to end: the exact-score conditional of a two-component 2-D
 * mixture against its closed form, given columns written back exactly, gaps filled with observed cells copied,
 * and the errors of bad input.
 */
class ConditionalCommandsTest {
    private static final String MIX = "{\"weights\":[0.6,0.4],\"means\":[[-1.5,-0.5],[1.0,1.2]],"
            + "\"stds\":[[0.6,0.7],[0.8,1.0]]}";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path model;

    /** A small model of correlated columns a, b (and a text column id the model never sees). */
    @BeforeAll
    static void trainOnce() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder s = new StringBuilder("a,b\n");
        for (int i = 0; i < 400; i++) {
            double a = rng.nextGaussian();
            s.append(10 + 2 * a).append(',').append(0.8 * a + 0.6 * rng.nextGaussian()).append('\n');
        }
        Path data = Files.writeString(shared.resolve("ab.csv"), s);
        model = shared.resolve("m.safetensors");
        CliTestSupport.Run r = run("train", "--objective", "exact", "--csv", data.toString(), "--hidden", "16", "--epochs", "5", "--batch", "100",
                "-q", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static List<String[]> cells(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    /**
     * The closed form (see core's GivenTest): x₁ | x₀ = 0.2 is Σ π_k N(μ_k1, σ_k1²) with π_k ∝ w_k N(0.2; μ_k0,
     * σ_k0²): mean 1.10444, variance 1.12457 (the marginal mean of x₁ is 0.18). MALA, 4000 chains of 2000 steps
     * at α = 0.1: mean and variance within 3 SE; every x₀ cell reads back as exactly 0.2.
     */
    @Test
    void sampleGivenDrawsTheMixturesClosedFormConditional() throws IOException {
        Path mix = Files.writeString(dir.resolve("mix.json"), MIX);
        Path out = dir.resolve("s.csv");
        CliTestSupport.Run r = run("sample", "--mixture", mix.toString(), "--given", "x0=0.2", "--sampler", "mala",
                "--step-size", "0.1", "--steps", "2000", "--n", "4000", "-q", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String[]> rows = cells(out);
        assertEquals(4000, rows.size());
        double sum = 0;
        double[] b = new double[rows.size()];
        for (int i = 0; i < b.length; i++) {
            assertEquals(0.2, Double.parseDouble(rows.get(i)[0]), 0.0);
            b[i] = Double.parseDouble(rows.get(i)[1]);
            sum += b[i];
        }
        double mean = sum / b.length;
        double m2 = 0;
        double m4 = 0;
        for (double v : b) {
            m2 += (v - mean) * (v - mean);
            m4 += Math.pow(v - mean, 4);
        }
        m2 /= b.length;
        m4 /= b.length;
        double seMean = Math.sqrt(m2 / b.length);
        double seVar = Math.sqrt((m4 - m2 * m2) / b.length);
        assertEquals(1.1044369304601, mean, 3 * seMean, "conditional mean, SE " + seMean);
        assertEquals(1.1244569706127, m2, 3 * seVar, "conditional variance, SE " + seVar);
    }

    /**
     * A model's given column comes back as the very double given (the same bits when read back; the text is
     * {@code Double.toString}'s, which on Java 17 may spell a 17-digit value differently), whatever the
     * standardisation did to it.
     */
    @Test
    void givenColumnsOfAModelComeBackExactly() throws IOException {
        Path out = dir.resolve("g.csv");
        CliTestSupport.Run r = run("sample", "--model", model.toString(), "--given", "a=11.123456789012345", "--n", "50",
                "--steps", "20", "-q", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String[] row : cells(out)) {
            assertEquals(Double.doubleToRawLongBits(11.123456789012345), Double.doubleToRawLongBits(Double.parseDouble(row[0])));
            assertTrue(Double.isFinite(Double.parseDouble(row[1])));
        }
    }

    @Test
    void unknownGivenColumnIsOneErrorListingTheKnownOnes() throws IOException {
        Path out = dir.resolve("never.csv");
        CliTestSupport.Run r = run("sample", "--model", model.toString(), "--given", "a=1,c=2", "--n", "5", "--out",
                out.toString());
        assertEquals(2, r.code());
        assertEquals("error: --given names no column 'c'; the columns are a, b", r.err().strip());
        assertFalse(Files.exists(out));
        CliTestSupport.Run all = run("sample", "--model", model.toString(), "--given", "a=1,b=2", "--n", "5", "--out",
                out.toString());
        assertEquals(2, all.code());
        assertTrue(all.err().startsWith("error: --given gives every column"), all.err());
        Path mix = Files.writeString(dir.resolve("mix1.json"), MIX);
        CliTestSupport.Run big = run("sample", "--mixture", mix.toString(), "--given", "x1=1e300", "--n", "5", "--out",
                out.toString());
        assertEquals(2, big.code());
        assertEquals("error: given value 1.0E300 of column 'x1' is beyond the float range the chains compute in",
                big.err().strip());
    }

    /**
     * Gaps (empty, NA) are filled, observed cells come back as the same doubles, a complete row is unchanged, an
     * all-empty row gets a plain sample (said in the summary); the same bytes on 1 and 2 threads.
     */
    @Test
    void imputeFillsGapsRowByRow() throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"),
                "id,b,a\nr1,,9.5\nr2,,\nr3,0.25,10.75\nr4,-0.5,NA\n");
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        CliTestSupport.Run r1 = run("impute", "--model", model.toString(), "--csv", rows.toString(), "--threads", "1",
                "--out", one.toString());
        assertEquals(0, r1.code(), r1.err());
        assertTrue(r1.out().contains("4 cells filled in 3 of 4 rows"), r1.out());
        assertTrue(r1.out().contains("1 row had every cell empty and got a plain sample"), r1.out());
        assertTrue(r1.err().contains("ignoring column id"), r1.err());
        CliTestSupport.Run r2 = run("impute", "--model", model.toString(), "--csv", rows.toString(), "--threads", "2",
                "-q", "--out", two.toString());
        assertEquals(0, r2.code(), r2.err());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<String> lines = Files.readAllLines(one);
        assertEquals("a,b", lines.get(0));
        List<String[]> c = cells(one);
        assertEquals(4, c.size());
        assertEquals(9.5, Double.parseDouble(c.get(0)[0]), 0.0);
        assertEquals(10.75, Double.parseDouble(c.get(2)[0]), 0.0);
        assertEquals(0.25, Double.parseDouble(c.get(2)[1]), 0.0);
        assertEquals(-0.5, Double.parseDouble(c.get(3)[1]), 0.0);
        for (String[] row : c) {
            assertTrue(Double.isFinite(Double.parseDouble(row[0])) && Double.isFinite(Double.parseDouble(row[1])));
        }
    }

    @Test
    void imputeRefusesBadInputWithOneLine() throws IOException {
        Path inf = Files.writeString(dir.resolve("inf.csv"), "a,b\n1,\ninf,2\n");
        Path out = dir.resolve("never.csv");
        CliTestSupport.Run r = run("impute", "--model", model.toString(), "--csv", inf.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("error: --csv " + inf + ": data row 2, column 'a': infinite value; leave a cell empty (or NA) to "
                + "have it filled", r.err().strip());
        Path text = Files.writeString(dir.resolve("text.csv"), "a,b\n1,x\n");
        CliTestSupport.Run t = run("impute", "--model", model.toString(), "--csv", text.toString(), "--out", out.toString());
        assertEquals(2, t.code());
        assertTrue(t.err().startsWith("error: --csv " + text) && t.err().contains("not a number"), t.err());
        Path noB = Files.writeString(dir.resolve("nob.csv"), "a\n1\n");
        CliTestSupport.Run m = run("impute", "--model", model.toString(), "--csv", noB.toString(), "--out", out.toString());
        assertEquals(2, m.code());
        assertTrue(m.err().contains("has no column b"), m.err());
        assertFalse(Files.exists(out));
        CliTestSupport.Run same = run("impute", "--model", model.toString(), "--csv", inf.toString(), "--out", inf.toString());
        assertEquals(2, same.code());
        assertTrue(same.err().startsWith("error: --out"), same.err());
        assertEquals("a,b\n1,\ninf,2\n", Files.readString(inf));
    }
}
