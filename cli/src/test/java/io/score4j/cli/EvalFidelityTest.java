package io.score4j.cli;

import static io.score4j.cli.EvalTestData.csv;
import static io.score4j.cli.EvalTestData.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval}'s fidelity and privacy part: held-out rows beside the samples, several sample files side by
 * side, copies counted, C2ST optional, and {@code --holdout} refused without reference rows.
 */
class EvalFidelityTest {
    private static final String[] AB = {"a", "b"};

    @TempDir
    Path dir;

    @Test
    void holdoutAndTwoSampleFilesSideBySide() throws IOException {
        Path ref = csv(dir, "ref.csv", AB, gaussian(1, 400, 2, new double[] {0, 0}));
        Path hold = csv(dir, "hold.csv", AB, gaussian(2, 300, 2, new double[] {0, 0}));
        Path good = csv(dir, "good.csv", AB, gaussian(3, 400, 2, new double[] {0, 0}));
        Path copy = csv(dir, "copy.csv", AB, gaussian(1, 400, 2, new double[] {0, 0}));
        Path json = dir.resolve("e.json");
        CliTestSupport.Run run = CliTestSupport.run("eval", "--samples", good.toString(), "--samples", copy.toString(),
                "--reference", ref.toString(), "--holdout", hold.toString(), "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode all = EvalTestData.readJson(json);
        assertEquals(2, all.get("comparisons").size());
        JsonNode g = all.at("/comparisons/0/fidelity");
        JsonNode c = all.at("/comparisons/1/fidelity");
        assertEquals(good.toString(), all.at("/comparisons/0/samples/file").asText());
        assertEquals(hold.toString(), g.get("holdout_file").asText());
        assertEquals(0, g.at("/dcr/samples/exact_copies").asInt());
        assertEquals(400, c.at("/dcr/samples/exact_copies").asInt(), "the reference itself: every row a copy");
        assertEquals(0.0, c.at("/dcr/samples/median").asDouble(), 0.0);
        assertEquals(300, g.at("/dcr/holdout/rows").asInt());
        assertTrue(g.at("/dcr/holdout/median").asDouble() > 0);
        double se = g.at("/c2st/null_standard_error").asDouble();
        assertEquals(0.5 / Math.sqrt(800), se, 1e-12);
        assertEquals(0.5, g.at("/c2st/accuracy").asDouble(), 3 * se, "same law");
        assertEquals(0.5, g.at("/c2st_holdout/accuracy").asDouble(), 3 * 0.5 / Math.sqrt(600), "held-out rows");
        assertEquals("standard units", g.at("/units/dcr_median_samples").asText());
        assertFalse(g.at("/meanings/c2st_accuracy").asText().isBlank());
        for (String word : new String[] {"== samples " + good, "== samples " + copy, "== side by side ==",
            "C2ST accuracy", "DCR median (held-out)", "exact copies (samples)", "standard units", "KS"}) {
            assertTrue(run.out().contains(word), "table lacks '" + word + "':\n" + run.out());
        }
    }

    @Test
    void discreteColumnsGetTotalVariationAndC2stCanBeSkipped() throws IOException {
        double[] r = gaussian(4, 300, 2, new double[] {0, 0});
        double[] s = gaussian(5, 300, 2, new double[] {0, 0});
        for (int i = 0; i < 300; i++) {
            r[2 * i + 1] = r[2 * i + 1] > 0 ? 1 : 0;
            s[2 * i + 1] = s[2 * i + 1] > 0 ? 0.9 : 0.1;   // off the data's values
        }
        Path ref = csv(dir, "ref.csv", AB, r);
        Path smp = csv(dir, "smp.csv", AB, s);
        Path json = dir.resolve("e.json");
        CliTestSupport.Run run = CliTestSupport.run("eval", "--samples", smp.toString(), "--reference", ref.toString(),
                "--no-c2st", "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode f = EvalTestData.readJson(json).get("fidelity");
        assertTrue(f.get("c2st").isNull());
        assertEquals("continuous", f.at("/columns/0/kind").asText());
        assertEquals("ks", f.at("/columns/0/test").asText());
        assertEquals("discrete", f.at("/columns/1/kind").asText());
        assertEquals(1.0, f.at("/columns/1/statistic").asDouble(), 0.0, "disjoint values: TV 1");
        assertEquals(1.0, f.at("/columns/1/off_grid").asDouble(), 0.0);
        assertFalse(f.at("/columns/1/passes").asBoolean());
        assertFalse(run.out().contains("C2ST"), run.out());
    }

    @Test
    void holdoutNeedsReferenceRows() throws IOException {
        Path x = csv(dir, "x.csv", new String[] {"x"}, gaussian(6, 50, 1, new double[] {0}));
        Path json = dir.resolve("e.json");
        CliTestSupport.Run run = CliTestSupport.run("eval", "--samples", x.toString(), "--mixture",
                EvalTestData.symmetric1d(dir).toString(), "--holdout", x.toString(), "--json", json.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: --holdout"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(json));
    }
}
