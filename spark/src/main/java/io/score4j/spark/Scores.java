package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.train.ModelScores;
import io.score4j.train.ScoreModel;

/**
 * {@link ModelScores#inOriginalUnits} as a {@link RowFunction}: columns score_&lt;column&gt;, and the refusal of
 * {@link ModelScores#requireFinite} word for word (the row counted over the whole table).
 *
 * @param sigma the noise level of a noise-conditional model (null: its smallest; must be null for a plain model)
 */
record Scores(Double sigma) implements RowFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public String[] columns(ScoreModel m) {
        return ModelScores.columns(m);
    }

    @Override
    public double[] apply(ScoreModel m, double[] points, int n) {
        return ModelScores.inOriginalUnits(m, points, sigma);
    }

    @Override
    public void requireFinite(ScoreModel m, double[] out, long firstRow, String source) {
        try {
            ModelScores.requireFinite(out, m.dim(), source);
        } catch (InputException e) {
            for (int i = 0; i < out.length; i++) {
                if (!Double.isFinite(out[i])) {
                    long row = firstRow + i / m.dim();
                    throw new InputException(source + ": data row " + row + ": the model's score there is " + out[i]
                            + " (it overflows: the point is too far outside the range the model can score); "
                            + "nothing was written");
                }
            }
            throw e;
        }
    }
}
