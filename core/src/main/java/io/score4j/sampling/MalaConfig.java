package io.score4j.sampling;

/**
 * Settings for {@link Mala}.
 *
 * @param stepSize α &gt; 0 of the proposal x' = x + α·s(x) + √(2α)·z
 * @param steps    number of proposals per particle, ≥ 0
 * @param threads  worker threads ≥ 1; results are bit-identical for every value
 */
public record MalaConfig(double stepSize, int steps, int threads) implements SamplerConfig {
    public MalaConfig {
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
