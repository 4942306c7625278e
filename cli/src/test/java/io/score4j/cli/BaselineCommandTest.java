package io.score4j.cli;

import static io.score4j.cli.EvalTestData.csv;
import static io.score4j.cli.EvalTestData.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.score4j.baseline.CopulaJson;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j baseline}: rows from a fitted copula, byte-identical per seed, judged by eval. */
class BaselineCommandTest {
    private static final String[] HEADER = {"x", "y", "flag"};

    @TempDir
    Path dir;

    @Test
    void fitsSavesAndDrawsTheSameBytesWhateverTheThreads() throws IOException {
        Path data = table(dir.resolve("data.csv"), 1, 600);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path saved = dir.resolve("copula.json");
        ok(CliTestSupport.run("baseline", "--csv", data.toString(), "--out", a.toString(), "--save", saved.toString(),
                "--seed", "3", "--threads", "1", "-q"));
        ok(CliTestSupport.run("baseline", "--copula", saved.toString(), "--out", b.toString(), "--seed", "3",
                "--threads", "4", "-q"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same seed, same bytes");
        Dataset rows = Csv.read(a);
        assertEquals(600, rows.n(), "as many rows as the data by default");
        assertArrayEquals(HEADER, rows.columns());
        for (double v : rows.column(2)) {
            assertTrue(v == 0 || v == 1, "the binary column keeps its values: " + v);
        }
        assertEquals(CopulaJson.read(saved).rows(), 600);
        Path other = dir.resolve("c.csv");
        ok(CliTestSupport.run("baseline", "--csv", data.toString(), "--out", other.toString(), "--seed", "4", "--n", "50",
                "-q"));
        assertEquals(50, Csv.read(other).n());
    }

    /**
     * The copula's rows against the real table (a Gaussian pair and an independent flag, so a Gaussian copula is
     * the true model), beside held-out rows: no copies, and the classifier does not tell the rows from the real
     * ones (accuracy below ½ + 3 null standard errors; it may be lower, as interpolated rows sit close to the
     * training rows).
     */
    @Test
    void evalJudgesTheBaselineAgainstHeldOutRows() throws IOException {
        Path train = table(dir.resolve("train.csv"), 5, 800);
        Path hold = table(dir.resolve("hold.csv"), 6, 400);
        Path rows = dir.resolve("rows.csv");
        ok(CliTestSupport.run("baseline", "--csv", train.toString(), "--out", rows.toString(), "-q"));
        Path json = dir.resolve("e.json");
        ok(CliTestSupport.run("eval", "--samples", rows.toString(), "--reference", train.toString(), "--holdout",
                hold.toString(), "--json", json.toString()));
        JsonNode f = EvalTestData.readJson(json).get("fidelity");
        assertEquals(0, f.at("/dcr/samples/exact_copies").asInt());
        double se = f.at("/c2st/null_standard_error").asDouble();
        assertTrue(f.at("/c2st/accuracy").asDouble() < 0.5 + 3 * se, "copula of a Gaussian copula: " + f.get("c2st"));
    }

    @Test
    void userErrorsNameTheFlag() throws IOException {
        Path data = table(dir.resolve("data.csv"), 1, 20);
        Path out = dir.resolve("o.csv");
        CliTestSupport.Run r = CliTestSupport.run("baseline", "--csv", data.toString(), "--out", out.toString(), "--n",
                "0");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --n"), r.err());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{}");
        r = CliTestSupport.run("baseline", "--copula", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --copula " + bad), r.err());
        assertFalse(Files.exists(out));
        byte[] before = Files.readAllBytes(data);
        r = CliTestSupport.run("baseline", "--csv", data.toString(), "--out", data.toString());
        assertEquals(2, r.code(), "the rows would overwrite the data");
        assertTrue(r.err().startsWith("error: "), r.err());
        assertArrayEquals(before, Files.readAllBytes(data));
    }

    private static void ok(CliTestSupport.Run r) {
        assertEquals(0, r.code(), r.err());
    }

    /** n rows: two correlated normals and an independent binary flag (P(1) = ½), written to {@code file}. */
    private static Path table(Path file, long seed, int n) {
        double[] g = gaussian(seed, n, 2, new double[] {5, -1});
        double[] u = gaussian(seed + 100, n, 1, new double[] {0});
        double[] v = new double[3 * n];
        for (int i = 0; i < n; i++) {
            v[3 * i] = g[2 * i];
            v[3 * i + 1] = 0.5 * (g[2 * i] - 5) + g[2 * i + 1];
            v[3 * i + 2] = u[i] > 0 ? 1 : 0;
        }
        return csv(file.getParent(), file.getFileName().toString(), HEADER, v);
    }
}
