package io.score4j.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MlpInitTest {

    @Test
    void shapesNamesAndSpecRoundTrip() {
        MlpSpec spec = new MlpSpec(new int[] {2, 16, 8, 2}, Activation.TANH);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(0), DType.F32);
        assertEquals(java.util.List.of("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias",
                "layers.2.weight", "layers.2.bias"), p.names());
        assertArrayEquals(new int[] {16, 8}, p.get("layers.1.weight").shape());
        assertEquals(spec, MlpInit.specOf(p, Activation.TANH));
        assertEquals(2 * 16 + 16 + 16 * 8 + 8 + 8 * 2 + 2, p.count());
    }

    @Test
    void normalInitIsStandardNormalAndScaledInitHasFanInVariance() {
        MlpSpec spec = new MlpSpec(new int[] {64, 1024, 1}, Activation.SOFTPLUS);
        Tensor w = MlpInit.init(spec, Init.NORMAL, Key.of(1), DType.F64).get("layers.0.weight");
        Tensor ws = MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F64).get("layers.0.weight");
        int n = w.size();
        // Variance estimator SE for a normal: var * sqrt(2/n); 5 SE bounds.
        assertEquals(1.0, variance(w), 5 * Math.sqrt(2.0 / n));
        assertEquals(1.0 / 64, variance(ws), 5 * Math.sqrt(2.0 / n) / 64);
        Tensor bs = MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F64).get("layers.0.bias");
        assertEquals(0.0, bs.toDoubleArray()[5]);
    }

    @Test
    void sameKeySameBitsDifferentKeyDifferentBits() {
        MlpSpec spec = MlpSpec.scoreNet(1, Activation.SOFTPLUS, 32);
        Params a = MlpInit.init(spec, Init.NORMAL, Key.of(0), DType.F32);
        Params b = MlpInit.init(spec, Init.NORMAL, Key.of(0), DType.F32);
        Params c = MlpInit.init(spec, Init.NORMAL, Key.of(1), DType.F32);
        assertTrue(a.bitEquals(b));
        assertFalse(a.bitEquals(c));
    }

    @Test
    void invalidSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MlpSpec(new int[] {1}, Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> new MlpSpec(new int[] {1, 0, 1}, Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> Activation.parse("gelu"));
    }

    private static double variance(Tensor t) {
        double[] a = t.toDoubleArray();
        double m = java.util.Arrays.stream(a).average().orElseThrow();
        return java.util.Arrays.stream(a).map(v -> (v - m) * (v - m)).sum() / (a.length - 1);
    }
}
