package io.score4j.objective;

import static io.score4j.objective.ObjectiveChecks.batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Noise-conditional score matching: closed form, finite differences, level draws, σ_max from data. */
final class NoiseConditionalScoreMatchingTest {
    private static final double[] LADDER = {3.0, 1.0, 1.0 / 3, 1.0 / 9};
    private static final NoiseConditionalScoreMatching NCSN = new NoiseConditionalScoreMatching(new NoiseLadder(LADDER));

    @Test
    void linearNetworkMatchesTheClosedForm() {
        // net([x̃, log σ]) = x̃·W[0:2] + log σ·W[2] + c with x̃ = x + σ_i z; ℓ = ½‖net + z‖².
        double[] w = {0.9, -0.3, 0.4, 1.7, -0.2, 0.6};
        double[] c = {0.25, -0.5};
        Params p = Params.of(Map.of(MlpSpec.weightName(0), Tensor.of(w, 3, 2), MlpSpec.biasName(0), Tensor.of(c, 2)));
        MlpSpec spec = new MlpSpec(new int[] {3, 2}, Activation.SOFTPLUS);
        int n = 9;
        Tensor x = batch(3, n, 2);
        Key key = Key.of(4);
        double[] z = NoiseConditionalScoreMatching.noise(key, 0, n, 2);
        double expected = 0;
        for (int b = 0; b < n; b++) {
            double s = LADDER[NCSN.level(key, b)];
            double x0 = x.get(2 * b) + s * z[2 * b];
            double x1 = x.get(2 * b + 1) + s * z[2 * b + 1];
            double r0 = x0 * w[0] + x1 * w[2] + Math.log(s) * w[4] + c[0] + z[2 * b];
            double r1 = x0 * w[1] + x1 * w[3] + Math.log(s) * w[5] + c[1] + z[2 * b + 1];
            expected += 0.5 * (r0 * r0 + r1 * r1) / n;
        }
        assertEquals(expected, NCSN.loss(spec, p, x, key), 1e-14 * Math.max(1, expected));
    }

    @Test
    void parameterGradientMatchesCentralDifferences() {
        MlpSpec spec = new MlpSpec(new int[] {3, 8, 8, 2}, Activation.SILU);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(11), DType.F64);
        ObjectiveChecks.assertGradientMatchesCentralDifferences(NCSN, spec, p, batch(12, 6, 2), Key.of(13));
    }

    @Test
    void perExampleMeansAreTheBatchAndTheKeyDeterminesTheBits() {
        MlpSpec spec = new MlpSpec(new int[] {3, 8, 2}, Activation.SOFTPLUS);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(21), DType.F64);
        Tensor x = batch(22, 5, 2);
        ObjectiveChecks.assertPerExampleMeanIsTheBatch(NCSN, spec, p, x, Key.of(23));
        ObjectiveChecks.assertKeyDeterminesTheBits(NCSN, spec, p, x);
    }

    @Test
    void levelsAreUniformOverTheLadder() {
        // 40 000 draws over L = 4 levels: each count is Binomial(n, ¼), sd = √(n·¼·¾) ≈ 87;
        // allow 4 sd. Level draws depend only on (key, index).
        Key key = Key.of(31);
        int n = 40_000;
        int[] counts = new int[LADDER.length];
        for (int b = 0; b < n; b++) {
            counts[NCSN.level(key, b)]++;
        }
        double sd = Math.sqrt(n * 0.25 * 0.75);
        for (int count : counts) {
            assertEquals(n / 4.0, count, 4 * sd);
        }
        assertEquals(NCSN.level(key, 17), new NoiseConditionalScoreMatching(new NoiseLadder(LADDER)).level(key, 17));
    }

    @Test
    void badLaddersAndInputsAreRejected() {
        // Bad ladders are NoiseLadder's to refuse (NoiseLadderTest); the objective refuses none.
        assertThrows(NullPointerException.class, () -> new NoiseConditionalScoreMatching(null));
        NoiseConditionalScoreMatching o = new NoiseConditionalScoreMatching(NoiseLadder.of(2, 1));
        assertArrayEquals(new double[] {2, 1}, o.ladder().sigmas(), 0.0);
        MlpSpec square = new MlpSpec(new int[] {2, 4, 2}, Activation.TANH);
        Params p = MlpInit.init(square, Init.NORMAL, Key.of(41), DType.F64);
        assertThrows(IllegalArgumentException.class, () -> o.loss(square, p, batch(1, 4, 2), Key.of(1)));
        MlpSpec spec = new MlpSpec(new int[] {3, 4, 2}, Activation.TANH);
        Params q = MlpInit.init(spec, Init.NORMAL, Key.of(42), DType.F64);
        assertThrows(IllegalArgumentException.class, () -> o.loss(spec, q, batch(1, 4, 2), null));
    }
}
