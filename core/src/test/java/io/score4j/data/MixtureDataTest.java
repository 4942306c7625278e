package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MixtureDataTest {
    private static final GaussianMixture SEED =
            new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-2}, {2}}, new double[][] {{1}, {1}});

    @Test
    void seedMixtureGivesExactlyTenThousandPerComponentInOrder() {
        Dataset ds = MixtureData.sample(SEED, 20000, Key.of(0));
        assertEquals(20000, ds.n());
        assertEquals(1, ds.d());
        double[] v = ds.values();
        double[] first = Arrays.copyOfRange(v, 0, 10000);
        double[] second = Arrays.copyOfRange(v, 10000, 20000);
        // SE of a mean of 10000 unit-variance draws is 0.01; allow 5 SE
        assertEquals(-2.0, mean(first), 0.05);
        assertEquals(2.0, mean(second), 0.05);
        // SE of a sample std ≈ σ/√(2n) = 0.0071; allow 5 SE
        assertEquals(1.0, std(first), 0.036);
        assertEquals(1.0, std(second), 0.036);
    }

    @Test
    void componentBlocksUseTheSeedsKeySplit() {
        Key key = Key.of(7);
        Key[] keys = key.split(3);
        double[] z0 = Draw.normalDouble(keys[0], 10);
        double[] z1 = Draw.normalDouble(keys[1], 10);
        double[] v = MixtureData.sample(SEED, 20, key).values();
        for (int i = 0; i < 10; i++) {
            assertEquals(z0[i] * 1 - 2, v[i]);
            assertEquals(z1[i] * 1 + 2, v[10 + i]);
        }
    }

    @Test
    void countsAreFloorOfNTimesWeight() {
        GaussianMixture thirds = new GaussianMixture(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                new double[][] {{0}, {1}, {2}}, new double[][] {{1}, {1}, {1}});
        assertEquals(9, MixtureData.sample(thirds, 10, Key.of(1)).n());
        assertEquals(0, MixtureData.sample(thirds, 0, Key.of(1)).n());
    }

    @Test
    void multivariateComponentsHaveTheirMeansAndStds() {
        GaussianMixture g = new GaussianMixture(new double[] {0.25, 0.75},
                new double[][] {{1, -3}, {5, 0.5}}, new double[][] {{0.5, 2}, {1, 0.1}});
        Dataset ds = MixtureData.sample(g, 40000, Key.of(3));
        assertEquals(40000, ds.n());
        double[] v = ds.values();
        // component 0: rows [0, 10000); component 1: rows [10000, 40000)
        double[][] expectMean = {{1, -3}, {5, 0.5}};
        double[][] expectStd = {{0.5, 2}, {1, 0.1}};
        int[][] ranges = {{0, 10000}, {10000, 40000}};
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < 2; j++) {
                double[] col = new double[ranges[c][1] - ranges[c][0]];
                for (int i = 0; i < col.length; i++) {
                    col[i] = v[(ranges[c][0] + i) * 2 + j];
                }
                double sd = expectStd[c][j];
                // 5 standard errors: σ/√n for the mean, σ/√(2n) for the std
                assertEquals(expectMean[c][j], mean(col), 5 * sd / Math.sqrt(col.length));
                assertEquals(sd, std(col), 5 * sd / Math.sqrt(2.0 * col.length));
            }
        }
    }

    @Test
    void iidSamplingRecoversWeightsByNearestComponent() {
        GaussianMixture g = new GaussianMixture(new double[] {0.2, 0.3, 0.5},
                new double[][] {{-6, 0}, {0, 6}, {6, 0}}, new double[][] {{1, 1}, {1, 1}, {1, 1}});
        int n = 20000;
        Dataset ds = MixtureData.sampleIid(g, n, Key.of(4));
        assertEquals(n, ds.n());
        int[] counts = new int[3];
        for (int c : g.nearestMeans(ds.values())) {
            counts[c]++;
        }
        for (int c = 0; c < 3; c++) {
            double w = g.weight(c);
            // binomial SE √(w(1−w)/n) ≤ 0.0036; misassignment between means ≥ 6√2 apart is < 1e-4
            assertEquals(w, counts[c] / (double) n, 5 * Math.sqrt(w * (1 - w) / n) + 1e-4);
        }
    }

    @Test
    void sameKeySameBitsDifferentKeyDifferentBits() {
        assertArrayEquals(MixtureData.sample(SEED, 100, Key.of(5)).values(),
                MixtureData.sample(SEED, 100, Key.of(5)).values());
        assertFalse(Arrays.equals(MixtureData.sample(SEED, 100, Key.of(5)).values(),
                MixtureData.sample(SEED, 100, Key.of(6)).values()));
        assertArrayEquals(MixtureData.sampleIid(SEED, 100, Key.of(5)).values(),
                MixtureData.sampleIid(SEED, 100, Key.of(5)).values());
        assertTrue(!Arrays.equals(MixtureData.sampleIid(SEED, 100, Key.of(5)).values(),
                MixtureData.sampleIid(SEED, 100, Key.of(6)).values()));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }
}
