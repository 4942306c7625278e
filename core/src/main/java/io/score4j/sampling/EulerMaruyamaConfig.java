package io.score4j.sampling;

import io.score4j.Parallelism;
import io.score4j.noise.Sde;

/**
 * Settings of the reverse-SDE Euler–Maruyama sampler ({@code --sampler em}; score_sde's
 * {@code EulerMaruyamaPredictor}, no corrector): x ← x − [f(t)x − g(t)² s(x, t)]Δt + g(t)√Δt·z.
 *
 * @param sde     the SDE
 * @param steps   N ≥ 1 steps, Δt = (T − ε)/N
 * @param eps     the smallest time ε in (0, T)
 * @param parallelism the threads the particle blocks run on; results are bit-identical for every count
 */
public record EulerMaruyamaConfig(Sde sde, int steps, double eps, Parallelism parallelism) implements DiffusionConfig {
    public EulerMaruyamaConfig {
        DiffusionConfig.check(sde, steps, eps, parallelism);
    }

    @Override
    public int correctorSteps() {
        return 0;
    }
}
