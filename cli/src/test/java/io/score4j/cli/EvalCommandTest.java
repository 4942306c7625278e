package io.score4j.cli;

import static io.score4j.cli.EvalTestData.csv;
import static io.score4j.cli.EvalTestData.eval;
import static io.score4j.cli.EvalTestData.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.score4j.data.MixtureData;
import io.score4j.density.GaussianMixture;
import io.score4j.density.Normal;
import io.score4j.metrics.KolmogorovSmirnov;
import io.score4j.random.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j eval} against a reference CSV and against a mixture, with statistically justified bounds. */
class EvalCommandTest {
    private static final int N = 1000;
    private static final String[] AB = {"a", "b"};
    /** Significance of the "same distribution" checks: a false alarm has probability about 0.1 % per check. */
    private static final double ALPHA = 0.001;
    /** Under equal distributions and equal sizes, sd(MMD²_u) ≤ √(8/(n(n−1))) (kernel in [0, 1]; see Mmd). */
    private static final double MMD_NULL_SD = Math.sqrt(8.0 / ((double) N * (N - 1)));

    @TempDir
    Path dir;

    @Test
    void sameDistributionIsCloseAndAShiftedOneIsFar() throws IOException {
        Path ref = csv(dir, "ref.csv", AB, gaussian(1, N, 2, new double[] {0, 0}));
        Path same = csv(dir, "same.csv", AB, gaussian(2, N, 2, new double[] {0, 0}));
        Path shifted = csv(dir, "shifted.csv", AB, gaussian(2, N, 2, new double[] {1, 0}));
        JsonNode s = eval(dir.resolve("s.json"), "--samples", same.toString(), "--reference", ref.toString());
        JsonNode f = eval(dir.resolve("f.json"), "--samples", shifted.toString(), "--reference", ref.toString());
        double critical = KolmogorovSmirnov.criticalTwoSample(N, N, ALPHA);
        for (int j = 0; j < 2; j++) {
            assertTrue(s.at("/columns/" + j + "/ks").asDouble() < critical, "same-distribution KS of column " + j);
        }
        // Shifting column a by one std moves KS to 2Φ(½) − 1 ≈ 0.383; each empirical CDF is within
        // critical(N, α) of its own CDF (DKW), so the statistic is within twice that of 0.383.
        double population = 2 * Normal.cdf(0.5) - 1;
        assertEquals(population, f.at("/columns/0/ks").asDouble(), 2 * KolmogorovSmirnov.critical(N, ALPHA));
        assertTrue(f.at("/columns/1/ks").asDouble() < critical, "the unshifted column b stays close");
        // MMD²_u scatters around 0 with sd ≤ MMD_NULL_SD for equal laws; for the unit shift with the median
        // bandwidth h ≈ 1.7 its population value is 2(h²/(h²+2))(1 − e^{−1/(2(h²+2))}) ≈ 0.1 ≈ 35·MMD_NULL_SD.
        assertTrue(Math.abs(s.get("mmd2").asDouble()) < 5 * MMD_NULL_SD, "same-distribution MMD²");
        assertTrue(f.get("mmd2").asDouble() > 10 * MMD_NULL_SD, "shifted MMD²");
        // Energy distance and sliced W₁ only have O(1/√n)-sized values for equal laws and O(shift) ones here.
        assertTrue(f.get("energy_distance").asDouble() > 5 * s.get("energy_distance").asDouble());
        assertTrue(f.get("sliced_wasserstein").asDouble() > 5 * s.get("sliced_wasserstein").asDouble());
        assertEquals(1.0, f.at("/columns/0/samples_mean").asDouble() - s.at("/columns/0/samples_mean").asDouble(), 1e-9,
                "the shift shows in the mean");
    }

    @Test
    void mixtureModeMassesMatchTheWeights() throws IOException {
        Path mixFile = EvalTestData.twoModes(dir);
        GaussianMixture mix = GaussianMixture.fromJson(Files.readString(mixFile), "mix");
        int n = 2000;
        Path samples = csv(dir, "m.csv", new String[] {"u", "v"}, MixtureData.sampleIid(mix, n, Key.of(7)).values());
        JsonNode r = eval(dir.resolve("m.json"), "--samples", samples.toString(), "--mixture", mixFile.toString());
        double[] w = {0.3, 0.7};
        for (int c = 0; c < 2; c++) {
            JsonNode mode = r.at("/modes/" + c);
            double se = Math.sqrt(w[c] * (1 - w[c]) / n);
            assertEquals(se, mode.get("standard_error").asDouble(), 1e-12);
            assertEquals(w[c], mode.get("weight").asDouble(), 0.0);
            // Binomial error only: a point lands nearer the other mean with probability Φ(−4) ≈ 3e-5.
            assertEquals(w[c], mode.get("mass").asDouble(), 4 * se, "mode " + c);
        }
        for (int j = 0; j < 2; j++) {
            assertTrue(r.at("/columns/" + j + "/ks").asDouble() < KolmogorovSmirnov.critical(n, ALPHA),
                    "one-sample KS against the exact marginal, column " + j);
        }
        assertEquals(0.3 * -4 + 0.7 * 4, r.at("/columns/0/reference_mean").asDouble(), 1e-12);
        assertEquals(Math.sqrt(17 - 1.6 * 1.6), r.at("/columns/0/reference_std").asDouble(), 1e-12);
        // Exact: Cov = 0.7·4·1 − 1.6·0.7 = 1.68, Var = 14.44 and 1.21.
        double rho = 1.68 / Math.sqrt(14.44 * 1.21);
        assertEquals(rho, r.at("/correlation/reference/0/1").asDouble(), 1e-12);
        // A sample Pearson r has standard error about (1 − ρ²)/√n ≈ 0.019 here; 0.1 is five of them.
        assertEquals(rho, r.at("/correlation/samples/0/1").asDouble(), 0.1);
        assertEquals("mixture", r.at("/reference/kind").asText());
        assertEquals(io.score4j.comparison.ComparisonSettings.DEFAULT_MIXTURE_DRAWS, r.at("/reference/rows").asInt());
    }

    @Test
    void oneDimensionalMixtureReportsW1AndFractionPositive() throws IOException {
        Path mixFile = EvalTestData.symmetric1d(dir);
        GaussianMixture mix = GaussianMixture.fromJson(Files.readString(mixFile), "mix");
        int n = 1000;
        Path samples = csv(dir, "x.csv", new String[] {"x"}, MixtureData.sampleIid(mix, n, Key.of(3)).values());
        JsonNode r = eval(dir.resolve("x.json"), "--samples", samples.toString(), "--mixture", mixFile.toString());
        assertEquals(0.5, r.at("/fraction_positive/reference").asDouble(), 1e-12);
        assertEquals(0.5, r.at("/fraction_positive/samples").asDouble(), 4 * Math.sqrt(0.25 / n));
        // W₁ of n exact draws to their law is O(1/√n) times the spread (std √5 here).
        double w1 = r.get("wasserstein1").asDouble();
        assertTrue(w1 > 0 && w1 < 4 * Math.sqrt(5.0 / n), "W1 = " + w1);
        assertFalse(r.has("correlation"), "no correlation in 1-D");
    }

    @Test
    void jsonHasTheDocumentedKeysAndTheTableTheColumns() throws IOException {
        Path ref = csv(dir, "ref.csv", AB, gaussian(1, 200, 2, new double[] {0, 0}));
        Path smp = csv(dir, "smp.csv", AB, gaussian(2, 150, 2, new double[] {0, 0}));
        Path json = dir.resolve("e.json");
        CliTestSupport.Run run = CliTestSupport.run("eval", "--samples", smp.toString(), "--reference", ref.toString(),
                "--json", json.toString(), "--projections", "16");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        JsonNode r = EvalTestData.readJson(json);
        assertEquals(List.of("samples", "reference", "seed", "ks_alpha", "columns", "mmd2", "mmd_bandwidth",
                "mmd_subsample", "energy_distance", "sliced_wasserstein", "projections", "units", "correlation",
                "fidelity"), keys(r));
        assertEquals(List.of("holdout_file", "seed", "alpha", "columns", "columns_passing", "c2st", "c2st_holdout", "dcr",
                "units", "meanings"), keys(r.get("fidelity")));
        assertEquals(2000, r.get("mmd_subsample").asInt());
        assertEquals("none", r.at("/units/mmd2").asText());
        assertEquals("data units", r.at("/units/energy_distance").asText());
        assertEquals("data units", r.at("/units/sliced_wasserstein").asText());
        assertEquals(List.of("file", "rows", "finite_rows", "non_finite_rows"), keys(r.get("samples")));
        assertEquals(List.of("kind", "file", "rows"), keys(r.get("reference")));
        assertEquals(List.of("name", "samples_mean", "samples_std", "reference_mean", "reference_std", "ks",
                "ks_critical"), keys(r.at("/columns/0")));
        assertEquals(List.of("samples", "reference", "frobenius", "max_abs"), keys(r.get("correlation")));
        assertEquals(150, r.at("/samples/rows").asInt());
        assertEquals(200, r.at("/reference/rows").asInt());
        assertEquals(16, r.get("projections").asInt());
        assertEquals(KolmogorovSmirnov.criticalTwoSample(150, 200, 0.05), r.at("/columns/1/ks_critical").asDouble(), 1e-15);
        String table = run.out();
        for (String word : new String[] {"a ", "b ", "KS", "MMD²", "≤ 2000 rows per side", "energy distance", "sliced W1",
            "a ~ b", "units", "data units"}) {
            assertTrue(table.contains(word), "table lacks '" + word + "':\n" + table);
        }
        Path mixFile = EvalTestData.symmetric1d(dir);
        Path x = csv(dir, "x.csv", new String[] {"x"}, gaussian(4, 50, 1, new double[] {0}));
        JsonNode m = eval(dir.resolve("m.json"), "--samples", x.toString(), "--mixture", mixFile.toString());
        assertEquals(List.of("samples", "reference", "seed", "ks_alpha", "columns", "mmd2", "mmd_bandwidth",
                "mmd_subsample", "energy_distance", "sliced_wasserstein", "projections", "units", "modes", "wasserstein1",
                "fraction_positive"),
                keys(m));
        assertEquals(List.of("component", "weight", "mass", "standard_error"), keys(m.at("/modes/0")));
    }

    @Test
    void columnsAreMatchedByNameAndCanBeChosen() throws IOException {
        double[] ab = gaussian(1, 300, 2, new double[] {0, 5});
        Path ref = csv(dir, "ref.csv", AB, ab);
        double[] ba = new double[ab.length];
        for (int i = 0; i < ab.length; i += 2) {
            ba[i] = ab[i + 1];
            ba[i + 1] = ab[i];
        }
        Path swapped = csv(dir, "swapped.csv", new String[] {"b", "a"}, ba);
        JsonNode r = eval(dir.resolve("r.json"), "--samples", swapped.toString(), "--reference", ref.toString());
        assertEquals("a", r.at("/columns/0/name").asText());
        assertEquals(0.0, r.at("/columns/0/ks").asDouble(), 0.0, "identical columns once matched by name");
        assertEquals(0.0, r.at("/columns/1/ks").asDouble(), 0.0);
        Path withId = Files.writeString(dir.resolve("id.csv"), "id,b\nx1,4.5\nx2,5.5\nx3,5.0\n");
        JsonNode sub = eval(dir.resolve("sub.json"), "--samples", swapped.toString(), "--reference", withId.toString(),
                "--columns", "b");
        assertEquals(1, sub.get("columns").size());
        assertEquals("b", sub.at("/columns/0/name").asText());
        assertEquals(5.0, sub.at("/columns/0/reference_mean").asDouble(), 1e-12);
        assertTrue(sub.has("wasserstein1"), "a one-column selection is 1-D");
    }

    @Test
    void nonFiniteSampleRowsAreCountedReportedAndLeftOut() throws IOException {
        Path ref = csv(dir, "ref.csv", AB, gaussian(1, 100, 2, new double[] {0, 0}));
        Path clean = csv(dir, "clean.csv", AB, gaussian(2, 100, 2, new double[] {0, 0}));
        List<String> lines = new ArrayList<>(Files.readAllLines(clean));
        lines.addAll(3, List.of("nan,1", "1,-Infinity", "1e999,0", ",2", "0.5,INF"));
        Path dirty = Files.write(dir.resolve("dirty.csv"), lines);
        Path json = dir.resolve("d.json");
        CliTestSupport.Run run = CliTestSupport.run("eval", "--samples", dirty.toString(), "--reference", ref.toString(),
                "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().startsWith("warning: 5 of 105 rows"), run.err());
        assertTrue(run.out().contains("WARNING: 5 of 105 rows"), run.out());
        JsonNode d = EvalTestData.readJson(json);
        assertEquals(105, d.at("/samples/rows").asInt());
        assertEquals(100, d.at("/samples/finite_rows").asInt());
        assertEquals(5, d.at("/samples/non_finite_rows").asInt());
        JsonNode c = eval(dir.resolve("c.json"), "--samples", clean.toString(), "--reference", ref.toString());
        for (String key : new String[] {"columns", "mmd2", "energy_distance", "sliced_wasserstein", "correlation"}) {
            assertEquals(c.get(key), d.get(key), "metrics over the finite rows equal those of the clean file: " + key);
        }
    }

    @Test
    void theSeedFixesTheResult() throws IOException {
        Path ref = csv(dir, "ref.csv", AB, gaussian(1, 700, 2, new double[] {0, 0}));
        Path smp = csv(dir, "smp.csv", AB, gaussian(2, 700, 2, new double[] {0, 0}));
        String[] args = {"--samples", smp.toString(), "--reference", ref.toString(), "--seed", "5"};
        JsonNode a = eval(dir.resolve("a.json"), args);
        JsonNode b = eval(dir.resolve("b.json"), args);
        assertEquals(a, b);
        JsonNode other = eval(dir.resolve("o.json"), "--samples", smp.toString(), "--reference", ref.toString(),
                "--seed", "6");
        assertNotEquals(a.get("sliced_wasserstein"), other.get("sliced_wasserstein"), "other projections");
        assertEquals(a.get("columns"), other.get("columns"), "KS and moments use every row, no randomness");
    }

    private static List<String> keys(JsonNode node) {
        List<String> k = new ArrayList<>();
        node.fieldNames().forEachRemaining(k::add);
        return k;
    }
}
