package io.score4j.train;

import io.score4j.nn.Params;
import io.score4j.random.Key;

/**
 * Everything a run needs to continue exactly where it stopped: after {@code step} completed steps,
 * the parameters, the optimizer state, the training key for the next step and the per-step losses
 * so far. Immutable; {@code losses} is copied in and out.
 *
 * @param <S> optimizer state type
 */
public record TrainState<S>(Params params, S optState, Key key, int step, double[] losses) {
    public TrainState {
        if (params == null || optState == null || key == null) {
            throw new IllegalArgumentException("params, optState and key must not be null");
        }
        if (step < 0 || losses == null || losses.length != step) {
            throw new IllegalArgumentException("losses must hold one value per completed step (step=" + step + ")");
        }
        losses = losses.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }
}
