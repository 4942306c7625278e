package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ToySetTest {
    @Test
    void everySetGivesNFinite2dPointsDeterministically() {
        for (ToySet t : ToySet.values()) {
            Dataset a = t.sample(501, Key.of(1));
            assertEquals(501, a.n(), t.name());
            assertEquals(2, a.d());
            assertArrayEquals(new String[] {"x", "y"}, a.columns());
            for (double v : a.values()) {
                assertTrue(Double.isFinite(v) && Math.abs(v) < 8, t + " value " + v);
            }
            assertArrayEquals(a.values(), t.sample(501, Key.of(1)).values(), t.name());
            assertFalse(Arrays.equals(a.values(), t.sample(501, Key.of(2)).values()), t.name());
        }
    }

    @Test
    void parseIsLenientAboutCaseAndSeparatorsAndListsValidNames() {
        assertEquals(ToySet.TWO_MOONS, ToySet.parse("two-moons"));
        assertEquals(ToySet.TWO_MOONS, ToySet.parse(" Two_Moons "));
        assertEquals(ToySet.RING8, ToySet.parse("ring8"));
        for (ToySet t : ToySet.values()) {
            assertEquals(t, ToySet.parse(t.cliName()));
        }
        InputException e = assertThrows(InputException.class, () -> ToySet.parse("moons"));
        assertTrue(e.getMessage().contains("'moons'"));
        assertTrue(e.getMessage().contains("ring8, grid25, two_moons, swiss_roll, checkerboard, circles, pinwheel"),
                e.getMessage());
        assertThrows(InputException.class, () -> ToySet.parse(null));
    }

    @Test
    void mixtureSetsExposeTheirMixtureAndRecoverItsWeights() {
        assertTrue(ToySet.TWO_MOONS.mixture().isEmpty());
        GaussianMixture ring = ToySet.RING8.mixture().orElseThrow();
        assertEquals(8, ring.components());
        assertEquals(2.0, Math.hypot(ring.mean(3, 0), ring.mean(3, 1)), 1e-15);
        GaussianMixture grid = ToySet.GRID25.mixture().orElseThrow();
        assertEquals(25, grid.components());
        int n = 25000;
        Dataset ds = ToySet.GRID25.sample(n, Key.of(3));
        int[] counts = new int[25];
        for (int c : grid.nearestMeans(ds.values())) {
            counts[c]++;
        }
        for (int c = 0; c < 25; c++) {
            // binomial SE √(0.04·0.96/25000) = 0.0012; std 0.1 at spacing 1 misassigns ~1e-6
            assertEquals(0.04, counts[c] / (double) n, 5 * 0.0012, "component " + c);
        }
    }

    @Test
    void checkerboardPointsLieOnDarkSquares() {
        double[] v = ToySet.CHECKERBOARD.sample(2000, Key.of(4)).values();
        for (int i = 0; i < 2000; i++) {
            int col = (int) Math.floor((v[2 * i] + 4) / 2);
            int row = (int) Math.floor((v[2 * i + 1] + 4) / 2);
            assertEquals(0, (col + row) % 2, "point " + i);
        }
    }

    @Test
    void circlesHaveRadiiOneAndTwo() {
        double[] v = ToySet.CIRCLES.sample(2000, Key.of(5)).values();
        double inner = 0;
        double outer = 0;
        for (int i = 0; i < 2000; i++) {
            double r = Math.hypot(v[2 * i], v[2 * i + 1]);
            if (i % 2 == 0) {
                inner += r;
            } else {
                outer += r;
            }
        }
        // radial noise sd 0.08, 1000 points each: SE 0.0025; allow 0.02 (also covers the O(σ²/r) bias)
        assertEquals(1.0, inner / 1000, 0.02);
        assertEquals(2.0, outer / 1000, 0.02);
    }
}
