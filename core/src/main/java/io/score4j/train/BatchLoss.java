package io.score4j.train;

import io.score4j.nn.LossAndGrad;
import io.score4j.nn.Params;
import io.score4j.random.Key;

/**
 * The objective as the training loop sees it: the mean loss over a batch and its gradient with
 * respect to the parameters. Implementations must not modify {@code params} or {@code batch}.
 */
@FunctionalInterface
public interface BatchLoss {
    /**
     * @param params current parameters
     * @param batch  rows of the batch, flat row-major [n, d]
     * @param n      number of rows
     * @param key    randomness for stochastic objectives (projections, noise); unused by exact SM
     */
    LossAndGrad lossAndGrad(Params params, float[] batch, int n, Key key);
}
