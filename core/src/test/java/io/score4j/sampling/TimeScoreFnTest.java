package io.score4j.sampling;

import io.score4j.density.GaussianMixture;
import io.score4j.noise.Sde;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeScoreFnTest {
    private static final GaussianMixture MIX = new GaussianMixture(new double[] {0.8, 0.2},
            new double[][] {{5, 5}, {-5, -5}}, new double[][] {{1, 0.5}, {1, 1}});

    /** Each row is scored at its own time: against the closed-form perturbed mixture, row by row. */
    @Test
    void exactScoreUsesEachRowsTime() {
        Sde sde = new Sde.Vp(0.1, 20);
        float[] x = {1f, 2f, -3f, 0.5f, 4f, 4f};
        double[] t = {0.1, 0.1, 0.7};
        float[] out = new float[6];
        TimeScoreFn.of(MIX, sde).score(x, t, 0, 3, 2, out);
        for (int r = 0; r < 3; r++) {
            double[] s = new double[2];
            MIX.perturbed(sde.meanCoefficient(t[r]), sde.marginalStd(t[r])).score(new double[] {x[2 * r], x[2 * r + 1]}, 0, s, 0);
            assertEquals((float) s[0], out[2 * r], 0f);
            assertEquals((float) s[1], out[2 * r + 1], 0f);
        }
    }

    /** Under VE (m = 1) the perturbed mixture is the convolved one, the NCSN noise-conditional density. */
    @Test
    void vePerturbationIsConvolution() {
        Sde.Ve ve = new Sde.Ve(0.01, 20);
        double t = 0.4;
        assertEquals(MIX.convolved(ve.marginalStd(t)), MIX.perturbed(1, ve.marginalStd(t)));
        float[] x = {0.3f, -0.2f};
        float[] a = new float[2];
        float[] b = new float[2];
        TimeScoreFn.of(MIX, ve).at(t).score(x, 0, 1, 2, a);
        ScoreFn.of(MIX.convolved(ve.marginalStd(t))).score(x, 0, 1, 2, b);
        assertArrayEquals(b, a, 0f);
    }
}
