package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.train.HeldOutLikelihood;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out log-likelihood of {@code eval --model} and {@code report} on a score SDE model: the same number in
 * both, equal to the mean of {@code logp} over the evenly spaced rows it states; {@code report --sampler ode} draws
 * the bytes {@code sample --sampler ode} writes.
 */
class HeldOutLikelihoodCommandTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path model;
    static Path data;

    @BeforeAll
    static void trainOnce() throws IOException {
        SplittableRandom rng = new SplittableRandom(8);
        StringBuilder s = new StringBuilder("a,b\n");
        for (int i = 0; i < 40; i++) {
            double u = rng.nextGaussian();
            s.append(3 + u).append(',').append(0.8 * u + 0.6 * rng.nextGaussian()).append('\n');
        }
        data = Files.writeString(shared.resolve("ab.csv"), s);
        model = shared.resolve("dsm.safetensors");
        CliTestSupport.Run r = run("train", "--csv", data.toString(), "--objective", "dsm", "--hidden", "16",
                "--epochs", "3", "--batch", "20", "--seed", "2", "-q", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void subsampleIsEvenlySpacedAndDistinct() {
        assertArrayEquals(new int[] {0, 2, 4, 6, 8}, HeldOutLikelihood.subsample(10, 5));
        assertArrayEquals(new int[] {0, 1, 2}, HeldOutLikelihood.subsample(3, 5));
        assertArrayEquals(new int[] {0, 3, 6}, HeldOutLikelihood.subsample(10, 3));
    }

    @Test
    void evalAndReportShowTheSameHeldOutLogpAsLogpItself() throws IOException {
        Path evalJson = dir.resolve("e.json");
        CliTestSupport.Run e = run("eval", "--samples", data.toString(), "--reference", data.toString(), "--model",
                model.toString(), "--logp-rows", "20", "--no-c2st", "--json", evalJson.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("held-out logp ") && e.out().contains("20 of 40 rows (evenly spaced)"), e.out());
        JsonNode ev = new ObjectMapper().readTree(evalJson.toFile()).get("held_out_logp");
        assertEquals(20, ev.get("rows").asInt());
        assertEquals(40, ev.get("reference_rows").asInt());
        assertEquals(ev.get("logp_per_row").asDouble() / 2, ev.get("logp_per_dim").asDouble(), 1e-15);

        List<String> lines = Files.readAllLines(data);
        List<String> even = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 0; i < 40; i += 2) {
            even.add(lines.get(1 + i));
        }
        Path rows = Files.write(dir.resolve("even.csv"), even);
        Path lp = dir.resolve("lp.csv");
        CliTestSupport.Run l = run("logp", "--model", model.toString(), "--csv", rows.toString(), "-q", "--out", lp.toString());
        assertEquals(0, l.code(), l.err());
        double[] logp = Files.readAllLines(lp).stream().skip(1).mapToDouble(x -> Double.parseDouble(x.split(",")[0]))
                .toArray();
        double mean = java.util.Arrays.stream(logp).average().orElseThrow();
        assertEquals(mean, ev.get("logp_per_row").asDouble(), 1e-12, "eval's number is logp's mean over those rows");

        Path out = dir.resolve("rep");
        CliTestSupport.Run r = run("report", "--model", model.toString(), "--csv", data.toString(), "--logp-rows", "20",
                "--sampler", "ode", "--n-samples", "30", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode rep = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(ev.toString(), rep.get("held_out_logp").toString(), "report shows eval's numbers");
        assertTrue(r.out().contains("held-out logp "), r.out());
        assertTrue(Files.readString(out.resolve("report.html")).contains("Held-out log-likelihood"));

        Path drawn = dir.resolve("ode.csv");
        CliTestSupport.Run s = run("sample", "--model", model.toString(), "--sampler", "ode", "--n", "30", "-q", "--out",
                drawn.toString());
        assertEquals(0, s.code(), s.err());
        assertArrayEquals(Files.readAllBytes(drawn), Files.readAllBytes(out.resolve("samples.csv")),
                "report --sampler ode draws what sample --sampler ode writes");
    }

    @Test
    void evalModelErrorsAreOneLine() throws IOException {
        Path plain = dir.resolve("plain.safetensors");
        assertEquals(0, run("train", "--objective", "exact", "--csv", data.toString(), "--hidden", "8", "--epochs", "1", "-q", "--out",
                plain.toString()).code());
        CliTestSupport.Run r = run("eval", "--samples", data.toString(), "--reference", data.toString(), "--model",
                plain.toString(), "--no-c2st");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --model " + plain + ": eval --model needs a score SDE model"), r.err());
        Path mix = Files.writeString(dir.resolve("m.json"), "{\"weights\":[1],\"means\":[[0,0]],\"stds\":[[1,1]]}");
        CliTestSupport.Run m = run("eval", "--samples", data.toString(), "--mixture", mix.toString(), "--columns", "a,b",
                "--model", model.toString());
        assertEquals(2, m.code());
        assertTrue(m.err().startsWith("error: --model"), m.err());
        CliTestSupport.Run steps = run("report", "--model", model.toString(), "--csv", data.toString(), "--sampler", "ode",
                "--steps", "10", "--out", dir.resolve("never").toString());
        assertEquals(2, steps.code());
        assertTrue(steps.err().startsWith("error: --steps does not apply to report --sampler ode"), steps.err());
        assertFalse(Files.exists(dir.resolve("never").resolve("report.html")));
    }
}
