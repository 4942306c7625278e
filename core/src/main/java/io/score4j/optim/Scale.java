package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.Tensor;
import java.util.Map;

/** u = factor · g (optax {@code scale}); stateless. */
record Scale(double factor) implements Optimizer<EmptyState> {
    Scale {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite, got " + factor);
        }
    }

    @Override
    public EmptyState init(Params params) {
        return EmptyState.INSTANCE;
    }

    @Override
    public Update<EmptyState> update(Params grads, EmptyState state, Params params) {
        Leaves.checkLike("grad", grads, params);
        return new Update<>(grads.map(g -> Leaves.scaled(g, factor)), EmptyState.INSTANCE);
    }

    @Override
    public Map<String, Tensor> stateTensors(EmptyState state) {
        return Map.of();
    }

    @Override
    public EmptyState restoreState(Map<String, Tensor> tensors, Params params) {
        return EmptyState.INSTANCE;
    }
}
