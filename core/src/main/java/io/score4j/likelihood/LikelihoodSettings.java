package io.score4j.likelihood;

import io.score4j.noise.Sde;
import io.score4j.ode.Dopri5;
import io.score4j.ode.OdeSolver;
import java.util.Objects;

/**
 * How the probability-flow ODE is integrated for a likelihood.
 *
 * @param solver the ODE solver of the augmented state [x, Δlog p] (RK45 by default)
 * @param eps    the smallest time ε, in (0, 1): the ODE starts at x(ε) = x, so the result is log p_ε(x), the
 *               density of the data perturbed to time ε (score_sde's convention; see {@link Likelihood})
 */
public record LikelihoodSettings(OdeSolver solver, double eps) {
    public LikelihoodSettings {
        Objects.requireNonNull(solver, "solver");
        if (!(eps > 0 && eps < Sde.T)) {
            throw new IllegalArgumentException("eps must be in (0, " + Sde.T + "), got " + eps);
        }
    }

    /** RK45 with rtol = atol = 1e-5 and ε = {@link Sde#DEFAULT_EPS}. */
    public static LikelihoodSettings defaults() {
        return new LikelihoodSettings(Dopri5.defaults(), Sde.DEFAULT_EPS);
    }

    /** RK45 with the given tolerances and ε = {@link Sde#DEFAULT_EPS}. */
    public static LikelihoodSettings rk45(double rtol, double atol) {
        return new LikelihoodSettings(Dopri5.of(rtol, atol), Sde.DEFAULT_EPS);
    }
}
