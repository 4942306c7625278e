package io.score4j.table;

/**
 * A monotone map between one numeric column's values x and the model's coordinate z, fitted on the
 * data: the transform that makes the column's marginal smooth and close to N(0, 1) for the score network.
 * Decoding does not clamp or round; the column does ({@link NumericColumn}).
 */
public sealed interface Marginal permits QuantileMarginal, LogMarginal, LogitMarginal {
    /** Probabilities are kept in [EPS, 1 − EPS] before Φ⁻¹, so |z| ≤ Φ⁻¹(1 − 10⁻⁶) ≈ 4.75. */
    double EPS = 1e-6;

    /**
     * z for the value x.
     *
     * @param u a uniform draw in [0, 1) that places a value with probability mass (an integer, an atom such
     *          as a column's many zeros) inside its interval of the CDF; 0.5 for the interval's midpoint
     */
    double encode(double x, double u);

    /** The value for a model coordinate z (any double but NaN; ±∞ go to the ends). */
    double decode(double z);

    /** z for a gap: a draw from the marginal itself (Φ⁻¹ of the uniform u for the quantile transform). */
    double fill(double u);
}
