package io.score4j.optim;

import java.util.List;

/**
 * State of a {@link Optimizers#chain chain}: the states of its parts, in order.
 *
 * @param states one state per part (copied into an unmodifiable list; no nulls)
 */
public record ChainState(List<Object> states) {
    public ChainState {
        states = List.copyOf(states);
    }
}
