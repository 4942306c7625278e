package io.score4j.objective;

import io.score4j.Parallelism;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;

/**
 * A score-matching training objective for an MLP score network s_θ (R^D → R^D, or
 * R^{D+1} → R^D for the noise-conditional one, whose extra input is log σ).
 *
 * <p>All methods take the architecture, the parameters θ, a batch of points [B, D] (of the
 * parameters' dtype) and a {@link Key} for objectives that draw randomness (projections, noise),
 * which reject a null key; deterministic objectives ignore the key, which may then be null. The
 * loss is the mean over the batch of a per-example loss ℓ(θ; x_b). Nothing passed in is modified.
 * The generic autodiff engine computes them on the threads of the {@link Parallelism} passed
 * (the overloads without one use {@link Parallelism#available()}); results have the same bits for
 * every thread count.
 */
public sealed interface Objective
        permits ExactScoreMatching, SlicedScoreMatching, DenoisingScoreMatching, NoiseConditionalScoreMatching,
                SdeScoreMatching {

    /** The batch loss (1/B)·Σ_b ℓ(θ; x_b). */
    double loss(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism);

    /** The batch loss and its gradient ∂loss/∂θ (same names and shapes as {@code params}). */
    LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism);

    /** ℓ(θ; x_b) and ∂ℓ(θ; x_b)/∂θ for each example b separately; their mean is {@link #lossAndGrad}. */
    PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism);

    /** {@link #loss(MlpSpec, Params, Tensor, Key, Parallelism)} on {@link Parallelism#available()}. */
    default double loss(MlpSpec spec, Params params, Tensor batch, Key key) {
        return loss(spec, params, batch, key, Parallelism.available());
    }

    /** {@link #lossAndGrad(MlpSpec, Params, Tensor, Key, Parallelism)} on {@link Parallelism#available()}. */
    default LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key) {
        return lossAndGrad(spec, params, batch, key, Parallelism.available());
    }

    /** {@link #perExample(MlpSpec, Params, Tensor, Key, Parallelism)} on {@link Parallelism#available()}. */
    default PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key) {
        return perExample(spec, params, batch, key, Parallelism.available());
    }
}
