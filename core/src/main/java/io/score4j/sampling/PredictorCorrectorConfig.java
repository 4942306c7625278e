package io.score4j.sampling;

import io.score4j.Parallelism;
import io.score4j.noise.Sde;

/**
 * Settings of the predictor–corrector sampler ({@code --sampler pc}; score_sde's
 * {@code ReverseDiffusionPredictor} + {@code LangevinCorrector}).
 *
 * @param sde            the SDE
 * @param steps          N ≥ 1 predictor steps, Δt = (T − ε)/N
 * @param snr            the corrector's signal-to-noise ratio r &gt; 0 (score_sde: 0.16)
 * @param correctorSteps Langevin corrector steps ≥ 0 before each predictor step (score_sde: 1)
 * @param eps            the smallest time ε in (0, T)
 * @param parallelism    the threads the particle blocks run on; results are bit-identical for every count
 */
public record PredictorCorrectorConfig(Sde sde, int steps, double snr, int correctorSteps, double eps, Parallelism parallelism)
        implements DiffusionConfig {
    public PredictorCorrectorConfig {
        DiffusionConfig.check(sde, steps, eps, parallelism);
        if (!(snr > 0) || !Double.isFinite(snr)) {
            throw new IllegalArgumentException("snr must be finite and > 0, got " + snr);
        }
        if (correctorSteps < 0) {
            throw new IllegalArgumentException("correctorSteps must be >= 0, got " + correctorSteps);
        }
    }

    /** The reverse-diffusion predictor: the SDE's own discretisation ({@link Sde#discretize}). */
    @Override
    public Sde.Discrete predictor(double t, double dt) {
        return sde.discretize(t, dt);
    }
}
