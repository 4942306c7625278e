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
    /** Reverse-SDE Euler–Maruyama from the SDE's prior: time-conditioned models or a mixture's exact score. */
    EM,
    /** Predictor–corrector: reverse-diffusion predictor + Langevin corrector (signal-to-noise ratio --snr). */
    PC,
    /** The probability-flow ODE of a score SDE from its prior (RK45 or Heun): deterministic given the start. */
    ODE;

    /** The name a user writes: {@code langevin}, {@code annealed}, {@code mala}, {@code em}, {@code pc}, {@code ode}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this sampler solves a score SDE's reverse diffusion (needs a time-conditioned score). */
    public boolean diffusion() {
        return this == EM || this == PC;
    }

    /** The sampler named {@code value} (case-insensitive); an unknown name is an {@link InputException}. */
    public static SamplerKind parse(String value) {
        for (SamplerKind k : values()) {
            if (k.id().equalsIgnoreCase(value)) {
                return k;
            }
        }
        throw new InputException("unknown sampler '" + value + "' (use langevin, annealed, mala, em, pc or ode)");
    }
}
