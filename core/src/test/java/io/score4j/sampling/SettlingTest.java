package io.score4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.noise.Sde;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

/**
 * {@link Settling}: where it settles, how it decodes, and, driven by {@link ReverseDiffusion} with the exact
 * perturbed score of a mixture whose first coordinate is a ±1 level (10 % at +1), that it keeps the level's weight
 * and the continuous coordinate's conditional law (closed forms, 3 standard errors), repairs a score that is wrong
 * at small t, and changes nothing when it settles nothing.
 */
final class SettlingTest {
    private static final Sde VP = new Sde.Vp(0.1, 20);
    /** x₀ a level (±1, sharp), x₁ continuous and dependent on it: N(−1, 0.5²) at −1, N(2, 0.3²) at +1. */
    private static final GaussianMixture LEVEL = new GaussianMixture(new double[] {0.9, 0.1},
            new double[][] {{-1, -1}, {1, 2}}, new double[][] {{0.02, 0.5}, {0.02, 0.3}});
    private static final double W_PLUS = 0.1;

    @Test
    void settlesAtTheFirstGridTimeAtOrBelowTheRatio() {
        EulerMaruyamaConfig c = new EulerMaruyamaConfig(VP, 1000, 1e-3, Parallelism.single());
        Settling s = new Settling(2, new int[][] {{0}}, Settling.DEFAULT_RATIO);
        int k = s.step(c);
        double dt = (Sde.T - 1e-3) / 1000;
        assertTrue(k > 0 && k < 1000, "k = " + k);
        assertTrue(ratio(Sde.T - k * dt) <= 1.0 / 3, "at k");
        assertTrue(ratio(Sde.T - (k - 1) * dt) > 1.0 / 3, "before k");
        assertEquals(1000, new Settling(2, new int[][] {{0}}, 1e-6).step(c), "never that low: nothing settled");
        assertEquals(0, new Settling(2, new int[][] {{0}}, 1e6).step(c));
    }

    private static double ratio(double t) {
        return VP.marginalStd(t) / VP.meanCoefficient(t);
    }

    /** Sign for one coordinate (0 counts as +1), argmax for a group (first on ties), given coordinates kept. */
    @Test
    void decodesBySignAndArgmaxAndKeepsWhatIsGiven() {
        Settling s = new Settling(6, new int[][] {{0}, {1, 2, 3}, {4}}, 0.3);
        float[] x = {0.0f, 0.2f, 0.7f, 0.7f, -0.1f, 5f,
            -0.4f, 0.9f, -2f, 0.1f, 3f, 5f};
        Given user = new Given(6, new boolean[] {false, false, false, false, false, false,
            false, false, true, false, false, true}, new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 9});
        Given g = s.settle(x, 2, user);
        assertEquals(2, g.rows());
        double[] row0 = {1, -1, 1, -1, -1};
        for (int j = 0; j < 5; j++) {
            assertTrue(g.isGiven(0, j));
            assertEquals(row0[j], g.value(0, j), "row 0 coordinate " + j);
        }
        assertFalse(g.isGiven(0, 5), "a continuous coordinate is never settled");
        assertEquals(-1, g.value(1, 0));
        assertFalse(g.isGiven(1, 1) || g.isGiven(1, 3), "a group with a given coordinate is the user's");
        assertEquals(1, g.value(1, 2));
        assertEquals(1, g.value(1, 4));
        assertEquals(9, g.value(1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Settling(3, new int[][] {{0, 1}, {1}}, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Settling(3, new int[][] {{3}}, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Settling(3, new int[][] {{}}, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Settling(3, new int[][] {{0}}, 0));
    }

    /**
     * em, 1000 steps, n = 4000, the exact score, settled at σ/m = 1/4 (Φ(−4) = 3·10⁻⁵ of a mode misplaced): the
     * share at +1 is 0.1 and x₁'s mean and variance on each side are the components' (3 SE); every x₀ comes back
     * as exactly ±1. At the default 1/3 the share still holds within 3 SE plus Φ(−3).
     */
    @Test
    void exactScoreKeepsTheLevelWeightAndTheConditionalLaw() {
        float[] x = draw(TimeScoreFn.of(LEVEL, VP), 0.25, 4000, Key.of(3));
        double[] plus = side(x, true);
        double[] minus = side(x, false);
        double share = plus[4] / 4000;
        assertEquals(W_PLUS, share, 3 * Math.sqrt(W_PLUS * (1 - W_PLUS) / 4000));
        assertEquals(2, plus[0], 3 * 0.3 / Math.sqrt(plus[4]));
        assertEquals(0.09, plus[1], 3 * 0.09 * Math.sqrt(2 / plus[4]));
        assertEquals(-1, minus[0], 3 * 0.5 / Math.sqrt(minus[4]));
        assertEquals(0.25, minus[1], 3 * 0.25 * Math.sqrt(2 / minus[4]));
        for (int i = 0; i < 4000; i++) {
            assertTrue(x[2 * i] == 1f || x[2 * i] == -1f, "x0 settled to a level: " + x[2 * i]);
        }
        double atDefault = side(draw(TimeScoreFn.of(LEVEL, VP), Settling.DEFAULT_RATIO, 4000, Key.of(4)), true)[4] / 4000;
        assertEquals(W_PLUS, atDefault, 3 * Math.sqrt(W_PLUS * (1 - W_PLUS) / 4000) + 0.00135);
    }

    /**
     * A score that is wrong only at small t (t &lt; 0.03, σ/m ≈ 0.17: a push of −1.5/σ² on x₀, which carries the
     * +1 mode across zero): unsettled, the +1 share collapses (by more than 10 SE); settled at σ/m = 1/3, before
     * the error starts, it is the data's within 3 SE + Φ(−3).
     */
    @Test
    void settlingRepairsAScoreThatIsWrongAtSmallTime() {
        TimeScoreFn exact = TimeScoreFn.of(LEVEL, VP);
        TimeScoreFn wrong = (x, t, offset, rows, d, out) -> {
            exact.score(x, t, offset, rows, d, out);
            for (int r = offset; r < offset + rows; r++) {
                if (t[r] < 0.03) {
                    double s = VP.marginalStd(t[r]);
                    out[r * d] -= (float) (1.5 / (s * s));
                }
            }
        };
        double se = Math.sqrt(W_PLUS * (1 - W_PLUS) / 4000);
        double unsettled = side(draw(wrong, 1e-9, 4000, Key.of(5)), true)[4] / 4000;
        assertTrue(W_PLUS - unsettled > 10 * se, "the wrong score under-draws +1: " + unsettled);
        double settled = side(draw(wrong, Settling.DEFAULT_RATIO, 4000, Key.of(5)), true)[4] / 4000;
        assertEquals(W_PLUS, settled, 3 * se + 0.00135);
    }

    /** No group, or a ratio never reached: the plain run bit for bit; settled runs are the same in slices and threads. */
    @Test
    void settlingNothingChangesNothingAndSlicesAgree() {
        TimeScoreFn exact = TimeScoreFn.of(LEVEL, VP);
        EulerMaruyamaConfig c = new EulerMaruyamaConfig(VP, 60, 1e-3, Parallelism.of(2));
        Replacement none = new Replacement(VP, exact, Given.none(2));
        float[] plain = ReverseDiffusion.sample(none, 0, 50, 2, c, Key.of(9), null).samples().data32();
        float[] empty = ReverseDiffusion.sample(none, new Settling(2, new int[0][], 0.3), 0, 50, 2, c, Key.of(9), null)
                .samples().data32();
        float[] never = ReverseDiffusion.sample(none, new Settling(2, new int[][] {{0}}, 1e-9), 0, 50, 2, c, Key.of(9),
                null).samples().data32();
        assertArrayEquals(plain, empty);
        assertArrayEquals(plain, never);
        Settling s = new Settling(2, new int[][] {{0}}, Settling.DEFAULT_RATIO);
        float[] whole = ReverseDiffusion.sample(none, s, 0, 50, 2, c, Key.of(9), null).samples().data32();
        EulerMaruyamaConfig single = new EulerMaruyamaConfig(VP, 60, 1e-3, Parallelism.single());
        float[] a = ReverseDiffusion.sample(none, s, 0, 20, 2, single, Key.of(9), null).samples().data32();
        float[] b = ReverseDiffusion.sample(none, s, 20, 30, 2, single, Key.of(9), null).samples().data32();
        float[] joined = new float[100];
        System.arraycopy(a, 0, joined, 0, 40);
        System.arraycopy(b, 0, joined, 40, 60);
        assertArrayEquals(whole, joined, "slices and thread counts agree");
        assertFalse(java.util.Arrays.equals(plain, whole), "settling changes the run");
    }

    /** [n, 2] samples of em (1000 steps, ε = 1e-3, 2 threads) from {@code score}, settling x₀ at {@code ratio}. */
    private static float[] draw(TimeScoreFn score, double ratio, int n, Key key) {
        EulerMaruyamaConfig c = new EulerMaruyamaConfig(VP, 1000, 1e-3, Parallelism.of(2));
        Settling s = new Settling(2, new int[][] {{0}}, ratio);
        return ReverseDiffusion.sample(new Replacement(VP, score, Given.none(2)), s, 0, n, 2, c, key, null)
                .samples().data32();
    }

    /** {mean, variance, SE(mean), SE(var), count} of x₁ over the rows with x₀ ≥ 0 ({@code plus}) or x₀ &lt; 0. */
    private static double[] side(float[] x, boolean plus) {
        double sum = 0;
        double sq = 0;
        int count = 0;
        for (int i = 0; i < x.length / 2; i++) {
            if (x[2 * i] >= 0 == plus) {
                sum += x[2 * i + 1];
                sq += (double) x[2 * i + 1] * x[2 * i + 1];
                count++;
            }
        }
        double mean = sum / count;
        double var = sq / count - mean * mean;
        return new double[] {mean, var, Math.sqrt(var / count), var * Math.sqrt(2.0 / count), count};
    }
}
