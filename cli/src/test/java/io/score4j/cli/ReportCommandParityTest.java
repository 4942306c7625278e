package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.MixtureData;
import io.score4j.data.Standardizer;
import io.score4j.data.ToySet;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.random.Key;
import io.score4j.report.Report;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.train.ScoreModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score4j report} is a thin shell over {@link Report}: same inputs, same report.json. */
class ReportCommandParityTest {
    private static final int N = 2000;

    /** A plain 2-D model with random weights (as the report module's ReportApiTest uses): a report needs a model, not a good one. */
    private static ScoreModel model() {
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 16);
        return new ScoreModel(spec, MlpInit.init(spec, Init.SCALED, Key.of(3), DType.F32),
                new Standardizer(new double[2], new double[] {1, 1}), new String[] {"x", "y"}, null,
                Map.of("objective", "exact"));
    }

    /** Exact draws from ring8's mixture, with a key of their own. */
    private static Dataset exactSamples() {
        return MixtureData.sample(ToySet.RING8.mixture().orElseThrow(), N, Key.of(41));
    }

    @TempDir
    Path dir;

    /** The library and {@code score4j report} on the same model, data, samples and seed write the same report.json. */
    @Test
    void matchesTheCommandByteForByte() throws IOException {
        ScoreModel m = model();
        Path modelFile = dir.resolve("m.safetensors");
        m.save(modelFile);
        Path samples = dir.resolve("s.csv");
        Csv.write(samples, new String[] {"x", "y"}, exactSamples().values(), 2);
        Report.builder(ScoreModel.load(modelFile)).modelFile(modelFile).reference(ToySet.RING8, N, 5)
                .samples(Csv.read(samples, null), "s.csv").seed(5).build().writeTo(dir.resolve("java"));
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[] {"report", "--model", modelFile.toString(), "--toy", "ring8", "--n",
                String.valueOf(N), "--samples", samples.toString(), "--seed", "5", "-q", "--out",
                dir.resolve("cli").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, rc, err.toString());
        assertEquals(Files.readString(dir.resolve("cli/report.json")), Files.readString(dir.resolve("java/report.json")));
    }
}
