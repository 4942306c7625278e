package io.score4j.optim;

import io.score4j.nn.Params;
import java.util.Objects;

/**
 * State of Adam: the number of updates taken and the first and second moment estimates.
 *
 * @param count number of completed updates (t in the bias corrections 1 − βᵗ), ≥ 0
 * @param mu    first moment m, same names, shapes and dtypes as the params
 * @param nu    second moment v, same structure as {@code mu}
 */
public record AdamState(long count, Params mu, Params nu) {
    public AdamState {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        Objects.requireNonNull(mu, "mu");
        Objects.requireNonNull(nu, "nu");
        mu.checkSameStructure(nu);
    }
}
