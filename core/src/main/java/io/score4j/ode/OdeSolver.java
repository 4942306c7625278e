package io.score4j.ode;

import io.score4j.Parallelism;

/**
 * An ODE solver for a batch of independent ODEs ({@link BatchOde}): {@link Dopri5} (adaptive
 * Dormand–Prince 5(4), each row with its own step size) or {@link Heun} (fixed steps).
 *
 * <p>Rows are integrated in fixed blocks of {@link #BLOCK_ROWS} consecutive rows, one task per block on the
 * given {@link Parallelism}; within a block each iteration evaluates F once on the compact batch of rows
 * still running. Because F sees each row alone (its contract) and every row keeps its own time and step
 * size, row r's result, to the bit, depends only on its start value and its id: not on the thread count,
 * on which other rows are solved with it, or on how the caller splits rows into calls (solving rows
 * [a, b) alone with {@code firstId = a} gives the bits of those rows of the whole run).
 */
public sealed interface OdeSolver permits Dopri5, Heun {
    /** Rows per block. */
    int BLOCK_ROWS = 256;

    /**
     * Integrates every row of {@code y} from {@code t0} to {@code t1} (either direction).
     *
     * @param f       the batch of ODEs; row r is called with id {@code firstId + r}
     * @param m       the dimension of each row's state, ≥ 1
     * @param y       flat row-major [n, m]; modified: holds y(t1) on return
     * @param firstId the id of row 0 (the global index of this slice of rows)
     * @param t0      start time, finite
     * @param t1      end time, finite and ≠ t0
     * @return the per-row cost
     * @throws OdeFailure when a row's step size underflows or it exceeds its step budget (Dopri5)
     */
    OdeResult solve(BatchOde f, int m, double[] y, int firstId, double t0, double t1, Parallelism parallelism);

    /** A short description for logs and metadata, e.g. {@code rk45(rtol=1e-5, atol=1e-5)}. */
    String describe();

    /** Validates the common arguments and returns the row count n. */
    static int rows(BatchOde f, int m, double[] y, double t0, double t1) {
        if (f == null) {
            throw new IllegalArgumentException("the ODE must not be null");
        }
        if (m < 1 || y.length % m != 0) {
            throw new IllegalArgumentException("state length " + y.length + " is not a multiple of m=" + m);
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1) || t0 == t1) {
            throw new IllegalArgumentException("need finite t0 != t1, got " + t0 + " and " + t1);
        }
        return y.length / m;
    }
}
