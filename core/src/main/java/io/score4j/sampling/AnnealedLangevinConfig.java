package io.score4j.sampling;

import io.score4j.Parallelism;
import io.score4j.noise.NoiseLadder;
import java.util.Objects;

/**
 * Settings for {@link AnnealedLangevin}.
 *
 * @param ladder        the σ ladder
 * @param epsilon       ε &gt; 0: level i steps with α_i = ε·σ_i²/σ_L² (so ε is the step on the last level)
 * @param stepsPerLevel T ≥ 0 steps on each level
 * @param thinning      k ≥ 0: keep the state after every k-th step, counted over all L·T steps; 0 = none
 * @param parallelism   the threads the particle blocks run on; results are bit-identical for every count
 */
public record AnnealedLangevinConfig(NoiseLadder ladder, double epsilon, int stepsPerLevel, int thinning,
                                     Parallelism parallelism) implements SamplerConfig {
    public AnnealedLangevinConfig {
        Objects.requireNonNull(ladder, "ladder");
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        if (stepsPerLevel < 0) {
            throw new IllegalArgumentException("stepsPerLevel must be >= 0, got " + stepsPerLevel);
        }
        if ((long) stepsPerLevel * ladder.levels() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stepsPerLevel " + stepsPerLevel + " x levels " + ladder.levels()
                    + " exceeds " + Integer.MAX_VALUE + " steps");
        }
        if (thinning < 0) {
            throw new IllegalArgumentException("thinning must be >= 0 (0 = no history), got " + thinning);
        }
        Objects.requireNonNull(parallelism, "parallelism");
    }
}
