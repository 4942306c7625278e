package io.score4j.cli;

import static io.score4j.cli.ReportCommandTest.assertCompleteReport;
import static io.score4j.cli.ReportCommandTest.assertDocumentedKeys;
import static io.score4j.cli.ReportCommandTest.figureNames;
import static io.score4j.cli.ReportCommandTest.json;
import static io.score4j.cli.ReportCommandTest.ok;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.score4j.data.Csv;
import io.score4j.data.MixtureData;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score4j report} for D = 1 (histogram and score curve; metrics checked against exact and
 * deliberately wrong samples) and D = 3 (per-column histograms and a pair plot; no mixture, so no
 * score metrics).
 */
class ReportDimensionsTest {
    private static final String MIX = "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}";
    private static final int SAMPLES = 2000;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path mixture;
    private static Path model1d;

    @BeforeAll
    static void trainOnce() throws Exception {
        mixture = Files.writeString(shared.resolve("mix.json"), MIX);
        model1d = shared.resolve("m1.safetensors");
        ok("train", "--objective", "exact", "--mixture", mixture.toString(), "--n", "1024", "--hidden", "16", "--epochs", "2", "--batch", "256",
                "-q", "--out", model1d.toString());
    }

    private JsonNode report1d(Path samples, String name) throws Exception {
        Path out = dir.resolve(name);
        ok("report", "--model", model1d.toString(), "--mixture", mixture.toString(), "--n", "1024", "--samples",
                samples.toString(), "--out", out.toString(), "-q");
        assertCompleteReport(out);
        return json(out);
    }

    /**
     * Exact draws from the mixture score like the data do; draws from one component only miss half the
     * mass. Bounds: the mass nearest each mean has standard error √(¼/n) ≈ 0.011 for n = 2000, so exact
     * samples stay under 4 SE = 0.045 of total variation; unbiased MMD² under equality has standard
     * deviation at most √(8/(m(m−1))) ≈ 0.0028 for the m = 1024 data rows, so they stay under 5 of those.
     */
    @Test
    void oneDimensionalMetricsSeparateExactFromOneModeSamples() throws Exception {
        GaussianMixture mix = GaussianMixture.fromJson(MIX, "mix");
        double[] exact = MixtureData.sample(mix, SAMPLES, Key.of(99)).values();
        Path good = dir.resolve("good.csv");
        Csv.write(good, new String[] {"x0"}, exact, 1); // the model's column, as `sample` names it
        double[] right = Draw.normalDouble(Key.of(98), SAMPLES);
        for (int i = 0; i < right.length; i++) {
            right[i] += 2;
        }
        Path bad = dir.resolve("bad.csv");
        Csv.write(bad, new String[] {"x0"}, right, 1);
        JsonNode g = report1d(good, "good");
        JsonNode b = report1d(bad, "bad");
        assertDocumentedKeys(g);
        assertEquals(List.of("histogram", "score"), figureNames(g));
        assertTrue(g.at("/samples/sampler").isNull());
        assertEquals("file:good.csv", g.at("/samples/source").asText());
        ReportCommandTest.assertModeMasses(g.get("mode_mass"), 2);
        double bound = 5 * Math.sqrt(8.0 / (1024.0 * 1023.0));
        assertTrue(Math.abs(g.at("/metrics/mmd2").asDouble()) < bound, "exact mmd2 " + g.at("/metrics/mmd2"));
        assertTrue(b.at("/metrics/mmd2").asDouble() > 10 * bound, "one-mode mmd2 " + b.at("/metrics/mmd2"));
        assertTrue(g.at("/metrics/mode_mass_tv").asDouble() < 0.045, "exact tv " + g.at("/metrics/mode_mass_tv"));
        assertEquals(0.5, b.at("/metrics/mode_mass_tv").asDouble(), 0.045);
        assertTrue(b.at("/metrics/sliced_wasserstein").asDouble() > 5 * g.at("/metrics/sliced_wasserstein").asDouble());
        assertEquals(g.at("/metrics/fisher_divergence").asDouble(), b.at("/metrics/fisher_divergence").asDouble(),
                "the Fisher divergence is the model's, not the samples'");
    }

    @Test
    void oneDimensionalNoiseConditionalModelDrawsAnnealedAndComparesEachSigma() throws Exception {
        Path model = ReportCommandTest.noiseConditional(dir.resolve("n1.safetensors"), 1, 2.0, 0.1, 4);
        Path out = dir.resolve("ncsn");
        // The model is an untrained random net whose score does not confine particles: over the shared default
        // of 1000 steps per level its chain overflows, so the draw is kept to 100 (now also SamplerDefaults.ANNEALED_STEPS).
        ok("report", "--model", model.toString(), "--mixture", mixture.toString(), "--n", "400", "--steps", "100",
                "--out", out.toString(), "-q");
        assertCompleteReport(out);
        JsonNode r = json(out);
        assertDocumentedKeys(r);
        assertEquals(List.of("histogram", "score_sigma_0", "score_sigma_1", "score_sigma_3"), figureNames(r));
        assertEquals("annealed", r.at("/samples/sampler/kind").asText());
        assertEquals(400, r.at("/samples/sampler/particles").asInt());
        assertEquals(3, r.get("fisher_by_sigma").size());
        assertEquals(3, r.get("fisher_by_sigma").get(2).get("level").asInt());
        assertTrue(Files.exists(out.resolve("samples.csv")));
    }

    @Test
    void threeDimensionalCsvGetsColumnHistogramsAndAPairPlotWithoutScoreMetrics() throws Exception {
        double[] v = Draw.normalDouble(Key.of(5), 3 * 600);
        for (int i = 0; i < v.length; i += 3) {
            v[i + 1] = 10 + 3 * v[i + 1];
        }
        Path csv = dir.resolve("d3.csv");
        Csv.write(csv, new String[] {"a", "b", "c"}, v, 3);
        Path model = dir.resolve("m3.safetensors");
        ok("train", "--objective", "exact", "--csv", csv.toString(), "--hidden", "8", "--epochs", "1", "--batch", "200", "-q", "--out",
                model.toString());
        Path out = dir.resolve("r3");
        ok("report", "--model", model.toString(), "--csv", csv.toString(), "--steps", "50", "--out", out.toString(), "-q");
        assertCompleteReport(out);
        JsonNode r = json(out);
        assertDocumentedKeys(r);
        assertEquals(List.of("hist_0", "hist_1", "hist_2", "pairs"), figureNames(r));
        java.awt.image.BufferedImage pairs = javax.imageio.ImageIO.read(out.resolve("pairs.png").toFile());
        assertTrue(pairs.getWidth() > 2 * pairs.getHeight(), "three pair panels (a-b, a-c, b-c) in one row");
        assertTrue(r.at("/metrics/fisher_divergence").isNull());
        assertTrue(r.at("/metrics/mode_mass_tv").isNull());
        assertTrue(r.get("mode_mass").isNull());
        assertFalse(r.at("/data/mixture_known").asBoolean());
        assertEquals(50, r.at("/samples/sampler/steps").asInt());
        assertEquals(600, r.at("/samples/n").asInt() + r.at("/samples/non_finite").asInt());
        assertEquals(3.0, r.at("/model/data_std/1").asDouble(), 0.3, "the model is standardised (--csv)");
    }
}
