package io.score4j.noise;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDEs' closed forms against their own differential equations (central differences) and score_sde's values. */
class SdeTest {
    private static final List<Sde> ALL = List.of(new Sde.Ve(0.01, 50), new Sde.Vp(0.1, 20), new Sde.SubVp(0.1, 20));

    /** The mean obeys dm/dt = f(t)·m and the variance dv/dt = 2f(t)·v + g(t)² (moment ODEs of a linear SDE). */
    @Test
    void marginalsSolveTheMomentEquations() {
        double h = 1e-6;
        for (Sde sde : ALL) {
            for (double t = 0.05; t < 0.99; t += 0.07) {
                double dm = (sde.meanCoefficient(t + h) - sde.meanCoefficient(t - h)) / (2 * h);
                assertEquals(sde.driftCoefficient(t) * sde.meanCoefficient(t), dm,
                        1e-6 * (1 + Math.abs(dm)), sde.id() + " mean at t=" + t);
                double v = sq(sde.marginalStd(t));
                double dv = (sq(sde.marginalStd(t + h)) - sq(sde.marginalStd(t - h))) / (2 * h);
                assertEquals(2 * sde.driftCoefficient(t) * v + sq(sde.diffusion(t)), dv,
                        1e-5 * (1 + Math.abs(dv)), sde.id() + " variance at t=" + t);
            }
        }
    }

    @Test
    void endPointsMatchScoreSde() {
        Sde.Vp vp = new Sde.Vp(0.1, 20);
        // log mean coeff at t=1: −¼(β_max−β_min) − ½β_min = −4.975 − 0.05 (score_sde VPSDE.marginal_prob)
        assertEquals(Math.exp(-5.025), vp.meanCoefficient(1), 1e-15);
        assertEquals(Math.sqrt(1 - Math.exp(-10.05)), vp.marginalStd(1), 1e-15);
        assertEquals(1 - Math.exp(-10.05), new Sde.SubVp(0.1, 20).marginalStd(1), 1e-15);
        Sde.Ve ve = new Sde.Ve(0.01, 50);
        assertEquals(0.01, ve.marginalStd(0), 1e-17);
        assertEquals(50, ve.marginalStd(1), 1e-12);
        assertEquals(50, ve.priorStd());
        assertTrue(new Sde.SubVp(0.1, 20).marginalStd(0.3) < vp.marginalStd(0.3));
    }

    @Test
    void veLadderIsTodaysGeometricLadderBitForBit() {
        Sde.Ve ve = new Sde.Ve(0.01, 7.3);
        assertArrayEquals(NoiseLadder.geometric(7.3, 0.01, 10).sigmas(), ve.ladder(10).sigmas(), 0.0);
    }

    @Test
    void priorLogDensityIsTheNormalOne() {
        double[] x = {0.3, -1.2};
        for (Sde sde : ALL) {
            double s = sde.priorStd();
            double expected = -(0.09 + 1.44) / (2 * s * s) - Math.log(2 * Math.PI * s * s);
            assertEquals(expected, sde.priorLogDensity(x, 0, 2), 1e-12, sde.id());
        }
    }

    @Test
    void parseAndValidation() {
        assertEquals("subvp", Sde.parse("SubVP", 0.01, 50, 0.1, 20).id());
        assertThrows(IllegalArgumentException.class, () -> Sde.parse("vx", 0.01, 50, 0.1, 20));
        assertThrows(IllegalArgumentException.class, () -> new Sde.Ve(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sde.Vp(0, 20));
        assertThrows(IllegalArgumentException.class, () -> new Sde.SubVp(1, Double.NaN));
    }

    private static double sq(double v) {
        return v * v;
    }
}
