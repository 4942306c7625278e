package io.score4j.objective;

import static io.score4j.objective.ObjectiveChecks.batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single-σ denoising score matching: closed form, finite differences, per-example, keys. */
final class DenoisingScoreMatchingTest {

    @Test
    void linearScoreMatchesTheClosedForm() {
        // s(x̃) = x̃·W + c with x̃ = x + σz: ℓ = ½‖σ(x̃·W + c) + z‖², z as the objective draws it.
        double[] w = {0.9, -0.3, 0.4, 1.7};
        double[] c = {0.25, -0.5};
        Params p = Params.of(Map.of(MlpSpec.weightName(0), Tensor.of(w, 2, 2), MlpSpec.biasName(0), Tensor.of(c, 2)));
        MlpSpec spec = new MlpSpec(new int[] {2, 2}, Activation.SOFTPLUS);
        double sigma = 0.7;
        int n = 7;
        Tensor x = batch(3, n, 2);
        Key key = Key.of(4);
        double[] z = DenoisingScoreMatching.noise(key, 0, n, 2);
        double expected = 0;
        for (int b = 0; b < n; b++) {
            double x0 = x.get(2 * b) + sigma * z[2 * b];
            double x1 = x.get(2 * b + 1) + sigma * z[2 * b + 1];
            double r0 = sigma * (x0 * w[0] + x1 * w[2] + c[0]) + z[2 * b];
            double r1 = sigma * (x0 * w[1] + x1 * w[3] + c[1]) + z[2 * b + 1];
            expected += 0.5 * (r0 * r0 + r1 * r1) / n;
        }
        assertEquals(expected, new DenoisingScoreMatching(sigma).loss(spec, p, x, key), 1e-14 * Math.max(1, expected));
    }

    @Test
    void parameterGradientMatchesCentralDifferences() {
        MlpSpec spec = new MlpSpec(new int[] {3, 8, 8, 3}, Activation.TANH);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(11), DType.F64);
        ObjectiveChecks.assertGradientMatchesCentralDifferences(new DenoisingScoreMatching(0.3), spec, p,
                batch(12, 6, 3), Key.of(13));
    }

    @Test
    void perExampleMeansAreTheBatchAndTheKeyDeterminesTheBits() {
        MlpSpec spec = new MlpSpec(new int[] {2, 8, 2}, Activation.SOFTPLUS);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(21), DType.F64);
        Tensor x = batch(22, 5, 2);
        DenoisingScoreMatching o = new DenoisingScoreMatching(0.5);
        ObjectiveChecks.assertPerExampleMeanIsTheBatch(o, spec, p, x, Key.of(23));
        ObjectiveChecks.assertKeyDeterminesTheBits(o, spec, p, x);
    }

    @Test
    void noiseDependsOnlyOnKeyAndRowIndex() {
        Key key = Key.of(31);
        double[] all = DenoisingScoreMatching.noise(key, 0, 5, 3);
        assertArrayEquals(Arrays.copyOfRange(all, 6, 9), DenoisingScoreMatching.noise(key, 2, 1, 3), 0.0);
    }

    @Test
    void badSettingsAndInputsAreRejected() {
        for (double bad : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new DenoisingScoreMatching(bad));
        }
        MlpSpec spec = new MlpSpec(new int[] {2, 4, 2}, Activation.TANH);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(41), DType.F64);
        DenoisingScoreMatching o = new DenoisingScoreMatching(0.1);
        assertThrows(IllegalArgumentException.class, () -> o.loss(spec, p, batch(1, 4, 2), null));
        assertThrows(IllegalArgumentException.class, () -> o.lossAndGrad(spec, p, batch(1, 4, 3), Key.of(1)));
        MlpSpec conditional = new MlpSpec(new int[] {3, 4, 2}, Activation.TANH);
        Params q = MlpInit.init(conditional, Init.NORMAL, Key.of(42), DType.F64);
        assertThrows(IllegalArgumentException.class, () -> o.loss(conditional, q, batch(1, 4, 2), Key.of(1)));
    }
}
