package io.score4j.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    /** A 3-component, 2-D mixture with unequal weights and anisotropic stds. */
    static GaussianMixture threeIn2d() {
        return new GaussianMixture(new double[] {0.2, 0.5, 0.3},
                new double[][] {{-2, 1}, {0.5, -1}, {3, 2.5}},
                new double[][] {{0.7, 1.3}, {1.0, 0.4}, {2.0, 0.9}});
    }

    static GaussianMixture seedMixture() {
        return new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-2}, {2}}, new double[][] {{1}, {1}});
    }

    @Test
    void scoreEqualsCentralDifferenceOfLogDensity() {
        GaussianMixture g = threeIn2d();
        double[] pts = Draw.normalDouble(Key.of(1), 2 * 50);
        double h = 1e-5;
        double[] s = new double[2];
        for (int i = 0; i < 50; i++) {
            double[] x = {3 * pts[2 * i], 3 * pts[2 * i + 1]};
            g.score(x, 0, s, 0);
            for (int j = 0; j < 2; j++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                double fd = (g.logDensity(up, 0) - g.logDensity(down, 0)) / (2 * h);
                // truncation O(h² |∂³ log p|) ~ 1e-10, rounding ~ 1e-16·|log p| / h ~ 1e-10
                assertEquals(fd, s[j], 1e-7 * (1 + Math.abs(s[j])), "point " + i + " coord " + j);
            }
        }
    }

    @Test
    void singleGaussianScoreAndLogDensityAreClosedForms() {
        double[] mu = {1.5, -0.5, 2};
        double[] sd = {0.5, 2, 1.25};
        GaussianMixture g = GaussianMixture.single(mu, sd);
        double[] x = {0.3, 1.7, -1};
        double[] s = new double[3];
        g.score(x, 0, s, 0);
        double logp = 0;
        for (int j = 0; j < 3; j++) {
            assertEquals(-(x[j] - mu[j]) / (sd[j] * sd[j]), s[j], 1e-15);
            logp += Normal.logPdf((x[j] - mu[j]) / sd[j]) - Math.log(sd[j]);
        }
        assertEquals(logp, g.logDensity(x, 0), 1e-13);
    }

    @Test
    void logDensityIntegratesToOneIn1d() {
        GaussianMixture g = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-1}, {4}},
                new double[][] {{0.5}, {2}});
        double sum = 0;
        double step = 1e-3;
        for (double x = -20; x <= 30; x += step) {
            sum += Math.exp(g.logDensity(new double[] {x}, 0)) * step;
        }
        assertEquals(1.0, sum, 1e-6); // Riemann sum of a smooth density, error ≪ 1e-6 at this step
    }

    @Test
    void logDensityStaysFiniteFarInTheTails() {
        GaussianMixture g = seedMixture();
        double far = 1e3;
        double lp = g.logDensity(new double[] {far}, 0);
        // the right component dominates: log(½ φ(far − 2))
        assertEquals(Math.log(0.5) + Normal.logPdf(far - 2), lp, 1e-9 * Math.abs(lp));
        double[] s = new double[1];
        g.score(new double[] {far}, 0, s, 0);
        assertEquals(-(far - 2), s[0], 1e-9);
    }

    @Test
    void responsibilitiesSumToOneAndPickTheRightComponent() {
        GaussianMixture g = threeIn2d();
        double[] r = new double[3];
        g.responsibilities(new double[] {3, 2.5}, 0, r);
        assertEquals(1.0, r[0] + r[1] + r[2], 1e-15);
        assertEquals(2, g.mostResponsible(new double[] {3, 2.5}, 0));
        assertEquals(0, g.nearestMean(new double[] {-1.9, 0.8}, 0));
        assertArrayEquals(new int[] {0, 1, 2}, g.nearestMeans(new double[] {-2, 1, 0.5, -1, 3, 2.5}));
        assertArrayEquals(new int[] {0, 1, 2}, g.mostResponsible(new double[] {-2, 1, 0.5, -1, 3, 2.5}));
    }

    @Test
    void batchHelpersMatchPointwiseCalls() {
        GaussianMixture g = threeIn2d();
        double[] pts = Draw.normalDouble(Key.of(2), 20);
        double[] scores = g.scores(pts);
        double[] logs = g.logDensities(pts);
        double[] s = new double[2];
        for (int i = 0; i < 10; i++) {
            g.score(pts, 2 * i, s, 0);
            assertEquals(s[0], scores[2 * i]);
            assertEquals(s[1], scores[2 * i + 1]);
            assertEquals(g.logDensity(pts, 2 * i), logs[i]);
        }
        float[] f = new float[20];
        for (int i = 0; i < 20; i++) {
            f[i] = (float) pts[i];
        }
        float[] fs = g.scores(f);
        assertEquals(scores[3], fs[3], 1e-5 * (1 + Math.abs(scores[3])));
        assertThrows(IllegalArgumentException.class, () -> g.scores(new double[3]));
    }

    @Test
    void cdfIsMonotoneWithTheRightLimitsAndDerivative() {
        GaussianMixture g = seedMixture();
        assertEquals(0.5, g.cdf(0), 1e-15);
        assertEquals(0.0, g.cdf(-50), 1e-15);
        assertEquals(1.0, g.cdf(50), 1e-15);
        double h = 1e-5;
        for (double x = -6; x <= 6; x += 0.37) {
            double pdf = Math.exp(g.logDensity(new double[] {x}, 0));
            assertEquals(pdf, (g.cdf(x + h) - g.cdf(x - h)) / (2 * h), 1e-8);
            assertTrue(g.cdf(x + 0.37) >= g.cdf(x));
        }
        assertThrows(IllegalStateException.class, () -> threeIn2d().cdf(0));
    }

    @Test
    void marginalKeepsOneCoordinate() {
        GaussianMixture m = threeIn2d().marginal(1);
        assertEquals(1, m.dim());
        assertEquals(-1, m.mean(1, 0));
        assertEquals(0.4, m.std(1, 0));
        assertArrayEquals(threeIn2d().weights(), m.weights());
    }

    @Test
    void convolvedIsTheExactConvolutionWithGaussianNoise() {
        GaussianMixture g = new GaussianMixture(new double[] {0.25, 0.75}, new double[][] {{-1}, {2}},
                new double[][] {{0.3}, {0.8}});
        double sigma = 0.6;
        GaussianMixture c = g.convolved(sigma);
        assertEquals(Math.hypot(0.3, 0.6), c.std(0, 0), 1e-15);
        for (double x : new double[] {-2.5, -1, 0.4, 2, 3.7}) {
            // ∫ p(y) N(x − y; 0, σ²) dy by a Riemann sum on a fine grid (smooth integrand, error ≪ 1e-8)
            double integral = 0;
            double step = 1e-3;
            for (double y = -10; y <= 12; y += step) {
                integral += Math.exp(g.logDensity(new double[] {y}, 0)) * Normal.pdf((x - y) / sigma) / sigma * step;
            }
            assertEquals(integral, Math.exp(c.logDensity(new double[] {x}, 0)), 1e-8);
        }
        assertEquals(g, g.convolved(0));
        assertThrows(IllegalArgumentException.class, () -> g.convolved(-1));
        assertThrows(IllegalArgumentException.class, () -> g.convolved(Double.NaN));
    }

    @Test
    void mixtureMomentsAreClosedForms() {
        GaussianMixture g = seedMixture();
        assertArrayEquals(new double[] {0}, g.mixtureMean(), 1e-15);
        assertArrayEquals(new double[] {5}, g.mixtureVariance(), 1e-15); // 1 + 4
    }

    @Test
    void accessorsReturnCopiesAndEqualityUsesContents() {
        GaussianMixture g = threeIn2d();
        g.means()[0][0] = 99;
        g.weights()[0] = 99;
        g.stds()[0][0] = 99;
        assertEquals(threeIn2d(), g);
        assertEquals(threeIn2d().hashCode(), g.hashCode());
        assertNotEquals(seedMixture(), g);
        double[] w = {0.5, 0.5};
        GaussianMixture h = new GaussianMixture(w, new double[][] {{-2}, {2}}, new double[][] {{1}, {1}});
        w[0] = 7;
        assertEquals(seedMixture(), h);
    }

    @Test
    void normalCdfMatchesKnownValues() {
        // reference values ½·erfc(−z/√2) from C's erfc (CPython math.erfc); Hart's
        // algorithm is ~1e-16 absolute but only ~1e-8 relative in the far tails, so tails get 1e-7 relative
        assertEquals(0.8413447460685429, Normal.cdf(1), 1e-14);
        assertEquals(0.15865525393145707, Normal.cdf(-1), 1e-14);
        assertEquals(0.9750021048517795, Normal.cdf(1.96), 1e-14);
        assertEquals(2.866515718791946e-7, Normal.cdf(-5), 1e-7 * 2.9e-7);
        assertEquals(7.619853024160593e-24, Normal.cdf(-10), 1e-7 * 7.7e-24);
        assertEquals(0.5, Normal.cdf(0), 0);
        assertTrue(Double.isNaN(Normal.cdf(Double.NaN)));
    }

    @Test
    void validationRejectsBadMixturesWithOneLineNamingTheField() {
        double[] w = {0.5, 0.5};
        double[][] m = {{-2}, {2}};
        double[][] s = {{1}, {1}};
        expect("stds[1][0]", () -> new GaussianMixture(w, m, new double[][] {{1}, {-1}}));
        expect("stds[0][0]", () -> new GaussianMixture(w, m, new double[][] {{0}, {1}}));
        expect("stds[0][0]", () -> new GaussianMixture(w, m, new double[][] {{Double.NaN}, {1}}));
        expect("stds[0][0]", () -> new GaussianMixture(w, m, new double[][] {{Double.POSITIVE_INFINITY}, {1}}));
        expect("stds[0][0]", () -> new GaussianMixture(w, m, new double[][] {{1e-200}, {1}}));
        expect("weights[1]", () -> new GaussianMixture(new double[] {1.5, -0.5}, m, s));
        expect("weights[0]", () -> new GaussianMixture(new double[] {Double.NaN, 0.5}, m, s));
        expect("not renormalised", () -> new GaussianMixture(new double[] {0.5, 0.4}, m, s));
        expect("must sum to 1", () -> new GaussianMixture(new double[] {0.5, 0.5 + 2e-6}, m, s));
        expect("means[1]", () -> new GaussianMixture(w, new double[][] {{-2}, {2, 3}}, s));
        expect("means[0][0]", () -> new GaussianMixture(w, new double[][] {{Double.NaN}, {2}}, s));
        expect("stds[1]", () -> new GaussianMixture(w, m, new double[][] {{1}, {1, 1}}));
        expect("stds has 1 rows", () -> new GaussianMixture(w, m, new double[][] {{1}}));
        expect("means has 1 rows", () -> new GaussianMixture(w, new double[][] {{1}}, s));
        expect("weights is empty", () -> new GaussianMixture(new double[0], new double[0][], new double[0][]));
        expect("means[0] is empty", () -> new GaussianMixture(new double[] {1}, new double[][] {{}}, new double[][] {{}}));
        expect("stds is missing", () -> new GaussianMixture(w, m, null));
        // within tolerance is accepted as given, not renormalised
        GaussianMixture ok = new GaussianMixture(new double[] {0.5, 0.5 + 5e-7}, m, s);
        assertEquals(0.5 + 5e-7, ok.weight(1));
    }

    private static void expect(String fragment, Runnable r) {
        InputException e = assertThrows(InputException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks " + fragment);
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
