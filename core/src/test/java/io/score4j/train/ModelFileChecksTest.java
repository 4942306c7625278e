package io.score4j.train;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.InputException;
import io.score4j.io.SafeTensors;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ScoreModel#load} refuses a file it could only score wrongly: non-finite or absurd
 * parameters, a bad noise ladder, duplicate columns, a gap in the layer numbers, tensors that are
 * not part of the network, a checkpoint given as a model. Each is one InputException naming the file.
 */
class ModelFileChecksTest {
    @TempDir
    Path dir;

    /** A valid two-column model, layer tensors in order. */
    private static LinkedHashMap<String, Tensor> tensors(int... hidden) {
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.TANH, hidden);
        return new LinkedHashMap<>(MlpInit.init(spec, Init.SCALED, Key.of(4), DType.F32).asMap());
    }

    private static Map<String, String> meta(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("activation", "tanh");
        m.put("columns", "[\"a\",\"b\"]");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private Path file(LinkedHashMap<String, Tensor> t, Map<String, String> meta) {
        Path f = dir.resolve("m.safetensors");
        SafeTensors.write(f, t, meta);
        return f;
    }

    private void assertRefused(Path f, String... fragments) {
        InputException e = assertThrows(InputException.class, () -> ScoreModel.load(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
    }

    private Path withElement(String tensor, int index, double value) {
        LinkedHashMap<String, Tensor> t = tensors(8);
        double[] v = t.get(tensor).toDoubleArray();
        v[index] = value;
        t.put(tensor, Tensor.wrap(v, t.get(tensor).shape()).astype(DType.F32));
        return file(t, meta());
    }

    @Test
    void aValidFileLoads() {
        ScoreModel m = ScoreModel.load(file(tensors(8, 8), meta()));
        assertEquals(2, m.dim());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3e38, -2e18})
    void unusableParametersAreRefusedNamingTheTensorAndElement(double value) {
        assertRefused(withElement("layers.1.weight", 5, value), "parameter 'layers.1.weight' element 5");
    }

    @Test
    void parametersUpToTheBoundLoad() {
        assertEquals(2, ScoreModel.load(withElement("layers.0.bias", 3, -1e17)).dim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[0.0]           | sigmas[0] is 0.0",
        "[1.0,-0.5]      | sigmas[1] is -0.5",
        "[1e400]         | sigmas[0] is Infinity",
        "[0.5,1.0]       | must decrease strictly",
        "[1.0,1.0]       | must decrease strictly",
    })
    void badNoiseLaddersAreRefused(String sigmas, String fragment) {
        MlpSpec spec = new MlpSpec(new int[] {3, 8, 2}, Activation.TANH);
        LinkedHashMap<String, Tensor> t = new LinkedHashMap<>(MlpInit.init(spec, Init.SCALED, Key.of(4), DType.F32).asMap());
        assertRefused(file(t, meta("sigmas", sigmas)), fragment);
    }

    @Test
    void duplicateOrMissingColumnNamesAreRefused() {
        assertRefused(file(tensors(8), meta("columns", "[\"a\",\"a\"]")), "'a' appears twice");
        assertRefused(file(tensors(8), meta("columns", "[\"a\",\"\"]")), "column 2 has no name");
    }

    @Test
    void aGapInTheLayerNumbersIsRefused() {
        // Layers 0 and 1 make a complete 2 → 8 → 2 network; a layer 3 after the gap would be left out silently.
        LinkedHashMap<String, Tensor> t = tensors(8);
        t.put("layers.3.weight", Tensor.zeros(DType.F32, 2, 2));
        t.put("layers.3.bias", Tensor.zeros(DType.F32, 2));
        assertRefused(file(t, meta()), "gap", "'layers.3.weight'", "no 'layers.2.weight'");
    }

    @Test
    void unrelatedTensorsAreRefusedByName() {
        LinkedHashMap<String, Tensor> t = tensors(8);
        t.put("extra.scale", Tensor.scalar(DType.F32, 2));
        assertRefused(file(t, meta()), "not part of an MLP", "'extra.scale'");
    }

    @Test
    void aCheckpointGivenAsAModelSaysSo() {
        LinkedHashMap<String, Tensor> t = new LinkedHashMap<>();
        tensors(8).forEach((k, v) -> t.put("param/" + k, v));
        assertRefused(file(t, meta("score4j.checkpoint", "1")), "training checkpoint, not a model", "--resume");
    }

    @Test
    void aModelBuiltInMemoryIsCheckedToo() {
        MlpSpec spec = MlpSpec.scoreNet(1, Activation.TANH, 4);
        var p = MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F32);
        var std = new io.score4j.data.Standardizer(new double[] {0}, new double[] {1});
        assertEquals(1, new ScoreModel(spec, p, std, new String[] {"x"}, null, Map.of()).dim());
        assertThrows(IllegalArgumentException.class, () -> new ScoreModel(spec,
                p.map(x -> Tensor.full(DType.F32, Float.NaN, x.shape())), std, new String[] {"x"}, null, Map.of()));
    }
}
