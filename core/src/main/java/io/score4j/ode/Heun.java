package io.score4j.ode;

import io.score4j.Parallelism;
import java.util.Arrays;

/**
 * Heun's method (the explicit trapezoidal rule, second order) with {@code steps} equal steps on the grid
 * t_i = t0 + (t1 − t0)·i/N (t_N = t1 exactly):
 *
 * <pre>  k1 = F(t_i, y),  k2 = F(t_{i+1}, y + h k1),  y ← y + h/2 (k1 + k2),  h = t_{i+1} − t_i</pre>
 *
 * Two evaluations per step: NFE = 2N for every row. Global error O(h²).
 *
 * @param steps N, in [1, 10⁶]
 */
public record Heun(int steps) implements OdeSolver {
    public Heun {
        if (steps < 1 || steps > 1_000_000) {
            throw new IllegalArgumentException("Heun needs 1 <= steps <= 1000000, got " + steps);
        }
    }

    @Override
    public OdeResult solve(BatchOde f, int m, double[] y, int firstId, double t0, double t1, Parallelism parallelism) {
        int n = OdeSolver.rows(f, m, y, t0, t1);
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        parallelism.forEach(blocks, b -> block(f, m, y, firstId, b * BLOCK_ROWS, Math.min(n, (b + 1) * BLOCK_ROWS), t0, t1));
        int[] nfe = new int[n];
        int[] accepted = new int[n];
        Arrays.fill(nfe, 2 * steps);
        Arrays.fill(accepted, steps);
        return new OdeResult(nfe, accepted, new int[n]);
    }

    @Override
    public String describe() {
        return "heun(steps=" + steps + ")";
    }

    /** Rows [from, to) of y, integrated in place. */
    private void block(BatchOde f, int m, double[] y, int firstId, int from, int to, double t0, double t1) {
        int count = to - from;
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = firstId + from + i;
        }
        double[] t = new double[count];
        double[] ys = Arrays.copyOfRange(y, from * m, to * m);
        double[] k1 = new double[ys.length];
        double[] k2 = new double[ys.length];
        double[] trial = new double[ys.length];
        for (int i = 0; i < steps; i++) {
            double ta = time(t0, t1, i);
            double tb = time(t0, t1, i + 1);
            double h = tb - ta;
            Arrays.fill(t, ta);
            f.derivative(count, ids, t, ys, k1);
            for (int e = 0; e < ys.length; e++) {
                trial[e] = ys[e] + h * k1[e];
            }
            Arrays.fill(t, tb);
            f.derivative(count, ids, t, trial, k2);
            for (int e = 0; e < ys.length; e++) {
                ys[e] += 0.5 * h * (k1[e] + k2[e]);
            }
        }
        System.arraycopy(ys, 0, y, from * m, ys.length);
    }

    private double time(double t0, double t1, int i) {
        return i == steps ? t1 : t0 + (t1 - t0) * i / steps;
    }
}
