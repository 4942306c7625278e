package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Conditional sampling through {@link Given}: the wrappers' mechanics, and the exact-score conditional of a
 * two-component 2-D mixture against its closed form.
 *
 * <p>The closed form. For a mixture of diagonal Gaussians Σ_k w_k N(μ_k, diag σ_k²), fixing x₀ = v leaves
 * p(x₁ | x₀ = v) = Σ_k π_k N(x₁; μ_k1, σ_k1²) with π_k ∝ w_k N(v; μ_k0, σ_k0²): the components reweighted by how
 * well they explain v. Its mean is Σ π_k μ_k1 and its variance Σ π_k (σ_k1² + μ_k1²) − mean².
 */
final class GivenTest {
    /** Components that overlap in x₁, so a chain mixes between them in a few time units; x₀ = 0.2 favours the second. */
    static final GaussianMixture MIX = new GaussianMixture(new double[] {0.6, 0.4},
            new double[][] {{-1.5, -0.5}, {1.0, 1.2}}, new double[][] {{0.6, 0.7}, {0.8, 1.0}});
    static final double GIVEN = 0.2;

    /** {mean, variance} of x₁ given x₀ = v under {@code mix}. */
    static double[] conditional(GaussianMixture mix, double v) {
        int k = mix.components();
        double[] pi = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            double z = (v - mix.mean(c, 0)) / mix.std(c, 0);
            pi[c] = mix.weight(c) * Math.exp(-0.5 * z * z) / mix.std(c, 0);
            total += pi[c];
        }
        double mean = 0;
        double second = 0;
        for (int c = 0; c < k; c++) {
            pi[c] /= total;
            mean += pi[c] * mix.mean(c, 1);
            second += pi[c] * (mix.std(c, 1) * mix.std(c, 1) + mix.mean(c, 1) * mix.mean(c, 1));
        }
        return new double[] {mean, second - mean * mean};
    }

    /** {mean, variance, SE(mean), SE(variance)} of column j of [n, d] samples (SE(var) = √((m₄ − s⁴)/n)). */
    static double[] moments(double[] x, int d, int j) {
        int n = x.length / d;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i * d + j];
        }
        mean /= n;
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < n; i++) {
            double c = x[i * d + j] - mean;
            m2 += c * c;
            m4 += c * c * c * c;
        }
        m2 /= n;
        m4 /= n;
        return new double[] {mean, m2, Math.sqrt(m2 / n), Math.sqrt((m4 - m2 * m2) / n)};
    }

    /**
     * MALA (exact for every α) on the clamped density: n = 4000 independent chains of 2000 steps at α = 0.1
     * (200 time units against a conditional variance near 1), so the final x₁ are i.i.d. draws of the
     * conditional; mean and variance must lie within 3 standard errors of the closed form, which is far
     * (> 10 SE) from the unconditional marginal of x₁. Given x₀ comes back exactly.
     */
    @Test
    void malaDrawsTheClosedFormConditionalOfAMixture() {
        Given given = Given.of(2, new int[] {0}, new double[] {GIVEN});
        int n = 4000;
        double[] start = new double[n * 2];
        float[] u = Draw.uniform(Key.of(1), n * 2, 0, 1);
        for (int k = 0; k < start.length; k++) {
            start[k] = u[k];
        }
        double[] x = Mala.sample(given.density(MIX), start, new MalaConfig(0.1, 2000, Parallelism.of(2)), Key.of(2)).samples().toDoubleArray();
        given.fix(x);
        assertMatchesConditional(x, "mala");
    }

    /**
     * Unadjusted Langevin on the clamped score: its step-size bias at α = 0.01 is a variance factor of about
     * 1/(1 − α/(2σ²)), under 1 % here, well inside 3 SE (≈ 7 % of the variance at n = 4000).
     */
    @Test
    void langevinDrawsTheClosedFormConditionalOfAMixture() {
        Given given = Given.of(2, new int[] {0}, new double[] {GIVEN});
        int n = 4000;
        float[] start = SamplerDefaults.start(Key.of(3), n, 2);
        float[] out = Langevin.sample(given.chain(Chain.generic(ScoreFn.of(MIX))), start, 2,
                new LangevinConfig(0.01, 3000, 0, Parallelism.of(2)), Key.of(4), null).samples().data32();
        double[] x = new double[out.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = out[k];
        }
        given.fix(x);
        assertMatchesConditional(x, "langevin");
    }

    private static void assertMatchesConditional(double[] x, String name) {
        double[] exact = conditional(MIX, GIVEN);
        double[] m = moments(x, 2, 1);
        for (int i = 0; i < x.length; i += 2) {
            assertEquals(GIVEN, x[i], 0.0, name + ": given coordinate must come back exactly");
        }
        assertEquals(exact[0], m[0], 3 * m[2], name + ": conditional mean (SE " + m[2] + ")");
        assertEquals(exact[1], m[1], 3 * m[3], name + ": conditional variance (SE " + m[3] + ")");
        double marginalMean = MIX.mixtureMean()[1];
        assertTrue(Math.abs(marginalMean - exact[0]) > 10 * m[2], "the test must tell the conditional from the marginal");
    }

    @Test
    void theWrappedScoreIsTheJointScoreAtTheGivenValuesInTheFreeCoordinates() {
        Given given = Given.of(3, new int[] {1}, new double[] {0.75});
        ScoreFn joint = (x, offset, rows, d, out) -> {
            for (int r = offset; r < offset + rows; r++) {
                for (int j = 0; j < d; j++) {
                    out[r * d + j] = 10 * j + x[r * d + 0] + 100 * x[r * d + 1];
                }
            }
        };
        float[] x = {1, 5, 2, 3, -7, 4};
        float[] out = new float[x.length];
        given.score(joint).score(x, 1, 1, 3, out);
        assertArrayEquals(new float[] {0, 0, 0, 3 + 75, 0, 20 + 3 + 75}, out, 0f);
        assertEquals(x[4], -7f, "x is only read");
    }

    @Test
    void perRowMasksSkipCompleteRowsAndFixWritesExactValues() {
        boolean[] mask = {true, false, true, true, false, false};
        double[] values = {0.1, 0, 0.3, 0.4, 0, 0};
        Given given = new Given(2, mask, values);
        AtomicInteger rowsScored = new AtomicInteger();
        ScoreFn joint = (x, offset, rows, d, out) -> {
            rowsScored.addAndGet(rows);
            for (int k = offset * d; k < (offset + rows) * d; k++) {
                out[k] = x[k] + 1;
            }
        };
        float[] x = {9, 9, 9, 9, 9, 9};
        float[] out = new float[6];
        given.score(joint).score(x, 0, 3, 2, out);
        assertEquals(2, rowsScored.get(), "the complete row is not scored");
        assertArrayEquals(new float[] {0, 10, 0, 0, 10, 10}, out, 0f);
        double[] fixed = {9, 9, 9, 9, 9, 9};
        given.fix(fixed);
        assertArrayEquals(new double[] {0.1, 9, 0.3, 0.4, 9, 9}, fixed, 0.0);
        assertThrows(IllegalArgumentException.class, () -> given.fix(new double[8]));
        assertThrows(IllegalArgumentException.class, () -> given.density(MIX));
    }

    @Test
    void nothingGivenReturnsTheJointUnchanged() {
        ScoreFn joint = ScoreFn.of(MIX);
        Chain chain = Chain.generic(joint);
        Given none = Given.none(2);
        assertTrue(none.isEmpty());
        assertEquals(joint, none.score(joint));
        assertEquals(chain, none.chain(chain));
        assertEquals(MIX, none.density(MIX));
    }

    @Test
    void invalidMasksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Given(2, new boolean[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Given(2, new boolean[] {true, false}, new double[] {Double.NaN, 0}));
        assertThrows(IllegalArgumentException.class, () -> Given.of(2, new int[] {0, 0}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Given.of(2, new int[] {2}, new double[] {1}));
    }
}
