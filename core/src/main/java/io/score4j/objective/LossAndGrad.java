package io.score4j.objective;

import io.score4j.nn.Params;

/**
 * A batch loss and its gradient w.r.t. the parameters (same names and shapes as the parameters).
 * The loss may be non-finite (a diverging run); callers decide what to do with that.
 */
public record LossAndGrad(double loss, Params grad) {
    public LossAndGrad {
        if (grad == null) {
            throw new IllegalArgumentException("grad must not be null");
        }
    }
}
