package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LangevinTest {

    /** Exact score of N(μ, σ²I): s(x) = −(x − μ)/σ², μ_j = mu[j]. */
    static ScoreFn gaussianScore(double[] mu, double sigma) {
        double inv = 1 / (sigma * sigma);
        return (x, offset, rows, d, out) -> {
            for (int k = offset * d; k < (offset + rows) * d; k++) {
                out[k] = (float) (-(x[k] - mu[k % d]) * inv);
            }
        };
    }

    /**
     * ULA on N(μ, σ²) is the AR(1) chain x − μ ← ρ(x − μ) + √(2α) z with ρ = 1 − α/σ², whose stationary
     * variance is V = 2α/(1 − ρ²) = σ²/(1 − α/(2σ²)). With σ = 1.5, α = 0.2: ρ = 0.911, V = 2.3547 (σ² = 2.25).
     * From x = 0 after 300 steps the remaining bias is ρ^300·|μ| ≈ 1e-12 (mean) and ρ^600·V (variance):
     * nil. The n = 20000 particles are independent, and at stationarity so are the d = 2 coordinates, so
     * the N = 40000 centred coordinates are i.i.d. N(0, V): SE(mean) = √(V/N) = 0.0077,
     * SE(var) = V·√(2/(N−1)) = 0.0167. The ULA bias V − σ² = 0.105 is 6.3 SE, so the variance test
     * tells the biased stationary law from the target.
     */
    @Test
    void stationaryVarianceMatchesUlaFormula() {
        double[] mu = {2.0, -1.0};
        double sigma = 1.5, alpha = 0.2;
        int n = 20000, d = 2;
        SamplingResult r = Langevin.sample(gaussianScore(mu, sigma), new float[n * d], d,
                new LangevinConfig(alpha, 300, 0, Parallelism.of(2)), Key.of(42));
        double[] x = r.samples().toDoubleArray();
        double mean = 0, sq = 0;
        for (int k = 0; k < x.length; k++) {
            double c = x[k] - mu[k % d];
            mean += c;
            sq += c * c;
        }
        int N = x.length;
        mean /= N;
        double var = (sq - N * mean * mean) / (N - 1);
        double v = sigma * sigma / (1 - alpha / (2 * sigma * sigma));
        assertEquals(0, mean, 3 * Math.sqrt(v / N), "mean offset");
        assertEquals(v, var, 3 * v * Math.sqrt(2.0 / (N - 1)), "stationary variance (sigma^2 = " + sigma * sigma + ")");
    }

    /** n·d odd and blocks starting at odd flat indices exercise the Box–Muller pair seams. */
    @Test
    void bitsDoNotDependOnThreadCount() {
        int n = 1001, d = 3;
        float[] start = Draw.uniform(Key.of(1), n * d, -3, 3);
        ScoreFn score = gaussianScore(new double[] {0.5, -0.5, 1}, 0.8);
        SamplingResult one = Langevin.sample(score, start, d, new LangevinConfig(0.05, 70, 9, Parallelism.single()), Key.of(7));
        for (int threads : new int[] {2, 3}) {
            SamplingResult many = Langevin.sample(score, start, d, new LangevinConfig(0.05, 70, 9, Parallelism.of(threads)), Key.of(7));
            assertTrue(one.samples().bitEquals(many.samples()), threads + " threads");
            assertEquals(one.history().size(), many.history().size());
            for (int h = 0; h < one.history().size(); h++) {
                assertTrue(one.history().get(h).bitEquals(many.history().get(h)), "history " + h);
            }
        }
    }

    @Test
    void sameKeySameBitsOtherKeyOtherBits() {
        int n = 500, d = 2;
        float[] start = new float[n * d];
        ScoreFn score = gaussianScore(new double[] {0, 0}, 1);
        LangevinConfig c = new LangevinConfig(0.1, 20, 0, Parallelism.of(2));
        Tensor a = Langevin.sample(score, start, d, c, Key.of(3)).samples();
        Tensor b = Langevin.sample(score, start, d, c, Key.of(3)).samples();
        Tensor other = Langevin.sample(score, start, d, c, Key.of(4)).samples();
        assertTrue(a.bitEquals(b));
        int same = 0;
        for (int k = 0; k < a.size(); k++) {
            same += a.get(k) == other.get(k) ? 1 : 0;
        }
        assertEquals(0, same, "coordinates equal under a different key");
    }

    /** Snapshot h is the state after (h+1)·k steps: equal to a run stopped there, with the same key. */
    @Test
    void historyIsThinnedStates() {
        int n = 40, d = 2;
        float[] start = Draw.uniform(Key.of(5), n * d, -1, 1);
        float[] startCopy = start.clone();
        ScoreFn score = gaussianScore(new double[] {1, 1}, 2);
        List<Integer> progress = new ArrayList<>();
        SamplingResult r = Langevin.sample(score, start, d, new LangevinConfig(0.1, 100, 30, Parallelism.single()), Key.of(6), progress::add);
        assertEquals(3, r.history().size(), "snapshots after steps 30, 60, 90");
        Tensor at60 = Langevin.sample(score, start, d, LangevinConfig.of(0.1, 60), Key.of(6)).samples();
        assertTrue(r.history().get(1).bitEquals(at60));
        assertArrayEquals(startCopy, start, "start must not be modified");
        assertEquals(100, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "progress increases: " + progress);
        }
    }

    @Test
    void noiseMatchesDrawNormalAtOnEveryOffset() {
        Key key = Key.of(11);
        for (long from : new long[] {0, 1, 6, 7}) {
            for (int count : new int[] {0, 1, 2, 5}) {
                double[] out = new double[count + 2];
                Noise.normals(key, from, out, 1, count);
                assertEquals(0.0, out[0]);
                assertEquals(0.0, out[count + 1]);
                for (int m = 0; m < count; m++) {
                    assertEquals(Draw.normalAt(key, from + m), out[1 + m], 0.0, "from " + from + " m " + m);
                }
            }
        }
    }

    @Test
    void zeroStepsReturnsTheStart() {
        float[] start = {1, 2, 3, 4};
        SamplingResult r = Langevin.sample(gaussianScore(new double[] {0, 0}, 1), start, 2, LangevinConfig.of(0.1, 0), Key.of(1));
        assertArrayEquals(start, r.samples().toFloatArray());
        assertTrue(r.history().isEmpty());
    }

    @Test
    void invalidInputsAreRejectedByName() {
        assertMessage("stepSize", () -> new LangevinConfig(0, 10, 0, Parallelism.single()));
        assertMessage("steps", () -> new LangevinConfig(0.1, -1, 0, Parallelism.single()));
        assertMessage("thinning", () -> new LangevinConfig(0.1, 1, -2, Parallelism.single()));
        assertThrows(NullPointerException.class, () -> new LangevinConfig(0.1, 1, 0, null));
        ScoreFn s = gaussianScore(new double[] {0, 0}, 1);
        assertMessage("multiple of d=2", () -> Langevin.sample(s, new float[3], 2, LangevinConfig.of(0.1, 1), Key.of(1)));
        assertMessage("start[1]", () -> Langevin.sample(s, new float[] {0, Float.NaN}, 2, LangevinConfig.of(0.1, 1), Key.of(1)));
    }

    static void assertMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
