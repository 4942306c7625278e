package io.score4j.cli;

import static io.score4j.cli.EvalTestData.csv;
import static io.score4j.cli.EvalTestData.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} and {@code report} run the same comparison suite: on one reference CSV and one
 * samples CSV with one seed they report the same MMD², bandwidth, subsample size, energy distance and
 * sliced W₁, bit for bit in their JSON and digit for digit in what they print. Both sides have more
 * rows than the MMD/energy subsample (2000), so the subsampling keys are exercised too.
 */
class EvalReportAgreementTest {
    private static final String[] XY = {"x", "y"};
    private static final List<String> SHARED = List.of("mmd2", "mmd_bandwidth", "mmd_subsample", "energy_distance",
            "sliced_wasserstein");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;

    @BeforeAll
    static void trainOnce() {
        model = ReportCommandTest.tinyRing8(shared.resolve("ring8.safetensors"));
    }

    @Test
    void evalAndReportPrintTheSameMetricsForTheSameInputs() throws IOException {
        Path ref = csv(dir, "ref.csv", XY, gaussian(1, 2500, 2, new double[] {0, 0}));
        Path smp = csv(dir, "smp.csv", XY, gaussian(2, 2100, 2, new double[] {0.3, 0}));
        for (String seed : List.of("0", "7")) {
            Path json = dir.resolve("eval" + seed + ".json");
            CliTestSupport.Run eval = CliTestSupport.run("eval", "--samples", smp.toString(), "--reference", ref.toString(),
                    "--seed", seed, "--json", json.toString());
            assertEquals(0, eval.code(), eval.err());
            Path out = dir.resolve("report" + seed);
            CliTestSupport.Run report = CliTestSupport.run("report", "--model", model.toString(), "--csv", ref.toString(),
                    "--samples", smp.toString(), "--seed", seed, "--out", out.toString());
            assertEquals(0, report.code(), report.err());
            JsonNode e = EvalTestData.readJson(json);
            JsonNode r = ReportCommandTest.json(out).get("metrics");
            for (String key : SHARED) {
                assertTrue(e.get(key).isNumber(), key);
                assertEquals(e.get(key).asDouble(), r.get(key).asDouble(), 0.0, "seed " + seed + ": " + key);
            }
            assertEquals(2000, r.get("mmd_subsample").asInt());
            String summary = String.format(Locale.ROOT, "mmd2 %.4g  energy %.4g  sliced_w1 %.4g", e.get("mmd2").asDouble(),
                    e.get("energy_distance").asDouble(), e.get("sliced_wasserstein").asDouble());
            assertTrue(report.out().startsWith(summary), "report prints eval's numbers: " + summary + " vs " + report.out());
            for (String key : List.of("mmd2", "energy_distance", "sliced_wasserstein")) {
                String printed = String.format(Locale.ROOT, "%.5g", e.get(key).asDouble());
                assertTrue(eval.out().contains(printed), "eval's table shows " + key + " " + printed + ":\n" + eval.out());
            }
        }
        JsonNode zero = EvalTestData.readJson(dir.resolve("eval0.json"));
        JsonNode seven = EvalTestData.readJson(dir.resolve("eval7.json"));
        assertNotEquals(zero.get("sliced_wasserstein"), seven.get("sliced_wasserstein"), "the seed reaches the suite");
    }
}
