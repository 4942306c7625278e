package io.score4j.objective;

import io.score4j.autodiff.Var;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Map;

/**
 * The per-example losses of consecutive batch rows, as one differentiable graph. Rows are
 * identified by their batch index so that an objective's randomness (noise, projections, noise
 * level) for example b comes from {@code key.child(b)} alone: the batch and per-example paths see
 * the same draws.
 */
@FunctionalInterface
interface RowLoss {
    /**
     * @param params the MLP parameters as Vars
     * @param rows   rows [first, first + R) of the batch, shape [R, D]
     * @param key    the objective's key (may be null for deterministic objectives)
     * @param first  batch index of the first row
     * @return ℓ(θ; x_b) for those rows, shape [R]
     */
    Var apply(Map<String, Var> params, Tensor rows, Key key, int first);
}
