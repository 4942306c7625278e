package io.score4j.optim;

import io.score4j.nn.Params;
import java.util.Objects;

/**
 * The result of one {@link Optimizer#update}: the updates to add to the parameters and the new state.
 *
 * @param updates same names, shapes and dtypes as the params; apply with {@link Optimizers#applyUpdates}
 * @param state   the state to pass to the next update
 * @param <S>     the optimizer's state record
 */
public record Update<S>(Params updates, S state) {
    public Update {
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(state, "state");
    }
}
