package io.score4j.density;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.autodiff.Var;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The mixture score by forward-mode autodiff of the log-density (the seed's jacfwd way) equals the closed form. */
class MixtureAutodiffTest {
    @Test
    void seedMixtureOnTheSeedGrid() {
        GaussianMixture mix = GaussianMixture.fromJson("{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}", "seed");
        double[] grid = new double[800];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -4 + 0.01 * i;
        }
        assertClose(mix.scores(grid), MixtureAutodiff.score(mix, grid));
        double[] logp = MixtureAutodiff.logDensity(mix, Var.leaf(Tensor.of(grid, 800, 1))).value().toDoubleArray();
        assertClose(mix.logDensities(grid), logp);
    }

    @Test
    void threeComponentsInThreeDimensionsIncludingFarTails() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.2, 0.5, 0.3},
                new double[][] {{0, 1, -1}, {3, -2, 0.5}, {-4, 0, 2}}, new double[][] {{1, 0.5, 2}, {0.7, 1, 1}, {1.5, 2, 0.3}});
        double[] pts = Draw.normalDouble(Key.of(8), 3 * 200);
        for (int i = 0; i < pts.length; i++) {
            pts[i] *= 6;   // reaches far tails, where a naive log(sum(exp)) would underflow
        }
        assertClose(mix.scores(pts), MixtureAutodiff.score(mix, pts));
    }

    private static void assertClose(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-10 * Math.max(1, Math.abs(want[i])), "index " + i);
        }
    }
}
