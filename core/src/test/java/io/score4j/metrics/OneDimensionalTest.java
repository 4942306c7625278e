package io.score4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.density.GaussianMixture;
import io.score4j.density.Normal;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** KS, W1 and mode mass in one dimension: exact small cases, then sampling bounds. */
class OneDimensionalTest {
    private static final DoubleUnaryOperator UNIFORM01 = x -> Math.max(0, Math.min(1, x));

    static double[] normals(long seed, int n, double shift) {
        double[] z = Draw.normalDouble(Key.of(seed), n);
        for (int i = 0; i < n; i++) {
            z[i] += shift;
        }
        return z;
    }

    @Test
    void ksExactSmallCases() {
        assertEquals(0.5, KolmogorovSmirnov.distance(new double[] {0.5}, UNIFORM01), 1e-15);
        // sorted 0.1, 0.6: gaps i/n − F = 0.4, −0.1; F − (i−1)/n = 0.1, 0.1
        assertEquals(0.4, KolmogorovSmirnov.distance(new double[] {0.6, 0.1}, UNIFORM01), 1e-15);
        assertEquals(1.0, KolmogorovSmirnov.twoSample(new double[] {0, 1}, new double[] {2, 3}));
        assertEquals(0.5, KolmogorovSmirnov.twoSample(new double[] {0, 2}, new double[] {1, 3}));
        assertEquals(0.0, KolmogorovSmirnov.twoSample(new double[] {1, 1, 2}, new double[] {2, 1, 1}));
        // ties across samples: at 1 both CDFs jump, sup is after the tie: |1/2 − 1/1| = 0.5
        assertEquals(0.5, KolmogorovSmirnov.twoSample(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.twoSample(new double[] {Double.NaN}, new double[] {1}));
    }

    @Test
    void ksOfTrueSamplesIsBelowTheCriticalValueAndOfShiftedSamplesAbove() {
        GaussianMixture seed = new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-2}, {2}},
                new double[][] {{1}, {1}});
        int n = 20000;
        double[] z = normals(1, n, 0);
        Key pick = Key.of(2);
        for (int i = 0; i < n; i++) {
            z[i] += pick.uniform(i) < 0.5 ? -2 : 2;
        }
        double d = KolmogorovSmirnov.distance(z, seed::cdf);
        // P(D_n > 1.63/√n) ≈ 0.01 under the null (1.63 = c(0.01)); the seed is fixed
        assertTrue(d < KolmogorovSmirnov.critical(n, 0.01), "D=" + d);
        assertEquals(1.358, KolmogorovSmirnov.critical(1, 0.05), 1e-3);
        double[] shifted = z.clone();
        for (int i = 0; i < n; i++) {
            shifted[i] += 0.3;
        }
        // a 0.3 shift moves the CDF by ≈ 0.3·p(0)·… ≈ 0.05 ≫ 0.0115
        assertTrue(KolmogorovSmirnov.distance(shifted, seed::cdf) > 3 * KolmogorovSmirnov.critical(n, 0.01));
    }

    @Test
    void twoSampleKsSeparatesSameFromShifted() {
        double[] a = normals(3, 4000, 0);
        double[] b = normals(4, 3000, 0);
        double[] c = normals(5, 3000, 0.5);
        double crit = KolmogorovSmirnov.criticalTwoSample(4000, 3000, 0.01);
        assertTrue(KolmogorovSmirnov.twoSample(a, b) < crit);
        // Φ(0.25) − Φ(−0.25) ≈ 0.197 is the population KS of a 0.5 shift
        assertEquals(0.197, KolmogorovSmirnov.twoSample(a, c), crit);
        double[] ab = interleave(a, 1000, b, 1000);
        double[] ac = interleave(a, 1000, c, 1000);
        double[] perCol = KolmogorovSmirnov.perColumn(ab, ac, 2);
        assertEquals(0.0, perCol[0]);
        assertEquals(KolmogorovSmirnov.twoSample(Arrays.copyOf(b, 1000), Arrays.copyOf(c, 1000)), perCol[1]);
    }

    static double[] interleave(double[] x, int n, double[] y, int m) {
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = x[i];
            out[2 * i + 1] = y[i];
        }
        return out;
    }

    @Test
    void w1ExactSmallCases() {
        assertEquals(1.0, Wasserstein.w1(new double[] {0}, new double[] {1}), 1e-15);
        assertEquals(2.5, Wasserstein.w1(new double[] {0, 1}, new double[] {2, 4}), 1e-15); // (2 + 3)/2
        // unequal sizes: {0} vs {0, 2}: |1 − ½| on [0, 2] = 1
        assertEquals(1.0, Wasserstein.w1(new double[] {0}, new double[] {2, 0}), 1e-15);
        double[] a = normals(6, 1000, 0);
        double[] shifted = a.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.7;
        }
        assertEquals(0.7, Wasserstein.w1(a, shifted), 1e-12); // a translate is at W1 = |shift|
        assertEquals(0.0, Wasserstein.w1(a, a));
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(0.0, Wasserstein.w1(new double[] {-inf, 1}, new double[] {1, -inf}));
        assertEquals(inf, Wasserstein.w1(new double[] {-inf, 1}, new double[] {1, 2}));
    }

    @Test
    void w1ToCdfMatchesClosedForms() {
        // one atom at 0 vs U[0,1]: ∫_0^1 (1 − x) dx = ½; the kink of this F at 1 falls inside a
        // Gauss–Legendre piece of width ≈ 1/256, where the rule is only O(width²) ≈ 1e-5·(jump in F') exact
        assertEquals(0.5, Wasserstein.w1ToCdf(new double[] {0}, UNIFORM01), 1e-7);
        // one atom at c vs N(0,1): E|Z − c| = 2φ(c) + c(2Φ(c) − 1)
        for (double c : new double[] {0, 0.3, -1.7, 4}) {
            double expect = 2 * Normal.pdf(c) + c * (2 * Normal.cdf(c) - 1);
            assertEquals(expect, Wasserstein.w1ToCdf(new double[] {c}, Normal::cdf), 1e-10, "c=" + c);
        }
        // atoms {−1, 1} vs N(0,1): by symmetry twice ∫_0^1 |½ − Φ| + ∫_1^∞ (1 − Φ)... checked against
        // the two-sample W1 to a fine quantile grid of N(0,1), whose own error is ≤ 1e-4
        int q = 200000;
        double[] quantiles = new double[q];
        for (int i = 0; i < q; i++) {
            quantiles[i] = inverseNormal((i + 0.5) / q);
        }
        assertEquals(Wasserstein.w1(new double[] {-1, 1}, quantiles),
                Wasserstein.w1ToCdf(new double[] {-1, 1}, Normal::cdf), 1e-4);
    }

    @Test
    void w1OfTrueSamplesIsSmall() {
        int n = 20000;
        double[] z = normals(7, n, 0);
        double w = Wasserstein.w1ToCdf(z, Normal::cdf);
        // √n·W1 → ∫|B(Φ(x))|dx (B a Brownian bridge): mean √(2/π)∫√(Φ(1−Φ)) = 1.29 and, by
        // Cauchy–Schwarz, E[(∫|B|)²] ≤ (∫√(Φ(1−Φ)))² = 2.61, so sd ≤ 0.97: mean + 4 sd = 5.2/√n
        double bound = 5.2 / Math.sqrt(n);
        assertTrue(w < bound, "W1=" + w);
        // triangle inequality: |W1(F_n, Φ) − 0.5| ≤ W1(F_n, Φ(· − 0.5)), the same statistic
        assertEquals(0.5, Wasserstein.w1ToCdf(normals(7, n, 0.5), Normal::cdf), bound);
    }

    @Test
    void modeMassCountsSides() {
        assertEquals(0.5, ModeMass.fractionPositive(new double[] {-1, 0, 1, 2}));
        assertEquals(0.0, ModeMass.fractionPositive(new double[] {Double.NaN}));
        assertArrayEquals(new double[] {0.25, 0.75}, ModeMass.splitAt(new double[] {-1, 0, 1, 2}, 0));
        assertArrayEquals(new double[] {0.5, 0.25}, ModeMass.splitAt(new double[] {-1, -2, 1, Double.NaN}, 0));
    }

    /** Φ⁻¹ by bisection on Normal.cdf (test-only; 100 halvings reach double resolution). */
    static double inverseNormal(double p) {
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (Normal.cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
