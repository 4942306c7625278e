package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.data.Csv;
import io.score4j.train.ScoreModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short demo run (the seed's settings but 3 epochs and 20 Langevin steps) writes every promised file:
 * report.html with the four figures, model.safetensors, samples.csv, exact_samples.csv, metrics.json
 * with the documented keys, all finite. The full-length quality bounds are measured by `bin/score4j demo`
 * (docs/BENCHMARKS.md), not here: 4500 steps do not belong in a unit test.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void shortDemoWritesEveryOutput() throws Exception {
        Path out = dir.resolve("demo");
        CliTestSupport.Run r = run("demo", "--epochs", "3", "--langevin-steps", "20", "-q", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        for (String key : new String[] {"fisher_divergence", "score_grid_mse", "fraction_positive", "ks_vs_true",
                "wasserstein1_vs_true", "sample_mean", "sample_std", "final_loss", "train_seconds", "sample_seconds",
                "exact_fraction_positive", "loss_floor"}) {
            assertTrue(m.has(key), key);
            assertTrue(Double.isFinite(m.get(key).asDouble()), key + " = " + m.get(key));
        }
        // The floor E_p[−½ s*(x)²] by quadrature in the demo, against an independent Monte Carlo estimate.
        var mix = io.score4j.density.GaussianMixture.fromJson(io.score4j.demo.FoundingDemo.MIXTURE, "seed");
        double[] x = io.score4j.data.MixtureData.sample(mix, 200_000, io.score4j.random.Key.of(99)).values();
        double[] s = mix.scores(x);
        double sum = 0;
        double sumSq = 0;
        for (double v : s) {
            double f = -0.5 * v * v;
            sum += f;
            sumSq += f * f;
        }
        double mean = sum / s.length;
        double se = Math.sqrt((sumSq / s.length - mean * mean) / s.length);
        assertEquals(mean, m.get("loss_floor").asDouble(), 4 * se, "E[-s*²/2] of the seed mixture");
        String html = Files.readString(out.resolve("report.html"));
        for (String fig : new String[] {"data", "loss", "score", "samples"}) {
            assertTrue(html.contains(fig + ".png") && html.contains(fig + ".svg"), fig);
            assertNotNull(ImageIO.read(out.resolve(fig + ".png").toFile()), fig);
        }
        assertTrue(html.contains("Adam") && html.contains("2048"), "settings table");
        assertEquals(10000, Csv.read(out.resolve("samples.csv")).n());
        assertEquals(10000, Csv.read(out.resolve("exact_samples.csv")).n());
        ScoreModel model = ScoreModel.load(out.resolve("model.safetensors"));
        assertArrayEquals(new int[] {1, 1024, 1}, model.spec().sizes());
        assertEquals("normal", model.settings().get("init"));
    }
}
