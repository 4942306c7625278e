package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.data.Standardizer;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Key;
import io.score4j.report.HtmlReport;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.train.ScoreModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code score4j report} on 2-D data: a plain (exact) model and a noise-conditional one, what the
 * folder holds, that the recorded sampler command reproduces the samples, and that a second report
 * into the same folder removes figures the first had and the second does not. Also holds the
 * folder checks the other Report*Test classes share.
 */
class ReportCommandTest {
    private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path ring8;

    @BeforeAll
    static void trainOnce() {
        ring8 = tinyRing8(shared.resolve("ring8.safetensors"));
    }

    @Test
    void plainModelReportHasEveryFigureTheMetricsAndTheSettings() throws Exception {
        Path out = dir.resolve("report");
        CliTestSupport.Run run = CliTestSupport.run("report", "--model", ring8.toString(), "--toy", "ring8", "--n", "1024",
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("mmd2") && run.out().contains(out.resolve("report.html").toAbsolutePath().toString()),
                "summary line: " + run.out());
        assertCompleteReport(out);
        JsonNode r = json(out);
        assertDocumentedKeys(r);
        assertEquals(List.of("density", "scatter", "score_field"), figureNames(r));
        for (String combined : List.of("density.svg", "score_field.svg")) {
            NodeList panels = parseSvg(out.resolve(combined)).getDocumentElement().getChildNodes();
            List<String> offsets = new ArrayList<>();
            for (int i = 0; i < panels.getLength(); i++) {
                if (panels.item(i) instanceof Element e && e.getLocalName().equals("svg")) {
                    offsets.add(e.getAttribute("x"));
                }
            }
            assertEquals(List.of("0", "560"), offsets, combined + ": two panels side by side");
            assertEquals(1120, ImageIO.read(out.resolve(combined.replace(".svg", ".png")).toFile()).getWidth());
        }
        JsonNode metrics = r.get("metrics");
        assertEquals(1024, metrics.get("n_data").asInt());
        assertEquals(1024, metrics.get("n_samples").asInt() + metrics.get("non_finite_samples").asInt());
        assertTrue(metrics.get("fisher_divergence").asDouble() > 0, "fisher_divergence: " + metrics);
        assertModeMasses(r.get("mode_mass"), 8);
        assertEquals(0, r.get("fisher_by_sigma").size());
        JsonNode sampler = r.at("/samples/sampler");
        assertEquals("langevin", sampler.get("kind").asText());
        assertEquals(1000, sampler.get("steps").asInt());
        assertEquals(0.01, sampler.get("step_size").asDouble());
        String html = Files.readString(out.resolve("report.html"));
        for (String shown : List.of("[2, 16, 2]", "softplus", "exact", "train.epochs", "sliced_wasserstein",
                "fisher_divergence", "mode_mass_tv", sampler.get("command").asText())) {
            assertTrue(html.contains(HtmlReport.escape(shown)), "report.html lacks " + shown);
        }
    }

    @Test
    void theRecordedSampleCommandReproducesTheDrawnSamplesBitForBit() throws Exception {
        Path out = dir.resolve("report");
        ok("report", "--model", ring8.toString(), "--toy", "ring8", "--n", "300", "--seed", "3", "--out", out.toString(),
                "-q");
        String command = json(out).at("/samples/sampler/command").asText();
        assertTrue(command.startsWith("score4j sample ") && command.endsWith(" --out samples.csv"), command);
        Path again = dir.resolve("again.csv");
        String[] args = command.substring("score4j ".length(), command.length() - "samples.csv".length()).split(" ");
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of(again.toString(), "-q"));
        ok(argv.toArray(new String[0]));
        assertArrayEquals(Files.readAllBytes(out.resolve("samples.csv")), Files.readAllBytes(again));
    }

    @Test
    void noiseConditionalModelShowsItsLadderAndSamplesAnnealed() throws Exception {
        Path model = noiseConditional(shared.resolve("ncsn2.safetensors"), 2, 3.0, 0.05, 6);
        Path out = dir.resolve("report");
        ok("report", "--model", model.toString(), "--toy", "ring8", "--n", "512", "--out", out.toString(), "-q");
        assertCompleteReport(out);
        JsonNode r = json(out);
        assertDocumentedKeys(r);
        assertEquals(List.of("density", "scatter", "score_sigma_0", "score_sigma_2", "score_sigma_5"), figureNames(r));
        double[] ladder = NoiseLadder.geometric(3.0, 0.05, 6).sigmas();
        JsonNode bySigma = r.get("fisher_by_sigma");
        assertEquals(3, bySigma.size());
        int[] levels = {0, 2, 5};
        for (int i = 0; i < 3; i++) {
            assertEquals(levels[i], bySigma.get(i).get("level").asInt());
            assertEquals(ladder[levels[i]], bySigma.get(i).get("sigma").asDouble());
            assertTrue(bySigma.get(i).get("fisher_divergence").asDouble() > 0);
        }
        assertEquals(bySigma.get(2).get("fisher_divergence").asDouble(), r.at("/metrics/fisher_divergence").asDouble());
        JsonNode sampler = r.at("/samples/sampler");
        assertEquals("annealed", sampler.get("kind").asText());
        // The same defaults as score4j sample: one home, SamplerDefaults.
        assertEquals(SamplerDefaults.ANNEALED_STEPS, sampler.get("steps").asInt());
        assertEquals(SamplerDefaults.annealedEpsilon(0.05), sampler.get("step_size").asDouble());
        assertEquals(SamplerDefaults.START_LOW, sampler.get("start_low").asDouble());
        assertEquals(SamplerDefaults.START_HIGH, sampler.get("start_high").asDouble());
        assertEquals(6, sampler.get("sigmas").size());
        assertTrue(r.at("/model/noise_conditional").asBoolean());
    }

    @Test
    void aSecondReportIntoTheSameFolderRemovesFiguresItNoLongerHas() throws Exception {
        Path out = dir.resolve("report");
        Path model = noiseConditional(shared.resolve("ncsn3.safetensors"), 2, 2.0, 0.1, 3);
        ok("report", "--model", model.toString(), "--toy", "ring8", "--n", "256", "--out", out.toString(), "-q");
        assertTrue(Files.exists(out.resolve("score_sigma_1.png")));
        Path samples = Files.writeString(dir.resolve("s.csv"), "x,y\n0,2\n2,0\n-2,0\n0,-2\n");
        ok("report", "--model", ring8.toString(), "--toy", "ring8", "--n", "256", "--samples", samples.toString(),
                "--out", out.toString(), "-q");
        assertCompleteReport(out);
        assertEquals(List.of("density", "scatter", "score_field"), figureNames(json(out)));
        assertFalse(Files.exists(out.resolve("score_sigma_1.png")));
        assertFalse(Files.exists(out.resolve("samples.csv")), "the first report's drawn samples must go too");
        assertTrue(json(out).at("/samples/file").isNull());
        assertEquals("file:s.csv", json(out).at("/samples/source").asText());
        assertEquals(4, json(out).at("/samples/n").asInt());
    }

    /** Weights, samples' and data's masses: k values each, each a distribution. */
    static void assertModeMasses(JsonNode modes, int k) {
        for (String key : List.of("weights", "samples", "data")) {
            JsonNode v = modes.get(key);
            assertEquals(k, v.size(), key);
            double sum = 0;
            for (JsonNode x : v) {
                assertTrue(x.asDouble() >= 0, key);
                sum += x.asDouble();
            }
            assertEquals(1.0, sum, 1e-9, key);
        }
    }

    /** Runs the CLI, expecting success and silence on stderr. */
    static void ok(String... args) {
        CliTestSupport.Run r = CliTestSupport.run(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + " failed: " + r.err());
        assertEquals("", r.err(), "stderr");
    }

    /** Trains the brief's tiny ring8 model (exact objective) into {@code file}. */
    static Path tinyRing8(Path file) {
        ok("train", "--objective", "exact", "--toy", "ring8", "--n", "1024", "--hidden", "16", "--epochs", "2", "--batch", "256", "-q",
                "--out", file.toString());
        return file;
    }

    /**
     * A noise-conditional model, as {@code train --objective ncsn} writes it (input [x, log σ], metadata
     * sigmas), with random weights: this checkout has no ncsn objective yet, and the report needs
     * only the file format.
     */
    static Path noiseConditional(Path file, int d, double sigmaMax, double sigmaMin, int levels) {
        MlpSpec spec = new MlpSpec(new int[] {d + 1, 16, d}, Activation.SOFTPLUS);
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1.0);
        String[] columns = d == 2 ? new String[] {"x", "y"} : io.score4j.data.Dataset.defaultColumns(d);
        ScoreModel m = new ScoreModel(spec, MlpInit.init(spec, Init.SCALED, Key.of(7), DType.F32),
                new Standardizer(new double[d], ones), columns,
                NoiseLadder.geometric(sigmaMax, sigmaMin, levels), Map.of("objective", "ncsn"));
        m.save(file);
        return file;
    }

    static JsonNode json(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    /** The "figures" names of report.json, in order. */
    static List<String> figureNames(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.get("figures").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    /**
     * The folder is a complete report: report.html links exactly the PNG and SVG files there, every
     * figure of report.json is linked, every PNG decodes to the size of a chart, every SVG is
     * well-formed XML with unique ids, and no staging or temporary file is left.
     */
    static void assertCompleteReport(Path dir) throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        Set<String> links = new HashSet<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        Set<String> images = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                assertFalse(name.startsWith("."), "left over: " + name);
                if (name.endsWith(".png") || name.endsWith(".svg")) {
                    images.add(name);
                }
            }
        }
        assertEquals(images, links, "report.html must link every figure file in the folder, and only those");
        for (JsonNode f : json(dir).get("figures")) {
            assertTrue(links.contains(f.get("png").asText()), "not linked: " + f);
            assertTrue(links.contains(f.get("svg").asText()), "not linked: " + f);
        }
        for (String name : images) {
            if (name.endsWith(".png")) {
                BufferedImage im = ImageIO.read(dir.resolve(name).toFile());
                assertNotNull(im, name + " does not decode");
                assertTrue(im.getWidth() >= 400 && im.getHeight() >= 300, name + " is " + im.getWidth() + "x" + im.getHeight());
            } else {
                assertUniqueIds(parseSvg(dir.resolve(name)), name);
            }
        }
    }

    static Document parseSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName(), file + " root");
        return doc;
    }

    private static void assertUniqueIds(Document doc, String name) {
        NodeList all = doc.getElementsByTagName("*");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                assertTrue(ids.add(id), name + ": duplicate id " + id);
            }
        }
    }

    /** The fixed keys of report.json and of its "metrics", and nothing else. */
    static void assertDocumentedKeys(JsonNode report) {
        List<String> top = new ArrayList<>();
        report.fieldNames().forEachRemaining(top::add);
        assertEquals(io.score4j.report.Report.JSON_KEYS, top);
        List<String> metrics = new ArrayList<>();
        report.get("metrics").fieldNames().forEachRemaining(metrics::add);
        assertEquals(io.score4j.report.Report.METRIC_KEYS, metrics);
        assertEquals(io.score4j.report.Report.FORMAT, report.get("format").asText());
        for (String k : List.of("mmd2", "mmd_bandwidth", "energy_distance", "sliced_wasserstein")) {
            assertTrue(report.get("metrics").get(k).isNumber(), k + " must be a number");
        }
    }
}
