package io.score4j.nn;

/**
 * A batch loss and its gradient with respect to the parameters: the one (value, gradient) record of
 * the objectives, the fused kernels and the training loop. The loss may be non-finite (a diverging
 * run); callers decide what to do with that.
 *
 * @param loss the mean loss over the batch
 * @param grad ∂loss/∂params: the parameters' names, order and shapes (F32 from the fused kernels)
 */
public record LossAndGrad(double loss, Params grad) {
    public LossAndGrad {
        if (grad == null) {
            throw new IllegalArgumentException("grad must not be null");
        }
    }
}
