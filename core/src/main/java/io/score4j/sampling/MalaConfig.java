package io.score4j.sampling;

import io.score4j.Parallelism;
import java.util.Objects;

/**
 * Settings for {@link Mala}.
 *
 * @param stepSize α &gt; 0 of the proposal x' = x + α·s(x) + √(2α)·z
 * @param steps    number of proposals per particle, ≥ 0
 * @param parallelism the threads the particle blocks run on; results are bit-identical for every count
 */
public record MalaConfig(double stepSize, int steps, Parallelism parallelism) implements SamplerConfig {
    public MalaConfig {
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        Objects.requireNonNull(parallelism, "parallelism");
    }
}
