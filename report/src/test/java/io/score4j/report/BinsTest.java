package io.score4j.report;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

/** Histogram bins chosen by rule, and readable tick labels. */
class BinsTest {
    /**
     * Freedman–Diaconis on N(0, 1): IQR = 2·0.6745 = 1.349, so the width is 2·1.349·n^(−1/3); for
     * n = 8000 that is 0.1349. The sample IQR has relative standard error about 2 % at this n, so the
     * count over the range is checked against the width computed from the sorted sample itself.
     */
    @Test
    void freedmanDiaconisWidthOnNormalData() {
        double[] x = Draw.normalDouble(Key.of(1), 8000);
        Bins b = Bins.forData(x, x);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double iqr = Bins.quantile(sorted, 0.75) - Bins.quantile(sorted, 0.25);
        double fd = 2 * iqr * Math.pow(8000, -1.0 / 3);
        assertEquals(Math.ceil((sorted[7999] - sorted[0]) / fd), b.count(), 0.0);
        assertEquals(0.1349, fd, 0.1349 * 0.08, "IQR of N(0,1) is 1.349, within 4 standard errors");
        assertEquals(sorted[0], b.lo(), 0.0);
        assertEquals(sorted[7999], b.hi(), 0.0);
        assertTrue(b.rule().contains("Freedman–Diaconis"), b.rule());
    }

    @Test
    void wholeNumberDataGetBinsCentredOnIntegers() {
        double[] counts = new double[3000];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i % 13;
        }
        Bins b = Bins.forData(counts, counts, new double[] {-2.3, 15.2});
        assertEquals(-3.5, b.lo(), 0.0, "edges at k − ½ around the lowest value shown");
        assertEquals(1.0, b.width(), 0.0, "13 values over 3000 rows: one integer per bin");
        assertEquals(0.0, (b.hi() - b.lo()) % 1.0, 0.0);
        assertTrue(b.hi() >= 15.5);
        double[] wide = new double[3000];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = i * 7;
        }
        Bins w = Bins.forData(wide, wide);
        assertEquals(0.0, w.width() % 1.0, 0.0, "several whole units per bin, never a fraction");
        assertTrue(w.count() <= Bins.MAX_BINS);
        assertEquals(-0.5, w.lo(), 0.0);
        double[] clustered = new double[400];
        for (int i = 0; i < clustered.length; i++) {
            clustered[i] = i < 200 ? 200 + i % 100 : 666 + i % 2 * 45;   // IQR ≈ 400: Freedman–Diaconis gives ~5 bins
        }
        Bins c = Bins.forData(clustered, clustered);
        assertTrue(c.count() >= Bins.MIN_BINS && c.count() <= Bins.MIN_BINS + 1, "at least MIN_BINS bins: " + c);
        assertEquals(0.0, c.width() % 1.0, 0.0);
    }

    @Test
    void degenerateDataStillGetBins() {
        double[] same = {2.5, 2.5, 2.5};
        Bins b = Bins.forData(same, same);
        assertTrue(b.hi() > b.lo());
        assertTrue(b.count() >= 1);
    }

    @Test
    void tickLabelsArePlainOrPowersOfTen() {
        assertEquals("0", TickFormat.label(0));
        assertEquals("0", TickFormat.label(-2.7e-17));
        assertEquals("0.25", TickFormat.label(0.25));
        assertEquals("12000", TickFormat.label(12000));
        assertEquals("0.00045", TickFormat.label(4.5e-4));
        assertEquals("4.5×10⁻⁵", TickFormat.label(4.5e-5));
        assertEquals("-2×10⁶", TickFormat.label(-2e6));
        assertEquals("1×10⁻¹²", TickFormat.label(1e-12));
    }
}
