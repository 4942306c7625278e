package io.score4j.fused;

import io.score4j.nn.Params;

/**
 * The exact score-matching loss of a batch and its gradient with respect to the parameters.
 *
 * @param loss      mean over the batch of ½‖s(x)‖² + tr ∂s/∂x
 * @param gradients F32 tensors with the parameters' names and shapes
 */
public record LossAndGradient(double loss, Params gradients) {
    public LossAndGradient {
        if (gradients == null) {
            throw new IllegalArgumentException("gradients must not be null");
        }
    }
}
