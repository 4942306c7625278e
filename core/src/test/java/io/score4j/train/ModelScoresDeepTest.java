package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.score4j.data.Standardizer;
import io.score4j.nn.Init;
import io.score4j.nn.MlpForward;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scoring a deep model goes through the fused deep kernels and gives the generic float forward pass's
 * ({@link MlpForward}) bits: both form each pre-activation as bias + Σ_j x_j·W_jk with fused multiply-adds
 * in order j = 0, 1, … ({@code MathProvider.affineRows}' documented order, {@code DeepKernels.affine}'s)
 * and apply the same activation kernels, so the results are equal, not just close.
 */
class ModelScoresDeepTest {
    private static ScoreModel model(MlpSpec spec, double[] sigmas) {
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(3), DType.F32);
        int d = spec.outputDim();
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        String[] cols = new String[d];
        for (int j = 0; j < d; j++) {
            cols[j] = "x" + j;
        }
        return new ScoreModel(spec, p, new Standardizer(new double[d], ones), cols, sigmas.length > 0 ? new NoiseLadder(sigmas) : null, Map.of());
    }

    @Test
    void plainAndNoiseConditionalDeepModelsScoreLikeTheGenericForwardPass() {
        int d = 3;
        int n = 77;
        float[] x = Draw.normal(Key.of(5), n * d);
        ScoreModel plain = model(MlpSpec.scoreNet(d, Activation.SILU, 64, 48), new double[0]);
        float[] got = new float[n * d];
        float[] want = new float[n * d];
        ModelScores.of(plain).score(x, 0, n, d, got);
        MlpForward.of(plain.spec(), plain.params()).apply(x, 0, n, want);
        assertArrayEquals(want, got, "plain");

        ScoreModel cond = model(new MlpSpec(new int[] {d + 1, 40, 40, 40, d}, Activation.TANH), new double[] {1.0, 0.1});
        double sigma = 0.3;
        ModelScores.noiseConditional(cond).score(x, 0, n, d, sigma, got);
        float[] in = new float[n * (d + 1)];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, r * d, in, r * (d + 1), d);
            in[r * (d + 1) + d] = (float) Math.log(sigma);
        }
        MlpForward.of(cond.spec(), cond.params()).apply(in, 0, n, want);
        for (int i = 0; i < want.length; i++) {
            want[i] *= (float) (1.0 / sigma);
        }
        assertArrayEquals(want, got, "noise-conditional");
    }
}
