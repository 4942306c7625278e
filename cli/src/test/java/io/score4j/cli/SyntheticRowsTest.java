package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.metrics.ColumnStats;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic-rows workflow end to end: a CSV in its own units and column names goes through
 * {@code train}, {@code sample} and {@code eval}, and the synthetic rows come back with the same
 * header, in the original units, finite, and with the real data's positive correlation.
 */
class SyntheticRowsTest {
    private static final int ROWS = 800;
    private static final double[] MEAN = {170, 70};
    private static final double[] STD = {10, 8};
    private static final double RHO = 0.6;

    @TempDir
    Path dir;

    @Test
    void trainSampleEvalKeepsNamesUnitsAndCorrelation() throws IOException {
        Path real = writeReal(dir.resolve("real.csv"));
        Path model = dir.resolve("m.safetensors");
        Path synth = dir.resolve("synth.csv");
        Path json = dir.resolve("e.json");
        ok(CliTestSupport.run("train", "--objective", "exact", "--csv", real.toString(), "--hidden", "32", "--epochs", "30", "--batch", "128",
                "--out", model.toString(), "-q"));
        ok(CliTestSupport.run("sample", "--model", model.toString(), "--n", Integer.toString(ROWS), "--steps", "300",
                "--step-size", "0.01", "--out", synth.toString(), "-q"));
        assertEquals("height,weight", Files.readAllLines(synth).get(0));
        Dataset s = Csv.read(synth); // Csv.read accepts only finite numbers
        assertEquals(ROWS, s.n());
        double[] mean = ColumnStats.means(s.values(), 2);
        double[] std = ColumnStats.stds(s.values(), 2);
        for (int j = 0; j < 2; j++) {
            // Half a standard deviation: loose for a 180-step model (the sampling error of the mean alone is
            // STD/√800 ≈ 0.035 STD), yet rows left in standardised units (mean ≈ 0.5) miss by ~17 STD.
            assertEquals(MEAN[j], mean[j], 0.5 * STD[j], "mean of column " + j);
            assertTrue(std[j] > 0.5 * STD[j] && std[j] < 1.5 * STD[j], "std of column " + j + " = " + std[j]);
        }
        CliTestSupport.Run eval = CliTestSupport.run("eval", "--reference", real.toString(), "--samples", synth.toString(),
                "--json", json.toString());
        ok(eval);
        JsonNode r = EvalTestData.readJson(json);
        assertEquals(0, r.at("/samples/non_finite_rows").asInt());
        assertEquals("height", r.at("/columns/0/name").asText());
        // Independent columns would give |r| < 4/√800 ≈ 0.14; the data have ρ = 0.6 (sample r's standard
        // error (1 − ρ²)/√800 ≈ 0.023), so r > 0.3 means the model learned most of the dependence.
        double corr = r.at("/correlation/samples/0/1").asDouble();
        assertTrue(corr > 0.3, "synthetic correlation " + corr);
        assertTrue(eval.out().contains("height ~ weight"), eval.out());
    }

    private static void ok(CliTestSupport.Run run) {
        assertEquals(0, run.code(), () -> "stderr: " + run.err());
    }

    /** ROWS rows of a correlated Gaussian in centimetres and kilograms. */
    private static Path writeReal(Path file) {
        double[] z = Draw.normalDouble(Key.of(42), 2 * ROWS);
        double[] v = new double[2 * ROWS];
        for (int i = 0; i < ROWS; i++) {
            double z1 = z[2 * i];
            double z2 = RHO * z1 + Math.sqrt(1 - RHO * RHO) * z[2 * i + 1];
            v[2 * i] = MEAN[0] + STD[0] * z1;
            v[2 * i + 1] = MEAN[1] + STD[1] * z2;
        }
        Csv.write(file, new String[] {"height", "weight"}, v, 2);
        return file;
    }
}
