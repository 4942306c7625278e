package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.density.Density;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnealedLangevinTest {
    static final double[] W = {0.8, 0.2};
    static final double[] M = {5, -5};

    /**
     * Exact score of the σ-perturbed 1-D mixture 0.8·N(5, 1) + 0.2·N(−5, 1): components N(μ_k, v),
     * v = 1 + σ²; s(x) = Σ r_k(x)·(μ_k − x)/v with responsibilities r_k ∝ w_k·exp(−(x − μ_k)²/(2v))
     * (normalised after subtracting the max exponent, so no underflow far from a mode).
     */
    static final NoiseConditionalScoreFn MIXTURE = (x, offset, rows, d, sigma, out) -> {
        double v = 1 + sigma * sigma;
        for (int k = offset * d; k < (offset + rows) * d; k++) {
            double a = Math.log(W[0]) - (x[k] - M[0]) * (x[k] - M[0]) / (2 * v);
            double b = Math.log(W[1]) - (x[k] - M[1]) * (x[k] - M[1]) / (2 * v);
            double top = Math.max(a, b);
            double ra = Math.exp(a - top), rb = Math.exp(b - top);
            out[k] = (float) ((ra * (M[0] - x[k]) + rb * (M[1] - x[k])) / (v * (ra + rb)));
        }
    };

    static double heavyMass(Tensor samples) {
        int right = 0;
        for (int k = 0; k < samples.size(); k++) {
            right += samples.get(k) > 0 ? 1 : 0;
        }
        return (double) right / samples.size();
    }

    /**
     * 10 geometric levels from σ = 20 to 1, T = 100 each, ε = 0.1, n = 10000 from U[−8, 8].
     * Why ε = 0.1: on level i a component of the perturbed mixture has variance v_i = 1 + σ_i², and
     * α_i/v_i = 0.1·σ_i²/(1 + σ_i²) ∈ [0.05, 0.1), so 100 steps shrink a transient by ≤ 0.95^100 ≈ 0.006
     * (each level equilibrates), while ULA's variance inflation 1/(1 − α_i/(2v_i)) stays ≤ 1.053.
     * (ε = 0.01 under-mixes within T = 100: it left 0.73 on the heavy mode.) Measured: 0.792. Sampling
     * error: SE = √(0.8·0.2/n) = 0.004, so the ±0.05 window is 12 SE; the rest is room for ULA bias.
     *
     * <p>Plain Langevin with the unperturbed score cannot move mass between modes: the separatrix of the
     * score flow is x* = −ln 4 / 10 ≈ −0.14 (where the two weighted components are equal), and crossing the
     * ≈ 12-nat barrier in 1000 steps essentially never happens, so the heavy-mode mass stays the fraction of
     * starts right of x*, ≈ 0.51 (measured 0.505 vs 0.503 of the starts). We assert that it is far from 0.8
     * and within 0.03 of that start fraction (allowing for particles that start near the saddle).
     */
    @Test
    void annealedRecoversMixtureWeightsWherePlainLangevinDoesNot() {
        int n = 10000;
        float[] start = Draw.uniform(Key.of(1), n, -8, 8);
        var config = new AnnealedLangevinConfig(NoiseLadder.geometric(20, 1, 10), 0.1, 100, 0, Parallelism.of(2));
        double annealed = heavyMass(AnnealedLangevin.sample(MIXTURE, start, 1, config, Key.of(2)).samples());
        assertEquals(0.8, annealed, 0.05, "annealed heavy-mode mass");

        double plain = heavyMass(Langevin.sample(MIXTURE.at(0), start, 1, new LangevinConfig(0.1, 1000, 0, Parallelism.of(2)),
                Key.of(3)).samples());
        double saddle = -Math.log(4) / 10;
        int rightOfSaddle = 0;
        for (float s : start) {
            rightOfSaddle += s > saddle ? 1 : 0;
        }
        double startFraction = (double) rightOfSaddle / n;
        assertTrue(plain < 0.7, "plain Langevin heavy-mode mass " + plain + " should stay far from 0.8");
        assertEquals(startFraction, plain, 0.03, "plain Langevin heavy-mode mass " + plain
                + " should be the start fraction right of the separatrix, " + startFraction);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        float[] start = Draw.uniform(Key.of(4), 333, -8, 8);
        List<Integer> progress = new ArrayList<>();
        var c1 = new AnnealedLangevinConfig(NoiseLadder.geometric(10, 1, 4), 0.1, 25, 10, Parallelism.single());
        var c3 = new AnnealedLangevinConfig(NoiseLadder.geometric(10, 1, 4), 0.1, 25, 10, Parallelism.of(3));
        SamplingResult a = AnnealedLangevin.sample(MIXTURE, start, 1, c1, Key.of(5), progress::add);
        SamplingResult b = AnnealedLangevin.sample(MIXTURE, start, 1, c3, Key.of(5));
        SamplingResult other = AnnealedLangevin.sample(MIXTURE, start, 1, c3, Key.of(6));
        assertTrue(a.samples().bitEquals(b.samples()));
        assertEquals(10, a.history().size(), "100 steps thinned by 10");
        for (int h = 0; h < a.history().size(); h++) {
            assertTrue(a.history().get(h).bitEquals(b.history().get(h)), "history " + h);
        }
        assertTrue(!a.samples().bitEquals(other.samples()));
        assertEquals(100, progress.get(progress.size() - 1));
    }

    /** The Density adapter gives the same bits as the inline score when both compute in double. */
    @Test
    void densityAdapterMatchesInlineScore() {
        NoiseConditionalScoreFn viaDensity = NoiseConditionalScoreFn.of(sigma -> new Density() {
            @Override
            public int dim() {
                return 1;
            }

            @Override
            public double logDensity(double[] x, int off) {
                throw new UnsupportedOperationException("not needed by the sampler");
            }

            @Override
            public void score(double[] x, int off, double[] out, int outOff) {
                float[] xf = {(float) x[off]};
                float[] sf = new float[1];
                MIXTURE.score(xf, 0, 1, 1, sigma, sf);
                out[outOff] = sf[0];
            }
        });
        float[] x = Draw.uniform(Key.of(7), 50, -8, 8);
        float[] a = new float[50], b = new float[50];
        MIXTURE.score(x, 10, 30, 1, 2.5, a);
        viaDensity.score(x, 10, 30, 1, 2.5, b);
        assertArrayEquals(a, b);
        assertEquals(0f, b[9]);
        assertEquals(0f, b[40], "rows outside [offset, offset+rows) untouched");
    }

    @Test
    void configIsValidated() {
        NoiseLadder s = NoiseLadder.geometric(20, 1, 10);
        LangevinTest.assertMessage("epsilon", () -> new AnnealedLangevinConfig(s, 0, 1, 0, Parallelism.single()));
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> new AnnealedLangevinConfig(null, 0.1, 1, 0, Parallelism.single()));
    }
}
