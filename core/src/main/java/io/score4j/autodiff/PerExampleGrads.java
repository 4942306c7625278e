package io.score4j.autodiff;

import io.score4j.tensor.Tensor;
import java.util.List;

/**
 * Result of {@link Autodiff#perExample}: {@code values} of shape [B] (f on each example) and, for
 * each parameter of shape S, {@code grads} of shape [B, …S] (example b's gradient at index b).
 */
public record PerExampleGrads(Tensor values, List<Tensor> grads) {
    public PerExampleGrads {
        if (values == null || values.rank() != 1) {
            throw new IllegalArgumentException("values must be a rank-1 tensor, got " + values);
        }
        if (grads == null) {
            throw new IllegalArgumentException("grads must not be null");
        }
        for (Tensor g : grads) {
            if (g.rank() < 1 || g.dim(0) != values.dim(0)) {
                throw new IllegalArgumentException("grads entry " + g + " must have leading axis " + values.dim(0));
            }
        }
        grads = List.copyOf(grads);
    }

    /** Number of examples B. */
    public int batchSize() {
        return values.dim(0);
    }
}
