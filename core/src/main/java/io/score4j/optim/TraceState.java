package io.score4j.optim;

import io.score4j.nn.Params;
import java.util.Objects;

/**
 * State of SGD with momentum: the momentum buffer t (same names, shapes and dtypes as the params),
 * updated as t ← momentum·t + g.
 */
public record TraceState(Params trace) {
    public TraceState {
        Objects.requireNonNull(trace, "trace");
    }
}
