package io.score4j.objective;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Locale;

/**
 * The law of the random projection directions v ∈ R^D of sliced score matching. Both have
 * E[v] = 0 and E[v vᵀ] = I, which is what makes E_v[vᵀ(∂s/∂x)v] = tr ∂s/∂x and
 * E_v[(vᵀs)²] = ‖s‖², so sliced score matching is unbiased for exact score matching.
 */
public enum Projection {
    /** Each component ±1 with probability ½ (lowest variance of vᵀJv among such laws; ‖v‖² = D). */
    RADEMACHER,
    /** Each component N(0, 1), independent. */
    GAUSSIAN;

    /** Lower-case name used on the command line and in model metadata. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (case-insensitive); throws naming the allowed values. */
    public static Projection parse(String s) {
        for (Projection p : values()) {
            if (p.id().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown projection '" + s + "' (use rademacher or gaussian)");
    }

    /** Component {@code counter} of the projections drawn with {@code key}: a pure function of both. */
    double component(Key key, long counter) {
        return switch (this) {
            case RADEMACHER -> key.bits(counter) < 0 ? -1.0 : 1.0;
            case GAUSSIAN -> Draw.normalAt(key, counter);
        };
    }
}
