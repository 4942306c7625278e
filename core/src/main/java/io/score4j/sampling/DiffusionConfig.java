package io.score4j.sampling;

import io.score4j.Parallelism;
import io.score4j.noise.Sde;

/**
 * Settings shared by the reverse-SDE samplers ({@link ReverseDiffusion}): the SDE, the number N of predictor
 * steps on the uniform grid t_i = T − i·(T − ε)/N (i = 0 … N−1) and the smallest time ε the last step lands
 * on. {@link EulerMaruyamaConfig} has no corrector; {@link PredictorCorrectorConfig} adds Langevin corrector
 * steps.
 */
public sealed interface DiffusionConfig extends SamplerConfig permits EulerMaruyamaConfig, PredictorCorrectorConfig {
    /** The SDE whose reverse is solved; particles start from its prior N(0, priorStd² I). */
    Sde sde();

    /** N ≥ 1 predictor steps. */
    int steps();

    /** ε in (0, T): the time of the last step's end. */
    double eps();

    /** Langevin corrector steps before each predictor step (0 for Euler–Maruyama). */
    int correctorSteps();

    /**
     * The predictor's discretisation of the step from t − dt to t: Euler–Maruyama a = f(t)·dt, G = g(t)·√dt
     * (α = 1) unless a record overrides it.
     */
    default Sde.Discrete predictor(double t, double dt) {
        return new Sde.Discrete(sde().driftCoefficient(t) * dt, sde().diffusion(t) * Math.sqrt(dt), 1);
    }

    /** Score evaluations per particle over a run: N·(1 + corrector steps). */
    default long nfe() {
        return (long) steps() * (1 + correctorSteps());
    }

    /** Validation shared by both records; throws {@link IllegalArgumentException} naming the field. */
    static void check(Sde sde, int steps, double eps, Parallelism parallelism) {
        java.util.Objects.requireNonNull(sde, "sde");
        java.util.Objects.requireNonNull(parallelism, "parallelism");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(eps > 0) || !(eps < Sde.T)) {
            throw new IllegalArgumentException("eps must be in (0, " + Sde.T + "), got " + eps);
        }
    }
}
