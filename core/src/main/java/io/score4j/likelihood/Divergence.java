package io.score4j.likelihood;

/**
 * The divergence tr ∂s/∂x of a time-conditioned score s(x, t) (or a {@link Trace Hutchinson} estimate of
 * it), for a batch of rows each at its own time. Row i's value depends only on row i of {@code x},
 * {@code t[i]} and {@code ids[i]} (the global row index, which fixes Hutchinson probes). Thread-safe for
 * concurrent calls.
 */
@FunctionalInterface
public interface Divergence {
    /**
     * @param count rows, ≥ 1
     * @param ids   global row indices, length ≥ count; only read
     * @param t     times, length ≥ count; only read
     * @param x     flat row-major [count, d] points, in the score's working units; only read
     * @param d     dimension
     * @param out   modified: out[i] = tr ∂s/∂x (x_i, t_i) for i &lt; count
     */
    void divergence(int count, int[] ids, double[] t, double[] x, int d, double[] out);
}
