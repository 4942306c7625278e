package io.score4j.density;

/**
 * An analytic density on R^d that can be evaluated up to a constant, with its score.
 * Points are rows of a flat row-major array: point j occupies {@code x[off + j*d … off + j*d + d)}.
 * Implementations are immutable and thread-safe.
 */
public interface Density {
    /** Dimension d. */
    int dim();

    /** log p(x) (normalised where the implementation says so) of the point at {@code x[off … off+d)}. */
    double logDensity(double[] x, int off);

    /** Writes ∇ₓ log p(x) of the point at {@code x[off … off+d)} into {@code out[outOff … outOff+d)}. */
    void score(double[] x, int off, double[] out, int outOff);
}
