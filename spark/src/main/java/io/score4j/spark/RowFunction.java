package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.train.ScoreModel;
import java.io.Serializable;

/**
 * A per-row function of a model, applied by {@link SparkRows} to the rows of a table partition by partition (the
 * model broadcast once as its bytes): the score now; {@code logp} (the exact log-likelihood of a score SDE) plugs
 * in as one more implementation with one output column.
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
}
