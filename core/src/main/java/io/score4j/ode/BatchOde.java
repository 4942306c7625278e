package io.score4j.ode;

/**
 * A batch of independent ordinary differential equations dy/dt = F(t, y), one per row, each of the same
 * dimension m. The solvers call it on compact batches of the rows still being integrated, each row at its
 * own time; row i's derivative must depend only on {@code ids[i]}, {@code t[i]} and row i of {@code y}
 * (never on the other rows of the batch or on the batch size), so a row's trajectory is the same whichever
 * rows it is integrated with. Calls from different threads cover disjoint rows.
 */
@FunctionalInterface
public interface BatchOde {
    /**
     * Writes F(t_i, y_i) for the {@code count} rows of the batch.
     *
     * @param count rows in this batch, ≥ 1
     * @param ids   ids[i] is the caller's index of batch row i (which ODE it is), length ≥ count; only read
     * @param t     t[i], the time of batch row i, length ≥ count; only read
     * @param y     flat row-major [count, m] states; only read
     * @param dydt  flat [count, m]; modified: every element of the first count·m is overwritten
     */
    void derivative(int count, int[] ids, double[] t, double[] y, double[] dydt);
}
