package io.score4j.optim;

import io.score4j.nn.Params;
import java.util.Objects;

/**
 * State of an {@link Optimizers#ema EMA} of the parameters.
 *
 * @param count number of updates folded in so far (n), ≥ 0
 * @param ema   the average ema_n, same names, shapes and dtypes as the params (ema_0 = θ_0)
 */
public record EmaState(long count, Params ema) {
    public EmaState {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        Objects.requireNonNull(ema, "ema");
    }
}
