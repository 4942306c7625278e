package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.Tensor;
import java.util.Map;

/**
 * A gradient transformation as a pure (init, update) pair, as optax's {@code GradientTransformation}.
 *
 * <p>An optimizer holds only hyper-parameters; everything that changes from step to step lives in an
 * immutable state record of type {@code S} that the caller threads through:
 * <pre>{@code
 * S state = opt.init(params);
 * Update<S> u = opt.update(grads, state, params);
 * params = Optimizers.applyUpdates(params, u.updates());
 * state = u.state();
 * }</pre>
 * No method modifies its arguments: updates and new states are fresh tensors. All elementwise work
 * runs on the flat {@code float[]} (F32) or {@code double[]} (F64) arrays of each leaf, in the leaf's
 * own precision; grads, params and state leaves of one name must share a dtype.
 *
 * @param <S> the immutable state record
 */
public interface Optimizer<S> {

    /** The initial state for parameters shaped like {@code params} (nothing is modified). */
    S init(Params params);

    /**
     * Transforms {@code grads} into updates (to be added to the params) and advances the state.
     *
     * @param grads  gradients (or incoming updates in a {@link Optimizers#chain chain}); same names,
     *               shapes and dtypes as {@code params}
     * @param state  the state returned by {@link #init} or by the previous update; not modified
     * @param params the current parameters; not modified
     */
    Update<S> update(Params grads, S state, Params params);

    /**
     * The state as named tensors for a checkpoint, e.g. {@code adam.mu.layers.0.weight},
     * {@code adam.count} (an F64 scalar). The tensors are the state's own (immutable) leaves.
     */
    Map<String, Tensor> stateTensors(S state);

    /**
     * Rebuilds a state from {@link #stateTensors} output; {@code params} supplies the expected names,
     * shapes and dtypes. Round-trips bit-identically. Entries of {@code tensors} that this optimizer
     * does not use are ignored; a missing or mis-shaped entry throws {@link IllegalArgumentException}
     * naming it.
     */
    S restoreState(Map<String, Tensor> tensors, Params params);
}
