package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.density.Density;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MalaTest {

    /** N(μ, σ²I) with log p = −‖x − μ‖²/(2σ²) (unnormalised) and score −(x − μ)/σ². */
    static Density gaussian(double[] mu, double sigma) {
        return new Density() {
            @Override
            public int dim() {
                return mu.length;
            }

            @Override
            public double logDensity(double[] x, int off) {
                double q = 0;
                for (int j = 0; j < mu.length; j++) {
                    double c = x[off + j] - mu[j];
                    q += c * c;
                }
                return -q / (2 * sigma * sigma);
            }

            @Override
            public void score(double[] x, int off, double[] out, int outOff) {
                for (int j = 0; j < mu.length; j++) {
                    out[outOff + j] = -(x[off + j] - mu[j]) / (sigma * sigma);
                }
            }
        };
    }

    /**
     * With α = 0.6σ², ULA would have variance σ²/(1 − 0.3) = 1.43σ²; MALA keeps N(μ, σ²) exactly invariant.
     * The accepted-proposal mean contracts x − μ by 0.4 per step, so 200 steps (even at 20–30 % rejection)
     * leave no trace of the start. n = 20000 independent chains × d = 2 coordinates, independent at
     * stationarity: N = 40000 i.i.d. N(0, σ²) values, SE(var) = σ²·√(2/(N−1)) = 0.0159 for σ² = 2.25,
     * SE(mean) = σ/√N = 0.0075. The ULA value would be 40 SE away.
     */
    @Test
    void exactVarianceWithoutStepSizeBias() {
        double[] mu = {2.0, -1.0};
        double sigma = 1.5;
        int n = 20000, d = 2;
        MalaResult r = Mala.sample(gaussian(mu, sigma), new double[n * d], new MalaConfig(0.6 * sigma * sigma, 200, Parallelism.of(2)),
                Key.of(21));
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
        double v = sigma * sigma;
        assertEquals(0, mean, 3 * Math.sqrt(v / N), "mean offset");
        assertEquals(v, var, 3 * v * Math.sqrt(2.0 / (N - 1)), "variance");
        // Sensible: well above the 0.574 that is optimal in high dimension, below 1 since α is large.
        assertTrue(r.acceptanceRate() > 0.6 && r.acceptanceRate() < 0.95, "acceptance " + r.acceptanceRate());
    }

    /** Smaller steps are accepted more often (the Metropolis correction vanishes as α → 0). */
    @Test
    void acceptanceFallsWithStepSize() {
        Density p = gaussian(new double[] {0, 0, 0}, 1);
        double[] start = Draw.normalDouble(Key.of(1), 3 * 2000);
        double small = Mala.sample(p, start, new MalaConfig(0.01, 50, Parallelism.single()), Key.of(2)).acceptanceRate();
        double large = Mala.sample(p, start, new MalaConfig(1.5, 50, Parallelism.single()), Key.of(2)).acceptanceRate();
        assertTrue(small > 0.99, "acceptance at alpha=0.01: " + small);
        assertTrue(large < small - 0.2, "acceptance at alpha=1.5: " + large + " vs " + small);
    }

    @Test
    void bitsDoNotDependOnThreadCountAndFollowTheKey() {
        Density p = gaussian(new double[] {1, 0, -1}, 0.7);
        double[] start = Draw.normalDouble(Key.of(3), 3 * 777);
        double[] copy = start.clone();
        MalaResult one = Mala.sample(p, start, new MalaConfig(0.3, 45, Parallelism.single()), Key.of(4));
        MalaResult three = Mala.sample(p, start, new MalaConfig(0.3, 45, Parallelism.of(3)), Key.of(4));
        MalaResult other = Mala.sample(p, start, new MalaConfig(0.3, 45, Parallelism.of(3)), Key.of(5));
        assertTrue(one.samples().bitEquals(three.samples()));
        assertEquals(one.acceptanceRate(), three.acceptanceRate());
        assertFalse(one.samples().bitEquals(other.samples()), "another key gives other bits");
        assertArrayEquals(copy, start, "start must not be modified");
    }

    @Test
    void invalidInputsAreRejectedByName() {
        LangevinTest.assertMessage("stepSize", () -> new MalaConfig(-1, 1, Parallelism.single()));
        LangevinTest.assertMessage("steps", () -> new MalaConfig(0.1, -1, Parallelism.single()));
        LangevinTest.assertMessage("acceptanceRate", () -> new MalaResult(Tensor.zeros(DType.F64, 1, 1), 1.5));
        LangevinTest.assertMessage("multiple of d=2",
                () -> Mala.sample(gaussian(new double[] {0, 0}, 1), new double[3], new MalaConfig(0.1, 1, Parallelism.single()), Key.of(1)));
    }
}
