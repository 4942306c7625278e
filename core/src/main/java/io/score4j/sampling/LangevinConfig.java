package io.score4j.sampling;

import io.score4j.Parallelism;
import java.util.Objects;

/**
 * Settings for {@link Langevin}.
 *
 * @param stepSize  α &gt; 0 in x ← x + α·s(x) + √(2α)·z
 * @param steps     number of steps T ≥ 0
 * @param thinning  k ≥ 0: keep the state after every k-th step in the history; 0 keeps no history
 * @param parallelism the threads the particle blocks run on; results are bit-identical for every count
 */
public record LangevinConfig(double stepSize, int steps, int thinning, Parallelism parallelism) implements SamplerConfig {
    public LangevinConfig {
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (thinning < 0) {
            throw new IllegalArgumentException("thinning must be >= 0 (0 = no history), got " + thinning);
        }
        Objects.requireNonNull(parallelism, "parallelism");
    }

    /** Single-threaded, no history. */
    public static LangevinConfig of(double stepSize, int steps) {
        return new LangevinConfig(stepSize, steps, 0, Parallelism.single());
    }
}
