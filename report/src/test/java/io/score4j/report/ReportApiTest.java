package io.score4j.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.data.Dataset;
import io.score4j.data.MixtureData;
import io.score4j.data.Standardizer;
import io.score4j.data.ToySet;
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
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report built from Java alone (no CLI), its files. */
public class ReportApiTest {
    public static final int N = 2000;

    @TempDir
    Path dir;

    /** A plain 2-D model with random weights: the report needs only a model, not a good one. */
    public static ScoreModel model() {
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 16);
        return new ScoreModel(spec, MlpInit.init(spec, Init.SCALED, Key.of(3), DType.F32),
                new Standardizer(new double[2], new double[] {1, 1}), new String[] {"x", "y"}, null,
                Map.of("objective", "exact"));
    }

    /** Exact draws from ring8's mixture, with a key of their own. */
    public static Dataset exactSamples() {
        return MixtureData.sample(ToySet.RING8.mixture().orElseThrow(), N, Key.of(41));
    }

    /**
     * Builds and writes a report on ring8 from Java: every figure report.json lists exists as PNG
     * and SVG, every metric key is there, and exact samples land near the mixture weights. Bound: each
     * mode's mass has standard error √(w(1 − w)/n) = √(0.125·0.875/2000) ≈ 0.0074; with all eight within
     * 4 SE the total variation ½Σ|m_k − w_k| stays under ½·8·4·0.0074 ≈ 0.12.
     */
    @Test
    void buildsAndWritesAReportFromJava() throws IOException {
        Report report = Report.builder(model()).reference(ToySet.RING8, N, 0).samples(exactSamples(), "exact")
                .seed(0).build();
        assertEquals(Report.METRIC_KEYS, java.util.List.copyOf(report.metrics().keySet()));
        assertEquals(N, report.metrics().get("n_data"));
        assertTrue(report.metrics().get("fisher_divergence") > 0, "a random net's score is wrong somewhere");
        assertTrue(report.metrics().get("mode_mass_tv") < 0.12, report.metrics().toString());
        assertTrue(report.fisherSummary().startsWith("fisher "), report.fisherSummary());
        Path out = dir.resolve("r");
        Path page = report.writeTo(out);
        assertEquals(out.resolve("report.html"), page);
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(Report.FORMAT, json.get("format").asText());
        assertEquals("toy:ring8 n=" + N, json.at("/data/source").asText());
        assertTrue(json.get("figures").size() >= 3);
        String html = Files.readString(page);
        for (JsonNode f : json.get("figures")) {
            for (String kind : new String[] {"png", "svg"}) {
                Path file = out.resolve(f.get(kind).asText());
                assertTrue(Files.size(file) > 1000, file.toString());
                assertTrue(html.contains(f.get(kind).asText()) || kind.equals("svg"), f.get(kind).asText());
            }
            byte[] png = Files.readAllBytes(out.resolve(f.get("png").asText()));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        }
        assertFalse(Files.exists(out.resolve("samples.csv")), "samples given, not drawn: nothing to write");
        java.util.regex.Matcher arrows = java.util.regex.Pattern.compile("arrow = vector × ([0-9.e+-]+), both panels")
                .matcher(Files.readString(out.resolve("score_field.svg")));
        java.util.List<String> factors = new java.util.ArrayList<>();
        while (arrows.find()) {
            factors.add(arrows.group(1));
        }
        assertEquals(2, factors.size(), "learned and true panels each state the factor");
        assertEquals(factors.get(0), factors.get(1), "one arrow scale for the whole figure");
        try (var left = Files.list(out)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".report-staging")));
        }
    }
}
