package io.score4j.train;

import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import java.util.Objects;

/**
 * How {@link ModelSampling} draws: the sampler, steps (per level for annealed), the step size
 * ({@code null}: {@link SamplerDefaults}), particles starting U(startLow, startHigh)^d, the annealed
 * ladder's ends and level count ({@code null}: the model's ladder, or the mixture defaults) and the
 * worker threads (results are bit-identical for every count). User-facing checks (with flag names)
 * are the caller's; this record only refuses values no sampler can run.
 */
public record SamplingPlan(SamplerKind kind, int steps, Double stepSize, double startLow, double startHigh,
                           Double sigmaMax, Double sigmaMin, Integer levels, int threads) {
    public SamplingPlan {
        Objects.requireNonNull(kind, "kind");
        if (steps < 1 || threads < 1 || !(startHigh > startLow) || (levels != null && levels < 1)) {
            throw new IllegalArgumentException("sampling plan needs steps >= 1, threads >= 1, startHigh > startLow,"
                    + " levels >= 1; got " + steps + ", " + threads + ", " + startLow + ".." + startHigh + ", " + levels);
        }
    }

    /** The step size to use: the given one, or the sampler's default given the smallest noise level. */
    public double stepSize(double sigmaMin) {
        if (stepSize != null) {
            return stepSize;
        }
        return kind == SamplerKind.ANNEALED ? SamplerDefaults.annealedEpsilon(sigmaMin) : SamplerDefaults.STEP_SIZE;
    }

    /** The annealed sampler's level count: {@code levels}, or {@code otherwise}. */
    int levelsOr(int otherwise) {
        return levels != null ? levels : otherwise;
    }
}
