package io.score4j.train;

import io.score4j.nn.MlpSpec;
import io.score4j.objective.ExactScoreMatching;
import io.score4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Exact score matching as a {@link BatchLoss}: the fused one-hidden-layer kernel where it applies,
 * the generic autodiff path ({@link ExactScoreMatching}) otherwise. Both compute
 * mean_b ½‖s(x_b)‖² + tr ∂s/∂x(x_b) and its parameter gradient.
 */
final class ExactLoss {
    private ExactLoss() {}

    static BatchLoss of(MlpSpec spec, int d, int threads) {
        return generic(spec, d);
    }

    /** The generic autodiff path for any MLP. */
    static BatchLoss generic(MlpSpec spec, int d) {
        ExactScoreMatching objective = new ExactScoreMatching();
        return (params, batch, n, key) -> {
            var r = objective.lossAndGrad(spec, params, Tensor.wrap(Arrays.copyOf(batch, n * d), n, d), key);
            return new BatchLoss.StepResult(r.loss(), r.grad());
        };
    }
}
