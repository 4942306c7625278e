package io.score4j.autodiff;

import io.score4j.tensor.Tensor;
import java.util.List;

/**
 * Result of {@link Autodiff#valueAndGrad}: the one-element value f(at) and ∂f/∂at, one tensor
 * per argument in argument order, each with that argument's shape.
 */
public record ValueAndGrad(Tensor value, List<Tensor> grads) {
    public ValueAndGrad {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        if (grads == null) {
            throw new IllegalArgumentException("grads must not be null");
        }
        grads = List.copyOf(grads);
    }
}
