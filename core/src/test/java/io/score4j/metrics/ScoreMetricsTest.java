package io.score4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import org.junit.jupiter.api.Test;

class ScoreMetricsTest {
    @Test
    void fisherDivergenceOfAConstantOffsetIsHalfItsSquaredNorm() {
        double[] truth = Draw.normalDouble(Key.of(1), 300); // 100 points in d = 3
        double[] learned = truth.clone();
        double[] c = {0.5, -1, 2};
        for (int i = 0; i < learned.length; i++) {
            learned[i] += c[i % 3];
        }
        // ½ ‖c‖² = ½ (0.25 + 1 + 4)
        assertEquals(2.625, ScoreMetrics.fisherDivergence(learned, truth, 3), 1e-12);
        assertEquals(0.0, ScoreMetrics.fisherDivergence(truth, truth, 3));
        // grid MSE averages over all n·d entries: (0.25 + 1 + 4)/3
        assertEquals(1.75, ScoreMetrics.gridMse(learned, truth), 1e-12);
    }

    @Test
    void densityOverloadsUseTheTrueScore() {
        GaussianMixture g = GaussianMixture.single(new double[] {1}, new double[] {2});
        double[] grid = ScoreMetrics.uniformGrid(-4, 0.01, 800);
        assertEquals(800, grid.length);
        assertEquals(3.99, grid[799], 1e-12);
        double[] zero = new double[800];
        // s*(x) = −(x − 1)/4, so the MSE of the zero score is mean((x − 1)²)/16 over the grid
        double expect = 0;
        for (double x : grid) {
            expect += (x - 1) * (x - 1) / 16;
        }
        assertEquals(expect / 800, ScoreMetrics.gridMse(grid, zero, g), 1e-12);
        assertEquals(0.5 * expect / 800, ScoreMetrics.fisherDivergence(grid, zero, g), 1e-12);
        assertArrayEquals(new double[] {0.25, -0.25}, ScoreMetrics.trueScores(new double[] {0, 2}, g), 1e-15);
    }

    @Test
    void shapeErrorsAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> ScoreMetrics.fisherDivergence(new double[4], new double[3], 1));
        assertThrows(IllegalArgumentException.class, () -> ScoreMetrics.fisherDivergence(new double[3], new double[3], 2));
        assertThrows(IllegalArgumentException.class, () -> ScoreMetrics.gridMse(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ScoreMetrics.uniformGrid(0, 0, 3));
    }
}
