package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.fused.FusedMlp;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fused strategy of the Langevin chain ({@link Chain.Fused}); ported from the former FusedLangevinTest. */
class FusedChainTest {
    /** {@code steps} fused steps from x0 (not modified); the particles afterwards. */
    static float[] fused(FusedMlp net, float[] x0, double alpha, int steps, Key key, int threads) {
        return Langevin.sample(Chain.fused(net), x0, net.dim(), new LangevinConfig(alpha, steps, 0, Parallelism.of(threads)), key, null)
                .samples().data32();
    }

    private static FusedMlp randomNet(int d, int h) {
        MlpSpec spec = MlpSpec.scoreNet(d, Activation.SOFTPLUS, h);
        return FusedMlp.of(spec, io.score4j.nn.MlpInit.init(spec, io.score4j.nn.Init.SCALED, Key.of(1),
                io.score4j.tensor.DType.F32));
    }

    @Test
    void aRunCutIntoPiecesEqualsOneRun() {
        FusedMlp net = randomNet(2, 64);
        int n = 130;
        float[] x0 = Draw.normal(Key.of(7), n * 2);
        float[] whole = fused(net, x0, 0.01, 250, Key.of(8), 2);
        // Thinning every 7 steps cuts the fused segments at other places; the bits stay the same.
        SamplingResult cut = Langevin.sample(Chain.fused(net), x0, 2, new LangevinConfig(0.01, 250, 7, Parallelism.single()), Key.of(8), null);
        assertArrayEquals(whole, cut.samples().data32());
        assertEquals(250 / 7, cut.history().size());
    }

    @Test
    void equalsPlainStepLoopWithDrawNormalAt() {
        FusedMlp net = randomNet(3, 40);
        int n = 101;
        float[] x0 = Draw.normal(Key.of(2), n * 3);
        Key key = Key.of(3);
        float[] fused = fused(net, x0, 0.01, 5, key, 2);
        float[] plain = x0.clone();
        float[] s = new float[n * 3];
        for (int t = 0; t < 5; t++) {
            net.score(plain, 0, n, s);
            for (int i = 0; i < n * 3; i++) {
                float z = (float) Draw.normalAt(key.child(t), i);
                plain[i] = plain[i] + (0.01f * s[i] + (float) Math.sqrt(0.02) * z);
            }
        }
        assertArrayEquals(plain, fused);
    }

    @Test
    void bitIdenticalForAnyThreadCountAndSeedSensitive() {
        FusedMlp net = randomNet(1, 64);
        float[] x0 = Draw.normal(Key.of(4), 300);
        float[] a = fused(net, x0, 0.05, 20, Key.of(5), 1);
        float[] b = fused(net, x0, 0.05, 20, Key.of(5), 3);
        float[] c = fused(net, x0, 0.05, 20, Key.of(6), 3);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    /**
     * Score of N(μ, 1) in 1-D is μ − x: with softplus a(h) ≈ h for h ≫ 0, the net [1, 1, 1] with
     * W1 = −1, b1 = 60, W2 = 1, b2 = μ − 60 gives s(x) = softplus(60 − x) + μ − 60 = μ − x + O(e^−40).
     * After 400 steps of α = 0.05 from N(0,1) starts, 20 000 particles have mean μ ± 3 standard errors
     * (standard error 1/√20000 plus the O(α) bias of ULA on a Gaussian, which leaves the mean exact).
     */
    @Test
    void samplesAGaussianThroughAnExactScore() {
        float mu = 2f;
        Params p = Params.of(Map.of(
                MlpSpec.weightName(0), Tensor.of(new float[] {-1f}, 1, 1),
                MlpSpec.biasName(0), Tensor.of(new float[] {60f}, 1),
                MlpSpec.weightName(1), Tensor.of(new float[] {1f}, 1, 1),
                MlpSpec.biasName(1), Tensor.of(new float[] {mu - 60f}, 1)));
        FusedMlp net = FusedMlp.of(MlpSpec.scoreNet(1, Activation.SOFTPLUS, 1), p);
        int n = 20_000;
        float[] x = fused(net, Draw.normal(Key.of(7), n), 0.05, 400, Key.of(8), 2);
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= n - 1;
        assertEquals(mu, mean, 3 / Math.sqrt(n));
        // ULA on N(μ,1) converges to variance 1/(1 − α/2) = 1.0256; its standard error is about √(2/n) = 0.01.
        assertEquals(1 / (1 - 0.025), var, 0.04);
    }

    @Test
    void rejectsBadArguments() {
        FusedMlp net = randomNet(2, 8);
        assertThrows(IllegalArgumentException.class, () -> fused(net, new float[4], 0, 1, Key.of(1), 1));
        assertThrows(IllegalArgumentException.class, () -> fused(net, new float[5], 0.1, 1, Key.of(1), 1));
        assertThrows(IllegalArgumentException.class, () -> fused(randomNet(3, 8), new float[4], 0.1, 1, Key.of(1), 1));
        assertTrue(Chain.FUSED_BLOCK % 2 == 0);
    }
}
