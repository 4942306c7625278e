package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Standardizer#fit} at the ends of the double range, and its bits in the middle of it. */
class StandardizerOverflowTest {
    @Test
    void valuesNear1e300GiveAFiniteMeanAndStd() {
        Dataset data = Dataset.of(1, new double[] {1e300, -1e300, 3e299, 1.7e308, -1.7e308});
        Standardizer s = Standardizer.fit(data);
        // mean (3e299)/5 = 6e298; the plain formula squares residuals near 1.7e308 and overflows
        // each of the 4 additions rounds by at most half an ulp of the largest partial sum (|1.7e308|)
        assertEquals(6e298, s.mean()[0], 2 * Math.ulp(1.7e308));
        double var = 0;
        for (double x : data.values()) {
            var += (x / 1e300 - 6e298 / 1e300) * (x / 1e300 - 6e298 / 1e300) / 5;
        }
        assertEquals(Math.sqrt(var) * 1e300, s.std()[0], 1e-12 * s.std()[0]);
        for (double z : s.apply(data.values())) {
            assertTrue(Double.isFinite(z) && Math.abs(z) < 3, "standardised " + z);
        }
    }

    @Test
    void tinyValuesGiveAPositiveStd() {
        Standardizer s = Standardizer.fit(Dataset.of(1, new double[] {1e-300, 3e-300}));
        assertEquals(2e-300, s.mean()[0], 1e-314);
        assertEquals(1e-300, s.std()[0], 1e-314);
    }

    @Test
    void ordinaryDataGetTheBitsOfThePlainFormula() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 1001;
        int d = 3;
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (r.nextDouble() - 0.3) * Math.pow(10, i % d * 3 - 3);
        }
        Standardizer s = Standardizer.fit(Dataset.of(d, v));
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[i * d + j];
            }
            double m = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (v[i * d + j] - m) * (v[i * d + j] - m);
            }
            assertEquals(m, s.mean()[j], 0.0);
            assertEquals(Math.sqrt(ss / n), s.std()[j], 0.0);
        }
    }
}
