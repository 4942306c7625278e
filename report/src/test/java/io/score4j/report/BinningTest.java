package io.score4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinningTest {
    @Test
    void oneDimensionalDensityIntegratesToOneAndIgnoresNonFinite() {
        double[] v = ChartsTest.normals(7, 5000, 0);
        v[0] = Double.NaN;
        v[1] = Double.NEGATIVE_INFINITY;
        double lo = -6;
        double hi = 6;
        int bins = 24;
        double[] d = Binning.density1d(v, lo, hi, bins);
        double integral = 0;
        for (double x : d) {
            integral += x * (hi - lo) / bins;
        }
        // Every finite N(0,1) draw of 4998 lies in [-6, 6] (P(|z|>6) ~ 2e-9).
        assertEquals(1.0, integral, 1e-12);
    }

    @Test
    void oneDimensionalBinsAreExact() {
        // Values 0, 0.5, 1, 1, 2 on [0, 2] with 2 bins: [0,1) holds 2, [1,2] holds 3 (2 goes in the last bin).
        double[] d = Binning.density1d(new double[] {0, 0.5, 1, 1, 2}, 0, 2, 2);
        assertArrayEquals(new double[] {2 / 5.0, 3 / 5.0}, d, 1e-15);
    }

    @Test
    void twoDimensionalDensityIntegratesToTheFractionInsideTheBox() {
        // Four points, one outside the box: the grid integrates to 3/4.
        double[] xy = {0.1, 0.1, 0.9, 0.9, 0.9, 0.1, 5, 5, Double.NaN, 0};
        Box box = new Box(0, 1, 0, 1);
        double[] d = Binning.density2d(xy, box, 2);
        double cell = 0.25;
        assertArrayEquals(new double[] {1 / (4 * cell), 0, 1 / (4 * cell), 1 / (4 * cell)}, d, 1e-15);
    }

    @Test
    void widenPadsRangesAndHandlesDegenerateOnes() {
        assertArrayEquals(new double[] {-0.5, 10.5}, Binning.widen(0, 10), 1e-15);
        assertArrayEquals(new double[] {2.5, 3.5}, Binning.widen(3, 3), 1e-15);
        assertArrayEquals(new double[] {-0.5, 0.5},
                Binning.widen(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), 1e-15);
    }
}
