package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.ode.Dopri5;
import io.score4j.ode.Heun;
import io.score4j.ode.OdeSolver;
import io.score4j.sampling.ProbabilityFlow;
import io.score4j.sampling.SamplerKind;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code ode} sampler's flags of {@code score4j sample}; {@code --steps} (Heun) is the sampler's own flag. */
final class OdeOptions {
    /** Heun steps when {@code --steps} is not given. */
    static final int HEUN_DEFAULT_STEPS = ProbabilityFlow.DEFAULT_HEUN_STEPS;

    @Option(names = "--solver", paramLabel = "rk45|heun", description = "ode: adaptive Dormand-Prince RK45 (default) or "
            + "fixed-step Heun with --steps N (default " + HEUN_DEFAULT_STEPS + ")")
    String solver;

    @Option(names = "--rtol", description = "ode rk45: relative tolerance (default " + Dopri5.DEFAULT_RTOL + ")")
    Double rtol;

    @Option(names = "--atol", description = "ode rk45: absolute tolerance (default " + Dopri5.DEFAULT_ATOL + ")")
    Double atol;

    /** Refuses these flags for another sampler and checks their values. */
    void validate(SamplerKind kind) {
        String given = solver != null ? "--solver" : rtol != null ? "--rtol" : atol != null ? "--atol" : null;
        InputException.require(given == null || kind == SamplerKind.ODE, given, kind.id(),
                "applies only to --sampler ode, not to --sampler");
        InputException.require(solver == null || List.of("rk45", "heun").contains(solver.toLowerCase(Locale.ROOT)),
                "--solver", solver, "must be rk45 or heun");
        boolean heun = solver != null && solver.equalsIgnoreCase("heun");
        InputException.require(!heun || (rtol == null && atol == null), "--rtol/--atol", solver, "apply only to --solver rk45");
        InputException.require(rtol == null || (rtol > 0 && rtol < 1), "--rtol", rtol, "must be in (0, 1)");
        InputException.require(atol == null || (atol > 0 && Double.isFinite(atol)), "--atol", atol, "must be a finite number > 0");
    }

    /**
     * The solver: RK45 at the given (or default) tolerances, or Heun with {@code steps} when {@code stepsGiven},
     * else {@value #HEUN_DEFAULT_STEPS}.
     */
    OdeSolver solver(int steps, boolean stepsGiven) {
        if (solver != null && solver.equalsIgnoreCase("heun")) {
            return new Heun(stepsGiven ? steps : HEUN_DEFAULT_STEPS);
        }
        InputException.require(!stepsGiven, "--steps", steps, "applies to --solver heun; rk45 chooses its own steps");
        return Dopri5.of(rtol != null ? rtol : Dopri5.DEFAULT_RTOL, atol != null ? atol : Dopri5.DEFAULT_ATOL);
    }
}
