package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.train.ScoreModel;
import java.io.Serializable;

/**
 * A per-row function of a model, applied by {@link SparkRows} to the rows of a table partition by partition (the
 * model broadcast once as its bytes): the score ({@link #score}) and the exact log-likelihood of a score SDE
 * ({@link #logp}).
 */
public interface RowFunction extends Serializable {
    /** Output column names for {@code m}. */
    String[] columns(ScoreModel m);

    /**
     * The outputs at {@code n} points (flat [n, m.dim()], original units, in the model's column order); returns flat
     * [n, columns(m).length], a new array.
     */
    double[] apply(ScoreModel m, double[] points, int n);

    /**
     * {@link #apply(ScoreModel, double[], int)} where row 0 of {@code points} is row {@code firstIndex} (0-based) of
     * the whole table, for functions whose randomness is keyed by the row (Hutchinson's probes); the default ignores it.
     */
    default double[] apply(ScoreModel m, double[] points, int n, long firstIndex) {
        return apply(m, points, n);
    }

    /**
     * Refuses a non-finite output; {@code firstRow} is the 1-based data row of {@code out}'s first row in
     * {@code source}. The default names the output column.
     *
     * @throws InputException naming the source, the data row and the value
     */
    default void requireFinite(ScoreModel m, double[] out, long firstRow, String source) {
        String[] cols = columns(m);
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                throw new InputException(source + ": data row " + (firstRow + i / cols.length) + ": "
                        + cols[i % cols.length] + " is " + out[i] + "; nothing was written");
            }
        }
    }

    /** The learned score ∇ log p (columns score_&lt;column&gt;) at {@code sigma} (null: the model's default). */
    static RowFunction score(Double sigma) {
        return new Scores(sigma);
    }

    /**
     * log p_ε and the ODE's NFE per row (columns logp, nfe), as {@code score4j logp --model} computes them: the exact
     * divergence, or Hutchinson's with {@code probes} probes of kind {@code probe} (a {@code Trace.Probe} name)
     * drawn from {@code seed} and the row's global index; RK45 tolerances {@code rtol}, {@code atol}; start time
     * {@code eps}. {@code source} names the CSV in messages.
     */
    static RowFunction logp(String source, boolean hutchinson, String probe, int probes, long seed, double rtol,
                            double atol, double eps) {
        return new Logp(source, hutchinson, probe, probes, seed, rtol, atol, eps);
    }
}
