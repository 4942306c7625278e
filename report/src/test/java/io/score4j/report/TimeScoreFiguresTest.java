package io.score4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.data.Dataset;
import io.score4j.data.MixtureData;
import io.score4j.data.Standardizer;
import io.score4j.data.ToySet;
import io.score4j.density.GaussianMixture;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.noise.Sde;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.train.ScoreModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A time-conditioned (dsm) model's score figures: at stated moderate times, not at t = ε. */
class TimeScoreFiguresTest {
    @TempDir
    Path dir;

    /** A 2-D VP-SDE model with random weights, as train --objective dsm records it (embedding 16, scale 30). */
    static ScoreModel dsmModel(double[] mean, double[] std) {
        MlpSpec spec = new MlpSpec(new int[] {2 + 16, 32, 2}, Activation.SILU);
        return new ScoreModel(spec, MlpInit.init(spec, Init.SCALED, Key.of(5), DType.F32), new Standardizer(mean, std),
                new String[] {"x", "y"}, null, Map.of("objective", "dsm", "sde", "vp", "beta_min", "0.1", "beta_max", "20",
                "embedding", "sinusoidal", "embedding_dim", "16", "embedding_scale", "30"));
    }

    @Test
    void shownTimesReachTheStatedNoiseLevels() {
        ScoreModel m = dsmModel(new double[2], new double[] {1, 1});
        ReportInputs in = new ReportInputs(Path.of("m"), m, Dataset.of(2, new double[] {0, 0, 1, 1}), "t", null);
        double[] t = in.shownTimes();
        assertEquals(3, t.length);
        Sde sde = m.sde().orElseThrow();
        for (int k = 0; k < 3; k++) {
            // t is rounded to 3 significant digits: σ(t) within 1% of its target
            assertEquals(ReportInputs.SHOWN_NOISE[k], sde.marginalStd(t[k]), 0.01 * ReportInputs.SHOWN_NOISE[k]);
        }
    }

    /**
     * The diffused truth is the mixture pushed through z_t = m(t)z + σ(t)ε in standardised units: checked against
     * a Monte Carlo of that map (200 000 draws): the means within 4 standard errors, and the variances.
     */
    @Test
    void truthAtTIsTheMixtureDiffusedInStandardisedUnits() {
        GaussianMixture mix = ToySet.RING8.mixture().orElseThrow();
        double[] mean = {0.3, -0.2};
        double[] std = {2.0, 0.5};
        ScoreModel m = dsmModel(mean, std);
        ReportInputs in = new ReportInputs(Path.of("m"), m, MixtureData.sample(mix, 100, Key.of(1)), "t", mix);
        double t = 0.2;
        GaussianMixture diffused = in.truthAt(t);
        Sde sde = m.sde().orElseThrow();
        int n = 200_000;
        double[] x = MixtureData.sample(mix, n, Key.of(2)).values();
        double[] eps = io.score4j.random.Draw.normalDouble(Key.of(3), 2 * n);
        double[] sum = new double[2];
        double[] squares = new double[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                double z = (x[2 * i + j] - mean[j]) / std[j];
                double v = mean[j] + std[j] * (sde.meanCoefficient(t) * z + sde.marginalStd(t) * eps[2 * i + j]);
                sum[j] += v;
                squares[j] += v * v;
            }
        }
        double[] exact = new double[2];
        double[] second = new double[2];
        for (int k = 0; k < diffused.weights().length; k++) {
            for (int j = 0; j < 2; j++) {
                double mu = diffused.means()[k][j];
                double s = diffused.stds()[k][j];
                exact[j] += diffused.weights()[k] * mu;
                second[j] += diffused.weights()[k] * (s * s + mu * mu);
            }
        }
        for (int j = 0; j < 2; j++) {
            double mc = sum[j] / n;
            double var = squares[j] / n - mc * mc;
            assertEquals(exact[j], mc, 4 * Math.sqrt(var / n), "mean of column " + j);
            // the variance's relative standard error is √((κ − 1)/n) ≈ 0.3% for these light-tailed marginals (κ < 3)
            double exactVar = second[j] - exact[j] * exact[j];
            assertEquals(exactVar, var, 0.012 * exactVar, "variance of column " + j);
        }
    }

    @Test
    void a2dDsmReportDrawsTheScoreAtThreeStatedTimesWithReadableArrows() throws Exception {
        ScoreModel m = dsmModel(new double[2], new double[] {1, 1});
        Report r = Report.builder(m).reference(ToySet.RING8, 500, 0)
                .samples(MixtureData.sample(ToySet.RING8.mixture().orElseThrow(), 500, Key.of(4)), "exact")
                .logpRows(0).build();
        r.writeTo(dir.resolve("out"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        List<String> names = new ArrayList<>();
        json.path("figures").forEach(f -> names.add(f.path("name").asText()));
        assertEquals(List.of("density", "scatter", "score_t_0", "score_t_1", "score_t_2"), names);
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("at t = ") && html.contains("σ(t) = 0.1"), "times and noise stated");
        Pattern factor = Pattern.compile("arrow = vector × ([0-9.]+)");
        for (int k = 0; k < 3; k++) {
            Matcher f = factor.matcher(Files.readString(dir.resolve("out/score_t_" + k + ".svg")));
            assertTrue(f.find(), "arrow scale stated");
            // at σ(t) ≥ 0.1 the ring's score is at most ~1/σ(t)² = 100 per unit: the factor stays above 1e-3
            assertTrue(Double.parseDouble(f.group(1)) > 1e-3, "arrows scaled " + f.group(1));
        }
        assertArrayEquals(new double[0], new ReportInputs(Path.of("m"), ReportApiTest.model(),
                Dataset.of(2, new double[] {0, 0, 1, 1}), "t", null).shownTimes(), "a plain model has no times");
    }
}
