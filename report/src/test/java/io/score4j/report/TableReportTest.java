package io.score4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.comparison.Comparison;
import io.score4j.comparison.ComparisonInputs;
import io.score4j.comparison.ComparisonResult;
import io.score4j.comparison.ComparisonSettings;
import io.score4j.comparison.Evaluation;
import io.score4j.comparison.Fidelity;
import io.score4j.comparison.FidelityResult;
import io.score4j.comparison.FidelitySettings;
import io.score4j.comparison.Reference;
import io.score4j.data.Standardizer;
import io.score4j.data.TextCsv;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.random.Key;
import io.score4j.train.ScoreModel;
import io.score4j.train.TableTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report on a typed-table model: a figure per column in the data's own values, and eval's numbers. */
class TableReportTest {
    static final String[] CITIES = {"Lyon", "Paris", "Nice"};
    static final long SEED = 7;

    @TempDir
    Path dir;

    /** A table of n rows: a text category with gaps, an integer, a skewed positive decimal, a 0/1 flag. */
    static Path table(Path file, int n, long seed, double parisShare) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("city,kids,income,flag\n");
        for (int i = 0; i < n; i++) {
            String city = r.nextInt(20) == 0 ? "" : r.nextDouble() < parisShare ? "Paris" : CITIES[r.nextInt(3)];
            b.append(city).append(',').append(r.nextInt(5)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", Math.exp(1 + 1.2 * r.nextGaussian())))
                    .append(',').append(r.nextInt(4) == 0 ? 1 : 0).append('\n');
        }
        return Files.writeString(file, b);
    }

    /** A table model with random weights (the report reads its schema; drawing is the caller's job). */
    static ScoreModel model(Path real) {
        TableTraining.Prepared p = TableTraining.prepare(TextCsv.read(real), "kids=integer,flag=binary", Key.of(1));
        int w = p.schema().width();
        MlpSpec spec = MlpSpec.scoreNet(w, Activation.SOFTPLUS, 8);
        ScoreModel m = new ScoreModel(spec, MlpInit.init(spec, Init.SCALED, Key.of(3), DType.F32),
                Standardizer.identity(w), p.schema().coordinateNames(), null, Map.of("objective", "exact"));
        return TableTraining.withSchema(m, p.schema());
    }

    @Test
    void oneFigurePerColumnWithTheDataLevelsAndGapRates() throws IOException {
        Path real = table(dir.resolve("real.csv"), 300, 1, 0);
        Path syn = table(dir.resolve("syn.csv"), 250, 2, 0.5);
        TableReport r = TableReport.builder(model(real), dir.resolve("m.safetensors")).reference(real).samples(syn)
                .seed(SEED).parallelism(Parallelism.of(1)).build();
        Path page = r.writeTo(dir.resolve("out"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals(TableReport.FORMAT, json.path("format").asText());
        assertEquals(List.of("city", "kids", "income", "flag"), r.columns());
        assertEquals(5, json.path("figures").size(), "one figure per column, then the pairs");
        assertEquals("pairs", json.path("figures").get(4).path("name").asText());
        for (int j = 0; j < 4; j++) {
            assertTrue(Files.size(dir.resolve("out/col_" + j + ".png")) > 1000);
            assertTrue(json.path("figures").get(j).path("title").asText().startsWith(r.columns().get(j) + " ("));
        }
        String city = Files.readString(dir.resolve("out/col_0.svg"));
        for (String level : CITIES) {
            assertTrue(city.contains(">" + level + "<"), "bar label " + level);
        }
        assertTrue(city.contains("(gap)"), "the category's gaps have a bar");
        assertTrue(city.contains("gaps: real "), "gap rates above the plot");
        String flag = Files.readString(dir.resolve("out/col_3.svg"));
        assertTrue(flag.contains(">0<") && flag.contains(">1<"), "a 0/1 column's bars read 0 and 1");
        assertTrue(Files.readString(dir.resolve("out/col_2.svg")).contains("log₁₀ income"), "skewed: log axis");
        String html = Files.readString(page);
        assertTrue(html.contains("C2ST accuracy (5 folds)") && html.contains("score4j eval: syn.csv"), "tables");
    }

    /**
     * The report's numbers are eval's: the same core calls on the same files with the same seed, done here
     * independently of the report (as EvalCommand does them), give equal results, field by field.
     */
    @Test
    void fidelityEqualsEvalsForTheSameFilesAndSeed() throws IOException {
        Path real = table(dir.resolve("real.csv"), 300, 1, 0);
        Path held = table(dir.resolve("held.csv"), 80, 3, 0);
        Path syn = table(dir.resolve("syn.csv"), 250, 2, 0.5);
        Path copy = table(dir.resolve("copy.csv"), 250, 4, 0);
        TableReport r = TableReport.builder(model(real), dir.resolve("m.safetensors")).reference(real).samples(syn)
                .samples(copy).holdout(held).seed(SEED).parallelism(Parallelism.of(2)).build();
        assertEquals(List.of("syn.csv", "copy.csv"), r.names());
        List<Path> files = List.of(syn, copy);
        for (int s = 0; s < 2; s++) {
            ComparisonInputs in = ComparisonInputs.load(files.get(s), real, null, null, x -> { });
            ComparisonResult c = Comparison.compare(in.samples(), in.reference(), ComparisonSettings.defaults(SEED));
            FidelityResult f = Fidelity.compare(in.samples(), ((Reference.Rows) in.reference()).data(),
                    in.loadHoldout(held), FidelitySettings.defaults(SEED), Parallelism.of(1));
            Evaluation e = r.evaluations().get(s);
            assertEquals(f, e.fidelity());
            assertEquals(c.toJson().toString(), e.result().toJson().toString());
            assertTrue(f.holdoutC2st() != null && f.holdoutDcr() != null, "held-out rows judged");
        }
        FidelityResult skewed = r.evaluations().get(0).fidelity();
        FidelityResult.ColumnCheck city = skewed.columns().get(0);
        assertTrue(city.discrete() && !city.passes(), "half the synthetic rows are Paris: TV fails, " + city);
    }

    /** Drawn rows are decoded to the table's values, written as samples.csv and judged as eval judges that file. */
    @Test
    void drawnRowsAreDecodedAndJudgedAsTheWrittenFile() throws IOException {
        Path real = table(dir.resolve("real.csv"), 300, 1, 0);
        ScoreModel m = model(real);
        TableTraining.Prepared p = TableTraining.prepare(TextCsv.read(real), "kids=integer,flag=binary", Key.of(9));
        double[] z = p.data().values();
        Random noise = new Random(5);
        for (int i = 0; i < z.length; i++) {
            z[i] += 0.3 * noise.nextGaussian();
        }
        ReportSamples drawn = new ReportSamples(z, p.data().d(), p.data().n(), 0, "drawn", Map.of("kind", "test"));
        TableReport r = TableReport.builder(m, dir.resolve("m.safetensors")).reference(real).drawn(drawn).seed(SEED)
                .build();
        assertEquals(List.of(TableReport.DRAWN), r.names());
        r.writeTo(dir.resolve("out"));
        Path written = dir.resolve("out/samples.csv");
        String header = Files.readAllLines(written).get(0);
        assertEquals("city,kids,income,flag", header);
        for (String row : Files.readAllLines(written).subList(1, 301)) {
            String[] cells = row.split(",", -1);
            assertTrue(cells[1].matches("[0-4]") && cells[3].matches("[01]"), "integers and flags as the data: " + row);
        }
        ComparisonInputs in = ComparisonInputs.load(written, real, null, null, x -> { });
        FidelityResult f = Fidelity.compare(in.samples(), ((Reference.Rows) in.reference()).data(), null,
                FidelitySettings.defaults(SEED), Parallelism.of(1));
        assertEquals(f, r.evaluations().get(0).fidelity());
    }

    @Test
    void aSetWithoutOneOfTheColumnsIsAUserError() throws IOException {
        Path real = table(dir.resolve("real.csv"), 100, 1, 0);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "city,kids\nLyon,1\nNice,2\n");
        InputException e = assertThrows(InputException.class, () -> TableReport.builder(model(real),
                dir.resolve("m.safetensors")).reference(real).samples(bad).build());
        assertTrue(e.getMessage().contains("--samples " + bad) && e.getMessage().contains("'income'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
        ScoreModel m = model(real);
        IllegalArgumentException numeric = assertThrows(IllegalArgumentException.class, () -> Report.builder(m)
                .reference(io.score4j.data.Dataset.of(m.dim(), new double[2 * m.dim()]), "x")
                .samples(io.score4j.data.Dataset.of(m.dim(), new double[2 * m.dim()]), "y").build());
        assertTrue(numeric.getMessage().contains("TableReport"), numeric.getMessage());
    }
}
