package io.score4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    private HtmlReport sample(Figure fig) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("learning_rate", 0.001);
        settings.put("hidden", new int[] {64, 64});
        settings.put("objective", "denoising <σ=0.1>");
        return HtmlReport.titled("Run <1> & \"friends\"")
                .metric("fisher <div>", 0.000123456789)
                .metrics(Map.of("steps", 5000))
                .section("Training")
                .text("Loss fell <quickly> & steadily.\nSecond line.")
                .figure(fig, "Loss <log scale>")
                .settings(settings)
                .setting("seed", 42L)
                .note("<script>alert('x')</script>");
    }

    @Test
    void writesEscapedSelfContainedReportReferencingFigures() throws Exception {
        Path figs = Files.createDirectory(dir.resolve("figs"));
        Figure fig = ChartsTest.silently(() -> Charts.lines(ChartSpec.of(figs, "loss", "Loss", "step", "loss")
                .withSize(300, 200), List.of(Series.indexed("loss", new double[] {3, 2, 1})), Scale.LOG));
        Path file = sample(fig).write(dir);
        assertEquals(dir.resolve("report.html"), file);
        String html = Files.readString(file);
        assertEquals(sample(fig).render(dir), html);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Run &lt;1&gt; &amp; &quot;friends&quot;</title>"), html);
        assertTrue(html.contains("<td>fisher &lt;div&gt;</td><td>0.000123457</td>"), html);
        assertTrue(html.contains("<td>steps</td><td>5000</td>"), html);
        assertTrue(html.contains("<td>learning_rate</td><td>0.001</td>"), html);
        assertTrue(html.contains("<td>hidden</td><td>[64, 64]</td>"), html);
        assertTrue(html.contains("<td>objective</td><td>denoising &lt;σ=0.1&gt;</td>"), html);
        assertTrue(html.contains("<td>seed</td><td>42</td>"), html);
        assertTrue(html.contains("<p>Loss fell &lt;quickly&gt; &amp; steadily.\nSecond line.</p>"), html);
        assertTrue(html.contains("<img src=\"figs/loss.png\" alt=\"Loss &lt;log scale&gt;\">"), html);
        assertTrue(html.contains("<a href=\"figs/loss.svg\">"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link"), "no external resources");
        assertTrue(html.indexOf("<h2>Metrics</h2>") < html.indexOf("<h2>Training</h2>"));
        assertTrue(html.indexOf("<h2>Training</h2>") < html.indexOf("<h2>Settings</h2>"));
        assertTrue(html.indexOf("<h2>Settings</h2>") < html.indexOf("<h2>Notes</h2>"));
        assertTrue(Files.exists(dir.resolve("figs/loss.png")) && Files.exists(dir.resolve("figs/loss.svg")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("figs", "report.html"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void emptyPartsAreLeftOut() {
        String html = HtmlReport.titled("t").render(dir);
        assertFalse(html.contains("<table"));
        assertFalse(html.contains("Notes"));
        assertTrue(html.contains("<h1>t</h1>"));
    }

    @Test
    void repeatedMetricKeepsItsPlaceWithTheNewValue() {
        String html = HtmlReport.titled("t").metric("a", 1).metric("b", 2).metric("a", 3).render(dir);
        assertTrue(html.indexOf("<td>a</td><td>3</td>") < html.indexOf("<td>b</td><td>2</td>"), html);
        assertFalse(html.contains("<td>a</td><td>1</td>"));
    }

    @Test
    void figureLinksArePercentEncodedAndRelative() {
        assertEquals("sub%20dir/a.png", HtmlReport.href(dir, dir.resolve("sub dir/a.png")));
        assertEquals("../x.svg", HtmlReport.href(dir.resolve("r"), dir.resolve("x.svg")));
    }

    @Test
    void formatsNumbersForPeople() {
        assertEquals("42", HtmlReport.format(42.0));
        assertEquals("0", HtmlReport.format(0.0));
        assertEquals("-0.5", HtmlReport.format(-0.5));
        assertEquals("0.1", HtmlReport.format(0.1));
        assertEquals("3.14159", HtmlReport.format(Math.PI));
        assertEquals("123457", HtmlReport.format(123456.7));
        assertEquals("1.235e+06", HtmlReport.format(1234567.0));
        assertEquals("1.000e-07", HtmlReport.format(1e-7));
        assertEquals("NaN", HtmlReport.format(Double.NaN));
        assertEquals("-inf", HtmlReport.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void escapesEverySpecialCharacterAndControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;\uFFFD", HtmlReport.escape("<a href=\"x\">&'\u0007"));
    }

    @Test
    void tablesAndFoldedTextAreEscapedInPlace() {
        String html = HtmlReport.titled("t").section("S").text("before")
                .table(List.of(new String[] {"metric", "a<b"}, new String[] {"C2ST & co", "0.5"}))
                .details("eval <x>", "col  KS\nx    0.1 <y>").render(dir);
        int text = html.indexOf("<p>before</p>");
        int table = html.indexOf("<thead><tr><th>metric</th><th>a&lt;b</th></tr></thead>");
        int row = html.indexOf("<tr><td>C2ST &amp; co</td><td>0.5</td></tr>");
        int details = html.indexOf("<details><summary>eval &lt;x&gt;</summary>\n<pre>col  KS\nx    0.1 &lt;y&gt;</pre>");
        assertTrue(text >= 0 && text < table && table < row && row < details, html);
        assertThrowsIllegal(() -> HtmlReport.titled("t").table(List.of(new String[] {"a", "b"}, new String[] {"c"})));
    }

    private static void assertThrowsIllegal(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    }
}
