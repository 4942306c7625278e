package io.score4j.sampling;

import io.score4j.noise.Sde;

/**
 * Settings of the reverse-SDE Euler–Maruyama sampler ({@code --sampler em}; score_sde's
 * {@code EulerMaruyamaPredictor}, no corrector): x ← x − [f(t)x − g(t)² s(x, t)]Δt + g(t)√Δt·z.
 *
 * @param sde     the SDE
 * @param steps   N ≥ 1 steps, Δt = (T − ε)/N
 * @param eps     the smallest time ε in (0, T)
 * @param threads worker threads ≥ 1; results are bit-identical for every value
 */
public record EulerMaruyamaConfig(Sde sde, int steps, double eps, int threads) implements DiffusionConfig {
    public EulerMaruyamaConfig {
        DiffusionConfig.check(sde, steps, eps, threads);
    }

    @Override
    public int correctorSteps() {
        return 0;
    }
}
