package io.score4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.density.GaussianMixture;
import io.score4j.density.Normal;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

/** MMD, energy distance, sliced W1, correlations and mode mass for D ≥ 2. */
class MultivariateTest {
    /** n points of N(shift·e₁, I_d), flat [n, d]. */
    static double[] gaussian(long seed, int n, int d, double shift) {
        double[] z = Draw.normalDouble(Key.of(seed), n * d);
        for (int i = 0; i < n; i++) {
            z[i * d] += shift;
        }
        return z;
    }

    @Test
    void mmdIsNearZeroForOneDistributionAndClearlyPositiveForAShift() {
        int n = 1000;
        double[] a = gaussian(1, n, 2, 0);
        double[] b = gaussian(2, n, 2, 0);
        double[] c = gaussian(3, n, 2, 1);
        // kernel in [0,1] ⇒ under the null sd(MMD²_u) ≤ √(8/(n(n−1))) ≈ 0.0028; allow 5 sd
        double nullBound = 5 * Math.sqrt(8.0 / (n * (n - 1.0)));
        double same = Mmd.mmd2(a, b, 2, Key.of(9));
        assertTrue(Math.abs(same) < nullBound, "same " + same);
        double shifted = Mmd.mmd2(a, c, 2, Key.of(9));
        assertTrue(shifted > 3 * nullBound, "shifted " + shifted);
        assertEquals(same, Mmd.mmd2(a, b, 2, Key.of(9))); // same key, same bits
    }

    @Test
    void mmdSubsamplesToTheCapWithItsKey() {
        double[] a = gaussian(4, 3000, 2, 0);
        double[] b = gaussian(5, 3000, 2, 0);
        double h = Mmd.medianBandwidth(a, b, 2, Key.of(1));
        // median distance between two N(0, I₂) points: ‖X − X'‖ = √2·Rayleigh, median √2·√(2 ln 2) = 1.665
        assertEquals(1.665, h, 0.1);
        double capped = Mmd.mmd2(a, b, 2, h, 500, Key.of(2));
        assertNotEquals(capped, Mmd.mmd2(a, b, 2, h, 500, Key.of(3)));
        assertTrue(Math.abs(capped) < 5 * Math.sqrt(8.0 / (500 * 499.0)));
    }

    @Test
    void energyDistanceIsTwiceTheSquaredCdfGapIn1d() {
        double[] a = {0.3, -1.2, 2.5, 0.0};
        double[] b = {1.0, -0.5, 0.7};
        // 2∫(F_a − F_b)² by the merged step functions
        double[] pts = {-1.2, -0.5, 0.0, 0.3, 0.7, 1.0, 2.5};
        double integral = 0;
        for (int k = 0; k + 1 < pts.length; k++) {
            double fa = count(a, pts[k]) / 4.0;
            double fb = count(b, pts[k]) / 3.0;
            integral += (fa - fb) * (fa - fb) * (pts[k + 1] - pts[k]);
        }
        assertEquals(2 * integral, EnergyDistance.energy(a, b, 1, Key.of(1)), 1e-12);
    }

    private static int count(double[] x, double t) {
        int c = 0;
        for (double v : x) {
            if (v <= t) {
                c++;
            }
        }
        return c;
    }

    @Test
    void energyDistanceSeparatesSameFromShifted() {
        int n = 1000;
        double[] a = gaussian(6, n, 2, 0);
        double[] b = gaussian(7, n, 2, 0);
        double[] c = gaussian(8, n, 2, 1);
        // null: E = (2/n)·E‖X − X'‖ = (2/n)·√π ≈ 0.0035, and its sd is O(1/n) (≤ 0.012 by bounding the
        // degenerate kernel's second moment by 64); allow mean + 5 sd
        double nullBound = 2 * Math.sqrt(Math.PI) / n + 5 * 0.012;
        double same = EnergyDistance.energy(a, b, 2, Key.of(1));
        assertTrue(same >= 0 && same < nullBound, "same " + same);
        assertTrue(EnergyDistance.energy(a, c, 2, Key.of(1)) > 3 * nullBound);
    }

    @Test
    void energyDistanceOfAShiftMatchesTheClosedFormIn1d() {
        // X ~ N(0,1), Y ~ N(μ,1): ℰ = 2E|N(μ,2)| − 2·(2/√π); E|N(μ, s²)| = s√(2/π)e^{−μ²/2s²} + μ(1 − 2Φ(−μ/s))
        double mu = 1;
        double s = Math.sqrt(2);
        double cross = s * Math.sqrt(2 / Math.PI) * Math.exp(-mu * mu / (2 * s * s)) + mu * (1 - 2 * Normal.cdf(-mu / s));
        double expect = 2 * cross - 4 / Math.sqrt(Math.PI);
        double got = EnergyDistance.energy(gaussian(9, 2000, 1, 0), gaussian(10, 2000, 1, mu), 1, Key.of(1));
        // ℰ_n − ℰ = 4∫Δ·(F − G) + 2∫Δ², Δ = (F_n − F) − (G_m − G). The linear term is a mean of
        // g(X_i) = ∫(1{X_i ≤ x} − F)(F − G)dx (and likewise for Y), Lipschitz with constant
        // sup|F − G| = 0.383, so Var g ≤ 0.147 (Gaussian Poincaré) and sd ≤ 4√(2·0.147/2000) = 0.049;
        // E[2∫Δ²] = 2(1/n + 1/m)/√π ≈ 0.001. Tolerance 4 sd ≈ 0.2.
        assertEquals(expect, got, 0.2);
    }

    @Test
    void slicedWassersteinOfATranslateIsTheMeanProjectedShift() {
        int n = 2000;
        double[] a = gaussian(11, n, 2, 0);
        double[] b = a.clone();
        double shift = 1.5;
        for (int i = 0; i < n; i++) {
            b[2 * i] += shift;
        }
        int p = 200;
        double sw = Wasserstein.sliced(a, b, 2, p, Key.of(3));
        // exact per direction: W1 = shift·|θ₁|; averaged over θ uniform on the circle E|cos φ| = 2/π,
        // sd(|cos φ|) = √(½ − 4/π²) = 0.308, so the P-average is within 5·0.308/√P of 2/π
        assertEquals(shift * 2 / Math.PI, sw, 5 * shift * 0.308 / Math.sqrt(p));
        assertEquals(0.0, Wasserstein.sliced(a, a, 2, 10, Key.of(3)));
        double[] c = gaussian(12, n, 2, 0);
        assertTrue(Wasserstein.sliced(a, c, 2, 50, Key.of(4)) < 0.1); // ≈ 1.29/√n·√2 ≈ 0.04 expected
    }

    @Test
    void correlationDifferenceOfPerfectlyOppositeColumns() {
        double[] x = Draw.normalDouble(Key.of(13), 100);
        double[] same = new double[200];
        double[] opposite = new double[200];
        for (int i = 0; i < 100; i++) {
            same[2 * i] = x[i];
            same[2 * i + 1] = 3 * x[i] + 1;
            opposite[2 * i] = x[i];
            opposite[2 * i + 1] = -x[i];
        }
        ColumnStats.CorrelationDifference diff = ColumnStats.correlationDifference(same, opposite, 2);
        assertEquals(2.0, diff.maxAbs(), 1e-12);
        assertEquals(Math.sqrt(8), diff.frobenius(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1}, ColumnStats.correlation(same, 2), 1e-12);
        // a constant column: correlation 0 off the diagonal
        assertArrayEquals(new double[] {1, 0, 0, 1}, ColumnStats.correlation(new double[] {1, 5, 2, 5, 3, 5}, 2));
    }

    @Test
    void meansStdsAndFiniteRows() {
        double[] v = {1, 10, 3, 30};
        assertArrayEquals(new double[] {2, 20}, ColumnStats.means(v, 2));
        assertArrayEquals(new double[] {1, 10}, ColumnStats.stds(v, 2));
        double[] bad = {1, 2, Double.NaN, 4, 5, Double.POSITIVE_INFINITY, 7, 8};
        assertEquals(2, ColumnStats.nonFiniteRows(bad, 2));
        assertArrayEquals(new double[] {1, 2, 7, 8}, ColumnStats.finiteRows(bad, 2));
    }

    @Test
    void massPerComponentRecoversWeights() {
        GaussianMixture g = new GaussianMixture(new double[] {0.1, 0.6, 0.3},
                new double[][] {{-8, 0}, {0, 8}, {8, 0}}, new double[][] {{1, 1}, {1, 1}, {1, 1}});
        int n = 10000;
        double[] z = Draw.normalDouble(Key.of(14), 2 * n);
        Key pick = Key.of(15);
        for (int i = 0; i < n; i++) {
            double u = pick.uniform(i);
            int c = u < 0.1 ? 0 : u < 0.7 ? 1 : 2;
            z[2 * i] += g.mean(c, 0);
            z[2 * i + 1] += g.mean(c, 1);
        }
        double[] mass = ModeMass.perComponent(z, g);
        for (int c = 0; c < 3; c++) {
            double w = g.weight(c);
            // binomial SE √(w(1−w)/n); means ≥ 8√2 apart so misassignment is < 1e-8
            assertEquals(w, mass[c], 5 * Math.sqrt(w * (1 - w) / n));
        }
    }
}
