package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.train.SamplingPlan;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Sampler flags of {@code score4j sample}; unset flags take {@link SamplerDefaults}. */
final class SamplerOptions {
    @Option(names = "--sampler", defaultValue = "langevin", converter = KindConverter.class,
            description = "langevin, annealed (noise-conditional models or --mixture) or mala (--mixture) (default: ${DEFAULT-VALUE})")
    SamplerKind kind;

    @Option(names = "--steps", defaultValue = "" + SamplerDefaults.STEPS, description = "steps (per noise level for annealed) (default: ${DEFAULT-VALUE})")
    int steps;

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

    @Option(names = "--sigma-max", description = "annealed: largest noise level (default: the model's ladder; required for --mixture)")
    Double sigmaMax;

    @Option(names = "--sigma-min", description = "annealed: smallest noise level (default: the model's ladder, or "
            + SamplerDefaults.MIXTURE_SIGMA_MIN + " for --mixture)")
    Double sigmaMin;

    @Option(names = "--levels", description = "annealed: number of noise levels (default: the model's ladder, or "
            + SamplerDefaults.MIXTURE_LEVELS + " for --mixture)")
    Integer levels;

    /** These settings for {@link ModelSampling} (after {@link #validate}), on {@code threads} workers. */
    SamplingPlan plan(int threads) {
        return new SamplingPlan(kind, steps, stepSize, startLow, startHigh, sigmaMax, sigmaMin, levels, threads);
    }

    /** Parses {@code --sampler} with {@link SamplerKind#parse}; an unknown name is picocli's parameter error. */
    static final class KindConverter implements ITypeConverter<SamplerKind> {
        @Override
        public SamplerKind convert(String value) {
            try {
                return SamplerKind.parse(value);
            } catch (InputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    void validate() {
        InputException.require(steps >= 1, "--steps", steps, "must be >= 1");
        InputException.require(stepSize == null || (stepSize > 0 && Double.isFinite(stepSize)), "--step-size", stepSize,
                "must be a finite number > 0");
        InputException.require(Double.isFinite(startLow) && Double.isFinite(startHigh) && startHigh > startLow, "--start-high",
                startHigh, "must be finite and exceed --start-low " + startLow);
        InputException.require(sigmaMax == null || (sigmaMax > 0 && Double.isFinite(sigmaMax)), "--sigma-max", sigmaMax, "must be > 0");
        InputException.require(sigmaMin == null || (sigmaMin > 0 && Double.isFinite(sigmaMin)), "--sigma-min", sigmaMin, "must be > 0");
        InputException.require(levels == null || levels >= 1, "--levels", levels, "must be >= 1");
        boolean annealedFlags = sigmaMax != null || sigmaMin != null || levels != null;
        InputException.require(!annealedFlags || kind == SamplerKind.ANNEALED, "--sampler", kind.id(),
                "must be annealed when --sigma-max/--sigma-min/--levels are given");
    }
}
