package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.noise.Sde;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.train.SamplingPlan;
import picocli.CommandLine.Option;

/**
 * Sampler flags of {@code score4j sample} and {@code impute}; an unset --sampler or --steps takes the model's default
 * ({@link io.score4j.train.ModelSampling#defaultKind}, {@code defaultSteps}), other unset flags {@link SamplerDefaults}.
 */
final class SamplerOptions {
    private static final java.util.Set<String> SDE_NAMES = java.util.Set.of("ve", "vp", "subvp");

    @Option(names = "--sampler", converter = Converters.KindConverter.class,
            description = "langevin, annealed (noise-conditional models or --mixture), mala (--mixture), em or pc "
                    + "(reverse SDE: time-conditioned models or --mixture), ode (sample only: the probability-flow ODE of "
                    + "a score SDE model or --mixture, see --solver) (default: annealed for a noise-conditional model, em for a table model, "
                    + "pc for another time-conditioned model, else langevin)")
    SamplerKind kind;

    @Option(names = "--steps", paramLabel = "N", description = "steps (default " + SamplerDefaults.STEPS + "); annealed: per "
            + "noise level (default " + SamplerDefaults.ANNEALED_STEPS + "); em/pc: predictor steps (default "
            + SamplerDefaults.SDE_STEPS + ", " + io.score4j.train.TableTraining.DEFAULT_SAMPLER_STEPS + " for a table model); "
            + "ode: Heun's steps (--solver heun)")
    Integer steps;

    @Option(names = "--step-size", paramLabel = "ALPHA",
            description = "step size α (default " + SamplerDefaults.STEP_SIZE + "); annealed: ε, the step at the smallest σ_L, "
                    + "each level using α_i = ε·σ_i²/σ_L² (default " + SamplerDefaults.ANNEALED_EPSILON_RATIO + "·σ_L², so α_i = "
                    + SamplerDefaults.ANNEALED_EPSILON_RATIO + "·σ_i² at every level)")
    Double stepSize;

    @Option(names = "--start-low", defaultValue = "" + SamplerDefaults.START_LOW, description = "particles start U(low, high)^d (default low: ${DEFAULT-VALUE})")
    double startLow;

    @Option(names = "--start-high", defaultValue = "" + SamplerDefaults.START_HIGH,
            description = "(default high: ${DEFAULT-VALUE}); in standardised units for standardised models")
    double startHigh;

    @Option(names = "--sigma-max", description = "annealed: largest noise level (default: the model's ladder; for --mixture the "
            + "largest distance between its means or to the origin + 3 x its largest std); em/pc on a --mixture with the VE "
            + "SDE: σ_max (default: also ≥ 50 x the mixture's rms norm)")
    Double sigmaMax;

    @Option(names = "--sigma-min", description = "annealed (and em/pc on a --mixture with the VE SDE): smallest noise "
            + "level (default: the model's ladder, or " + SamplerDefaults.MIXTURE_SIGMA_MIN + " for --mixture)")
    Double sigmaMin;

    @Option(names = "--levels", description = "annealed: number of noise levels (default: the model's ladder, or "
            + SamplerDefaults.MIXTURE_LEVELS + " for --mixture)")
    Integer levels;

    @Option(names = "--sde", paramLabel = "ve|vp|subvp", description = "em/pc/ode with --mixture: the SDE whose exact "
            + "perturbed score drives the sampler (default: " + SamplingPlan.MIXTURE_SDE + " for em/pc, σ from --sigma-min to --sigma-max; vp for ode); "
            + "a model samples with its own SDE")
    String sde;

    @Option(names = "--snr", paramLabel = "R", description = "pc: the Langevin corrector's signal-to-noise ratio (default "
            + SamplerDefaults.SNR + ")")
    Double snr;

    @Option(names = "--eps", paramLabel = "EPS", description = "em/pc/ode: the smallest time the reverse SDE reaches (default "
            + SamplerDefaults.SAMPLING_EPS + ")")
    Double eps;

    /**
     * Sets --steps, when not given, to {@code m}'s default for the chosen sampler
     * ({@link io.score4j.train.ModelSampling#defaultSteps}); ode keeps its solver's own.
     */
    void stepsFor(io.score4j.train.ScoreModel m) {
        if (steps == null && kind != SamplerKind.ODE) {
            steps = io.score4j.train.ModelSampling.defaultSteps(m, kind);
        }
    }

    /** The steps to run: --steps, or the sampler's default ({@link SamplerDefaults#steps}). */
    int stepsOrDefault() {
        return steps != null ? steps : SamplerDefaults.steps(kind);
    }

    /** What to try when a chain diverged: more steps for em/pc, a smaller step for the Langevin samplers. */
    String divergenceAdvice() {
        return kind.diffusion() ? "more --steps" : "a smaller --step-size";
    }

    /** These settings for {@link io.score4j.train.ModelSampling} (after {@link #validate}), on {@code parallelism}. */
    SamplingPlan plan(Parallelism parallelism) {
        return new SamplingPlan(kind, stepsOrDefault(), stepSize, startLow, startHigh, sigmaMax, sigmaMin, levels,
                parallelism, sde, snr, eps);
    }

    void validate() {
        InputException.require(steps == null || steps >= 1, "--steps", steps, "must be >= 1");
        InputException.require(stepSize == null || (stepSize > 0 && Double.isFinite(stepSize)), "--step-size", stepSize,
                "must be a finite number > 0");
        InputException.require(Double.isFinite(startLow) && Double.isFinite(startHigh) && startHigh > startLow, "--start-high",
                startHigh, "must be finite and exceed --start-low " + startLow);
        InputException.require(sigmaMax == null || (sigmaMax > 0 && Double.isFinite(sigmaMax)), "--sigma-max", sigmaMax, "must be > 0");
        InputException.require(sigmaMin == null || (sigmaMin > 0 && Double.isFinite(sigmaMin)), "--sigma-min", sigmaMin, "must be > 0");
        InputException.require(levels == null || levels >= 1, "--levels", levels, "must be >= 1");
        boolean annealedFlags = sigmaMin != null || sigmaMax != null || levels != null;
        boolean ve = kind.diffusion() && (sde == null || sde.equalsIgnoreCase("ve"));
        InputException.require(!annealedFlags || kind == SamplerKind.ANNEALED || ve && levels == null, "--sampler", kind.id(),
                "must be annealed when --sigma-max/--sigma-min/--levels are given (em/pc take --sigma-max/--sigma-min "
                        + "with the VE SDE)");
        InputException.require(sde == null || kind.diffusion() || kind == SamplerKind.ODE, "--sde", sde,
                "applies only to --sampler em, pc or ode");
        InputException.require(sde == null || SDE_NAMES.contains(sde.toLowerCase(java.util.Locale.ROOT)), "--sde", sde,
                "must be ve, vp or subvp");
        InputException.require(snr == null || kind == SamplerKind.PC, "--snr", snr, "applies only to --sampler pc");
        InputException.require(snr == null || (snr > 0 && Double.isFinite(snr)), "--snr", snr, "must be a finite number > 0");
        InputException.require(eps == null || kind.diffusion() || kind == SamplerKind.ODE, "--eps", eps,
                "applies only to --sampler em, pc or ode");
        InputException.require(eps == null || (eps > 0 && eps < Sde.T), "--eps", eps, "must be in (0, 1)");
        InputException.require(stepSize == null || !kind.diffusion(), "--step-size", stepSize,
                "does not apply to --sampler " + kind.id() + " (its step is (1 - eps)/--steps)");
    }
}
