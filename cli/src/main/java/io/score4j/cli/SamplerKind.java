package io.score4j.cli;

import java.util.Locale;

/** The samplers a user can pick with {@code --sampler}. */
enum SamplerKind {
    /** Unadjusted Langevin: x ← x + α s(x) + √(2α) z. Any score; biased for finite α. */
    LANGEVIN,
    /** Annealed Langevin over a geometric σ ladder, ε_i = ε σ_i²/σ_L²: recovers mode weights. */
    ANNEALED,
    /** Metropolis-adjusted Langevin: exact for an analytic density (--mixture only). */
    MALA;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static final class Converter implements picocli.CommandLine.ITypeConverter<SamplerKind> {
        @Override
        public SamplerKind convert(String value) {
            for (SamplerKind k : values()) {
                if (k.id().equalsIgnoreCase(value)) {
                    return k;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "unknown sampler '" + value + "' (use langevin, annealed or mala)");
        }
    }
}
