package io.score4j.cli;

import picocli.CommandLine.Option;

/** Sampler flags of {@code score4j sample}. */
final class SamplerOptions {
    @Option(names = "--sampler", defaultValue = "langevin", converter = SamplerKind.Converter.class,
            description = "langevin, annealed (noise-conditional models or --mixture) or mala (--mixture) (default: ${DEFAULT-VALUE})")
    SamplerKind kind;

    @Option(names = "--steps", defaultValue = "1000", description = "steps (per noise level for annealed) (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--step-size", paramLabel = "ALPHA",
            description = "step size α (default 1e-2); annealed: ε, the step at the smallest σ_L, each level using "
                    + "α_i = ε·σ_i²/σ_L² (default 0.05·σ_L², so α_i = 0.05·σ_i² at every level)")
    Double stepSize;

    /** The step size to use: the flag, or the sampler's default given the smallest noise level. */
    double stepSize(double sigmaMin) {
        if (stepSize != null) {
            return stepSize;
        }
        return kind == SamplerKind.ANNEALED ? 0.05 * sigmaMin * sigmaMin : 1e-2;
    }

    @Option(names = "--start-low", defaultValue = "0", description = "particles start U(low, high)^d (default low: ${DEFAULT-VALUE})")
    double startLow;

    @Option(names = "--start-high", defaultValue = "1",
            description = "(default high: ${DEFAULT-VALUE}); in standardised units for standardised models")
    double startHigh;

    @Option(names = "--sigma-max", description = "annealed: largest noise level (default: the model's ladder; required for --mixture)")
    Double sigmaMax;

    @Option(names = "--sigma-min", description = "annealed: smallest noise level (default: the model's ladder, or 0.01 for --mixture)")
    Double sigmaMin;

    @Option(names = "--levels", description = "annealed: number of noise levels (default: the model's ladder, or 10 for --mixture)")
    Integer levels;

    void validate() {
        UserError.require(steps >= 1, "--steps", steps, "must be >= 1");
        UserError.require(stepSize == null || (stepSize > 0 && Double.isFinite(stepSize)), "--step-size", stepSize,
                "must be a finite number > 0");
        UserError.require(Double.isFinite(startLow) && Double.isFinite(startHigh) && startHigh > startLow, "--start-high",
                startHigh, "must be finite and exceed --start-low " + startLow);
        UserError.require(sigmaMax == null || (sigmaMax > 0 && Double.isFinite(sigmaMax)), "--sigma-max", sigmaMax, "must be > 0");
        UserError.require(sigmaMin == null || (sigmaMin > 0 && Double.isFinite(sigmaMin)), "--sigma-min", sigmaMin, "must be > 0");
        UserError.require(levels == null || levels >= 1, "--levels", levels, "must be >= 1");
        boolean annealedFlags = sigmaMax != null || sigmaMin != null || levels != null;
        UserError.require(!annealedFlags || kind == SamplerKind.ANNEALED, "--sampler", kind.id(),
                "must be annealed when --sigma-max/--sigma-min/--levels are given");
    }
}
