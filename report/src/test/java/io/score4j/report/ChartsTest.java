package io.score4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ChartsTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    static double[] normals(long seed, int n, double mean) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller from two uniforms
            out[i] = mean + Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return out;
    }

    /** Runs {@code body} with System.out/err captured and fails if anything was printed. */
    static <T> T silently(Supplier<T> body) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(captured, true);
        System.setOut(sink);
        System.setErr(sink);
        try {
            return body.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
            assertEquals("", captured.toString(), "charts must print nothing");
        }
    }

    /** Checks both files and returns the decoded PNG. */
    BufferedImage assertFigure(Figure f, ChartSpec spec) throws Exception {
        assertEquals(spec.png(), f.png());
        assertEquals(spec.svg(), f.svg());
        byte[] png = Files.readAllBytes(f.png());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        BufferedImage img = ImageIO.read(f.png().toFile());
        assertEquals(spec.width(), img.getWidth());
        assertEquals(spec.height(), img.getHeight());

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        dbf.setNamespaceAware(true);
        Element root = dbf.newDocumentBuilder().parse(f.svg().toFile()).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(spec.width(), Double.parseDouble(root.getAttribute("width").replace("px", "")));
        assertEquals(spec.height(), Double.parseDouble(root.getAttribute("height").replace("px", "")));
        if (!spec.title().isEmpty()) {
            assertTrue(root.getTextContent().contains(spec.title()), "SVG shows the title");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
        return img;
    }

    /** Fraction of pixels that are clearly coloured (not white/grey/black). */
    static double colouredFraction(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    n++;
                }
            }
        }
        return n / (double) (img.getWidth() * img.getHeight());
    }

    @Test
    void histogramWithComparisonAndCurve() throws Exception {
        ChartSpec spec = ChartSpec.of(dir, "hist", "Samples <vs> data & pdf", "x", "density").withSize(640, 400);
        double[] grid = new double[101];
        double[] pdf = new double[101];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -4 + 8.0 * i / 100;
            pdf[i] = Math.exp(-grid[i] * grid[i] / 2) / Math.sqrt(2 * Math.PI);
        }
        double[] samples = normals(1, 2000, 0);
        samples[0] = Double.NaN;
        samples[1] = Double.POSITIVE_INFINITY;
        Figure f = silently(() -> Charts.histogram(spec, 40,
                List.of(new Sample("samples", samples), new Sample("data", normals(2, 2000, 0.3))),
                List.of(new Series("true pdf", grid, pdf))));
        assertTrue(colouredFraction(assertFigure(f, spec)) > 0.03, "bars are drawn");
    }

    @Test
    void lossCurveOnLogAxisAndMultiSeriesLines() throws Exception {
        double[] loss = new double[300];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 10 * Math.exp(-i / 50.0) + 0.01;
        }
        loss[5] = -1;
        loss[6] = Double.NaN;
        ChartSpec log = ChartSpec.of(dir, "loss", "Training loss", "step", "loss");
        BufferedImage img = assertFigure(silently(() -> Charts.lines(log, List.of(Series.indexed("loss", loss)), Scale.LOG)), log);
        assertTrue(colouredFraction(img) > 0.001, "curve is drawn");

        double[] x = {-2, -1, 0, 1, 2};
        ChartSpec multi = ChartSpec.of(dir, "score", "Score on a grid", "x", "score");
        Figure f = silently(() -> Charts.lines(multi, List.of(new Series("true", x, new double[] {2, 1, 0, -1, -2}),
                new Series("learned", x, new double[] {1.9, 1.1, 0.05, -0.9, -2.2})), Scale.LINEAR));
        assertFigure(f, multi);
    }

    @Test
    void scatterAndDensityHeatmap() throws Exception {
        double[] a = new double[2000];
        double[] n = normals(3, 2000, 0);
        System.arraycopy(n, 0, a, 0, a.length);
        Points samples = new Points("samples", a);
        Points data = new Points("data", normals(4, 2000, 1));
        ChartSpec sc = ChartSpec.of(dir, "scatter", "Samples vs data", "x1", "x2");
        assertTrue(colouredFraction(assertFigure(silently(() -> Charts.scatter(sc, List.of(samples, data))), sc)) > 0.01);

        ChartSpec hm = ChartSpec.of(dir, "heat", "Sample density", "x1", "x2").withSize(600, 500);
        Box box = Box.around(samples, data);
        BufferedImage img = assertFigure(silently(() -> Charts.densityHeatmap(hm, samples, 30, box)), hm);
        assertTrue(colouredFraction(img) > 0.3, "heatmap cells fill the plot");
    }

    @Test
    void vectorFieldOfTwoScores() throws Exception {
        int k = 9;
        double[] xy = new double[2 * k * k];
        double[] truth = new double[xy.length];
        double[] learned = new double[xy.length];
        for (int i = 0; i < k * k; i++) {
            xy[2 * i] = -2 + 4.0 * (i / k) / (k - 1);
            xy[2 * i + 1] = -2 + 4.0 * (i % k) / (k - 1);
            truth[2 * i] = -xy[2 * i];
            truth[2 * i + 1] = -xy[2 * i + 1];
            learned[2 * i] = -0.9 * xy[2 * i];
            learned[2 * i + 1] = -1.1 * xy[2 * i + 1];
        }
        ChartSpec spec = ChartSpec.of(dir, "field", "Score field", "x1", "x2").withSize(600, 600);
        Figure f = silently(() -> Charts.vectorField(spec,
                List.of(new VectorField("true", xy, truth), new VectorField("learned", xy, learned))));
        assertTrue(colouredFraction(assertFigure(f, spec)) > 0.005, "arrows are drawn");
    }

    @Test
    void arrowScaleMakesTheLongestArrowNinetyPercentOfTheGridSpacing() {
        int k = 5;
        double[] xy = new double[2 * k * k];
        double[] uv = new double[xy.length];
        for (int i = 0; i < k * k; i++) {
            xy[2 * i] = -1 + 0.5 * (i / k);
            xy[2 * i + 1] = -1 + 0.5 * (i % k);
        }
        uv[0] = 2; // longest arrow: norm 2; spacing 0.5
        uv[3] = 1;
        assertEquals(0.9 * 0.5 / 2, Charts.arrowScale(List.of(new VectorField("f", xy, uv))), 1e-12);
    }

    @Test
    void emptyInputsStillRenderValidFiles() throws Exception {
        ChartSpec h = ChartSpec.of(dir, "empty-hist", "", "", "");
        assertFigure(silently(() -> Charts.histogram(h, 10, List.of(new Sample("", new double[0])), List.of())), h);
        ChartSpec l = ChartSpec.of(dir, "empty-lines", "nothing", "", "");
        assertFigure(silently(() -> Charts.lines(l, List.of(Series.indexed("loss", new double[] {-1, 0})), Scale.LOG)), l);
    }

    @Test
    void svgIsAStandaloneElementWithCompactCoordinates() throws Exception {
        ChartSpec spec = ChartSpec.of(dir, "compact", "t", "x", "y");
        Figure f = silently(() -> Charts.lines(spec, List.of(Series.indexed("s", new double[] {1, 3, 2})), Scale.LINEAR));
        String svg = Files.readString(f.svg());
        assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), svg.substring(0, 80));
        assertFalse(svg.contains("<!DOCTYPE"), "no DTD reference");
        assertEquals("12.35", ChartFiles.compact(12.3456));
        assertEquals("-3", ChartFiles.compact(-3.0001));
        assertEquals("NaN", ChartFiles.compact(Double.NaN));
    }

    @Test
    void duplicateLegendNamesAreMadeUnique() {
        assertEquals(List.of("a", "a (2)", "series 3", "a (3)"), Charts.labels(List.of("a", "a", "", "a")));
    }

    @Test
    void rewritingAFigureReplacesBothFiles() throws Exception {
        ChartSpec small = ChartSpec.of(dir, "again", "t", "x", "y").withSize(200, 150);
        silently(() -> Charts.scatter(small, List.of(new Points("p", new double[] {0, 0, 1, 1}))));
        ChartSpec big = small.withSize(300, 200);
        assertFigure(silently(() -> Charts.scatter(big, List.of(new Points("p", new double[] {0, 0, 1, 1})))), big);
    }

    @Test
    void unwritableDirectoryIsAnInputError() {
        ChartSpec spec = ChartSpec.of(dir.resolve("missing"), "x", "t", "x", "y");
        InputException e = assertThrows(InputException.class,
                () -> Charts.lines(spec, List.of(Series.indexed("l", new double[] {1, 2})), Scale.LINEAR));
        assertTrue(e.getMessage().startsWith("cannot write " + spec.png()), e.getMessage());
    }

    @Test
    void argumentsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ChartSpec.of(dir, "../escape", "", "", ""));
        assertThrows(IllegalArgumentException.class, () -> ChartSpec.of(dir, "ok", "", "", "").withSize(50, 400));
        assertThrows(IllegalArgumentException.class, () -> new Series("s", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Points("p", new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new VectorField("v", new double[4], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new Box(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 1, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.histogram(ChartSpec.of(dir, "h", "", "", ""), 0, List.of(), List.of()));
    }

    @Test
    void recordsCopyTheirArrays() throws IOException {
        double[] y = {1, 2};
        Series s = Series.indexed("s", y);
        y[0] = 99;
        s.y()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.y());
    }
}
