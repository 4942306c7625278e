package io.score4j.sampling;

import io.score4j.Parallelism;
import io.score4j.noise.Sde;
import io.score4j.ode.Dopri5;
import io.score4j.ode.OdeSolver;
import java.util.Objects;

/**
 * Settings of the probability-flow ODE sampler ({@link ProbabilityFlow}).
 *
 * @param sde     the score SDE whose probability-flow ODE is solved (and whose prior starts the particles)
 * @param solver  {@link Dopri5} (RK45, adaptive, the default with rtol = atol = 1e-5) or
 *                {@link io.score4j.ode.Heun} (fixed steps)
 * @param eps     the time the ODE stops at, in (0, 1) ({@link Sde#DEFAULT_EPS})
 * @param parallelism the threads the particle blocks run on; results are bit-identical for every count
 */
public record ProbabilityFlowConfig(Sde sde, OdeSolver solver, double eps, Parallelism parallelism) implements SamplerConfig {
    public ProbabilityFlowConfig {
        Objects.requireNonNull(sde, "sde");
        Objects.requireNonNull(solver, "solver");
        if (!(eps > 0 && eps < Sde.T)) {
            throw new IllegalArgumentException("eps must be in (0, " + Sde.T + "), got " + eps);
        }
        Objects.requireNonNull(parallelism, "parallelism");
    }

    /**
     * The settings for a mixture's exact score ({@code sample --mixture --sampler ode}): the SDE named {@code sde}
     * (null: vp) with the defaults of {@link ProbabilityFlow#defaultSde}, {@code solver}, down to {@code eps} (null:
     * {@link SamplerDefaults#SAMPLING_EPS}).
     */
    public static ProbabilityFlowConfig forMixture(OdeSolver solver, String sde, Double eps, Parallelism parallelism) {
        return new ProbabilityFlowConfig(ProbabilityFlow.defaultSde(sde == null ? "vp" : sde), solver,
                eps != null ? eps : SamplerDefaults.SAMPLING_EPS, parallelism);
    }

    /** RK45 at rtol = atol = 1e-5 (score_sde's), ε = {@link SamplerDefaults#SAMPLING_EPS}. */
    public static ProbabilityFlowConfig defaults(Sde sde, Parallelism parallelism) {
        return new ProbabilityFlowConfig(sde, Dopri5.defaults(), SamplerDefaults.SAMPLING_EPS, parallelism);
    }
}
