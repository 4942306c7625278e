package io.score4j.sampling;

/**
 * Settings for {@link Langevin}.
 *
 * @param stepSize  α &gt; 0 in x ← x + α·s(x) + √(2α)·z
 * @param steps     number of steps T ≥ 0
 * @param thinning  k ≥ 0: keep the state after every k-th step in the history; 0 keeps no history
 * @param threads   worker threads ≥ 1; results are bit-identical for every value
 */
public record LangevinConfig(double stepSize, int steps, int thinning, int threads) implements SamplerConfig {
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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Single-threaded, no history. */
    public static LangevinConfig of(double stepSize, int steps) {
        return new LangevinConfig(stepSize, steps, 0, 1);
    }
}
