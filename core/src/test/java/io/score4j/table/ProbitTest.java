package io.score4j.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.density.Normal;
import org.junit.jupiter.api.Test;

class ProbitTest {
    @Test
    void invertsTheNormalCdf() {
        // Φ has absolute error ~1e-16 (West); after the Halley step Φ(Φ⁻¹(p)) is p to a few 1e-16, and in the
        // tails to the relative error of Φ's tail (~1e-8 relative, see Normal).
        for (int e = 1; e <= 15; e++) {
            for (double m : new double[] {1, 2.5, 5, 7.5}) {
                double p = m * Math.pow(10, -e);
                assertEquals(p, Normal.cdf(Probit.inverse(p)), p * 1e-7, "p=" + p);
                assertEquals(1 - p, Normal.cdf(Probit.inverse(1 - p)), 1e-15, "1-p, p=" + p);
            }
        }
        for (int k = 1; k < 1000; k++) {
            double p = k / 1000.0;
            assertEquals(p, Normal.cdf(Probit.inverse(p)), 4e-16, "p=" + p);
        }
    }

    @Test
    void knownQuantilesSymmetryAndEnds() {
        assertEquals(0.0, Probit.inverse(0.5), 1e-16);
        assertEquals(1.959963984540054, Probit.inverse(0.975), 1e-14);
        // Φ's tail has relative error up to ~1e-8, so x is right to 1e-8·p/φ(x) ≈ 2e-9 at p = 1e-6.
        assertEquals(-4.753424308822899, Probit.inverse(1e-6), 2e-9);
        for (double p : new double[] {1e-9, 0.01, 0.2, 0.4}) {
            assertEquals(-Probit.inverse(p), Probit.inverse(1 - p), 1e-8 * Math.abs(Probit.inverse(p)) + 1e-15);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Probit.inverse(0));
        assertEquals(Double.POSITIVE_INFINITY, Probit.inverse(1));
        assertThrows(IllegalArgumentException.class, () -> Probit.inverse(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Probit.inverse(1.5));
    }
}
