package io.score4j.train;

import io.score4j.Parallelism;
import io.score4j.fused.FusedMlp;
import io.score4j.model.Kernel;
import io.score4j.nn.MlpSpec;
import io.score4j.objective.ExactScoreMatching;
import io.score4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Exact score matching as a {@link BatchLoss}: the fused one-hidden-layer kernel where {@link Kernel#training}
 * chooses it, the generic autodiff path ({@link ExactScoreMatching}) otherwise. Both compute
 * mean_b ½‖s(x_b)‖² + tr ∂s/∂x(x_b) and its parameter gradient.
 */
public final class ExactLoss {
    private ExactLoss() {}

    /** The kernel {@link Kernel#training} chooses for {@code spec} on d-dimensional data, on {@code parallelism}. */
    public static BatchLoss of(MlpSpec spec, int d, Parallelism parallelism) {
        return Kernel.training(spec, true) == Kernel.FUSED_ONE_HIDDEN_LAYER ? fused(spec, parallelism)
                : generic(spec, d, parallelism);
    }

    /** The fused one-hidden-layer kernel; results do not depend on {@code parallelism}. */
    public static BatchLoss fused(MlpSpec spec, Parallelism parallelism) {
        return (params, batch, n, key) -> {
            var r = FusedMlp.of(spec, params).lossAndGradient(batch, n, parallelism);
            return r;
        };
    }

    /** The generic autodiff path for any MLP, on {@code parallelism} (results do not depend on it). */
    public static BatchLoss generic(MlpSpec spec, int d, Parallelism parallelism) {
        ExactScoreMatching objective = new ExactScoreMatching();
        return (params, batch, n, key) -> {
            var r = objective.lossAndGrad(spec, params, Tensor.wrap(Arrays.copyOf(batch, n * d), n, d), parallelism);
            return r;
        };
    }
}
