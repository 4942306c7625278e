package io.score4j.sampling;

import io.score4j.InputException;
import java.util.Locale;

/** The samplers a user can pick by name ({@code --sampler}). */
public enum SamplerKind {
    /** Unadjusted Langevin: x ← x + α s(x) + √(2α) z. Any score; biased for finite α. */
    LANGEVIN,
    /** Annealed Langevin over a geometric σ ladder, ε_i = ε σ_i²/σ_L²: recovers mode weights. */
    ANNEALED,
    /** Metropolis-adjusted Langevin: exact for an analytic density (mixtures only). */
    MALA,
    /** The probability-flow ODE of a score SDE from its prior (RK45 or Heun): deterministic given the start. */
    ODE;

    /** The name a user writes: {@code langevin}, {@code annealed}, {@code mala}, {@code ode}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sampler named {@code value} (case-insensitive); an unknown name is an {@link InputException}. */
    public static SamplerKind parse(String value) {
        for (SamplerKind k : values()) {
            if (k.id().equalsIgnoreCase(value)) {
                return k;
            }
        }
        throw new InputException("unknown sampler '" + value + "' (use langevin, annealed, mala or ode)");
    }
}
