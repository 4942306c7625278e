package io.score4j.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one noise ladder: validation, the geometric ladder bit for bit, and σ_max from the data. */
final class NoiseLadderTest {
    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }

    @Test
    void badLaddersAreRefusedNamingTheLevel() {
        assertMessage("at least one", () -> NoiseLadder.of());
        assertMessage("at least one", () -> new NoiseLadder(null));
        assertMessage("sigmas[1] = 1.0 follows 1.0", () -> NoiseLadder.of(1, 1));
        assertMessage("sigmas[1] = 2.0 follows 1.0", () -> NoiseLadder.of(1, 2));
        assertMessage("sigmas[1] is -0.5", () -> NoiseLadder.of(1, -0.5));
        assertMessage("sigmas[0] is NaN", () -> NoiseLadder.of(Double.NaN));
        assertMessage("sigmas[0] is Infinity", () -> NoiseLadder.of(Double.POSITIVE_INFINITY, 1));
        assertMessage("sigmas[0] is 0.0", () -> NoiseLadder.of(0.0));
    }

    @Test
    void theLadderIsCopiedInAndOut() {
        double[] a = {2, 1};
        NoiseLadder l = new NoiseLadder(a);
        a[0] = 0.5;
        assertArrayEquals(new double[] {2, 1}, l.sigmas(), 0.0);
        l.sigmas()[0] = 7;
        assertEquals(2.0, l.sigma(0));
        assertEquals(NoiseLadder.of(2, 1), l);
        assertEquals(NoiseLadder.of(2, 1).hashCode(), l.hashCode());
        assertNotEquals(NoiseLadder.of(3, 1), l);
        assertEquals(2, l.levels());
        assertEquals(2.0, l.sigmaMax());
        assertEquals(1.0, l.sigmaMin());
        assertThrows(IllegalArgumentException.class, () -> l.sigma(2));
    }

    /** The ladder sampling.NoiseSchedule computed before this type existed, written out as it did it. */
    private static double[] scheduleLadder(double sigmaMax, double sigmaMin, int levels) {
        double[] out = new double[levels];
        for (int i = 0; i < levels; i++) {
            double frac = (double) i / (levels - 1);
            out[i] = i == 0 ? sigmaMax : i == levels - 1 ? sigmaMin
                    : Math.exp(Math.log(sigmaMax) + frac * (Math.log(sigmaMin) - Math.log(sigmaMax)));
        }
        return out;
    }

    @Test
    void geometricLadder() {
        NoiseLadder s = NoiseLadder.geometric(20, 1, 10);
        double[] l = s.sigmas();
        assertEquals(20.0, l[0]);
        assertEquals(1.0, l[9]);
        for (int i = 1; i < l.length; i++) {
            assertEquals(Math.pow(1 / 20.0, 1 / 9.0), l[i] / l[i - 1], 1e-12, "constant ratio at " + i);
        }
        assertEquals(0.1 * 400, s.stepSize(0.1, 0), 1e-12);
        assertEquals(0.1, s.stepSize(0.1, 9), 0.0);
        assertTrue(s.isGeometric());
        assertFalse(NoiseLadder.of(4, 3, 1).isGeometric());
        assertEquals(NoiseLadder.of(0.5), NoiseLadder.geometric(0.5, 0.5, 1));
        assertMessage("sigmaMin", () -> NoiseLadder.geometric(1, 0, 3));
        assertMessage("sigmaMax", () -> NoiseLadder.geometric(1, 2, 3));
        assertMessage("levels", () -> NoiseLadder.geometric(2, 1, 1));
    }

    @Test
    void theGeometricLadderIsTheOneModelFilesHold() {
        // Written to model files by main's code (cli/src/test/resources/compat): the same bits.
        assertArrayEquals(new double[] {3.0, 0.7208434242404264, 0.17320508075688776, 0.04161791450287819, 0.01},
                NoiseLadder.geometric(3, 0.01, 5).sigmas(), 0.0);
        assertArrayEquals(new double[] {4.9419835732525526, 1.0688683064664113, 0.23117831931935273, 0.05},
                NoiseLadder.geometric(4.9419835732525526, 0.05, 4).sigmas(), 0.0);
        for (double[] c : new double[][] {{20, 1, 10}, {3.7, 0.013, 17}, {1e3, 1e-3, 232}}) {
            double[] want = scheduleLadder(c[0], c[1], (int) c[2]);
            double[] got = NoiseLadder.geometric(c[0], c[1], (int) c[2]).sigmas();
            for (int i = 0; i < want.length; i++) {
                assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]), "level " + i);
            }
        }
    }

    @Test
    void dataSigmaMaxIsTheLargestPairwiseDistance() {
        // Four corners of a 3×4 rectangle plus an inner point: diameter = 5 (the diagonal).
        float[] pts = {0, 0, 3, 0, 0, 4, 3, 4, 1, 1};
        assertEquals(5.0, NoiseLadder.dataSigmaMax(pts, 5, 2), 1e-12);
        assertEquals(0.0, NoiseLadder.dataSigmaMax(new float[] {2, 2}, 1, 2), 0.0);
        // Above 4096 rows it uses 4096 evenly spaced rows: on 0, 1, …, 4999 those are 0 … 4998.
        float[] line = new float[5000];
        for (int i = 0; i < line.length; i++) {
            line[i] = i;
        }
        assertEquals(4998.0, NoiseLadder.dataSigmaMax(line, 5000, 1), 0.0);
        assertEquals(4095.0, NoiseLadder.dataSigmaMax(line, 4096, 1), 0.0);
        assertThrows(IllegalArgumentException.class, () -> NoiseLadder.dataSigmaMax(pts, 6, 2));
    }

    @Test
    void fromDataIsTheGeometricLadderBelowTheDiameter() {
        float[] pts = {0, 0, 3, 0, 0, 4, 3, 4, 1, 1};
        assertEquals(NoiseLadder.geometric(5.0, 0.1, 6), NoiseLadder.fromData(pts, 5, 2, 0.1, 6));
        float[] copy = pts.clone();
        NoiseLadder.fromData(pts, 5, 2, 0.1, 6);
        assertArrayEquals(copy, pts, 0f, "the data are not modified");
        assertMessage("below the data-derived sigmaMax 5.0", () -> NoiseLadder.fromData(pts, 5, 2, 5.0, 6));
    }
}
