package io.score4j.sampling;

import io.score4j.Parallelism;

/**
 * The sampler family: every sampler score4j runs is one of these settings records, and
 * {@link SamplerDefaults} fills in what a caller leaves out. Langevin and annealed Langevin share one update
 * ({@link LangevinUpdate}) and run on a {@link Chain} strategy; MALA adds a Metropolis–Hastings correction
 * and needs a density.
 */
public sealed interface SamplerConfig permits LangevinConfig, AnnealedLangevinConfig, MalaConfig, DiffusionConfig,
        ProbabilityFlowConfig {
    /** The threads the sampler runs its fixed particle blocks on; results are bit-identical for every count. */
    Parallelism parallelism();
}
