package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.report.ReportDraw;
import io.score4j.report.ReportSamples;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How {@code score4j report} draws samples when no {@code --samples} file is given: the flags of
 * {@link ReportDraw}, which fills in the defaults exactly as {@code score4j sample} does and records the
 * {@code score4j sample} command that draws the same samples.
 */
final class ReportSampling {
    @Option(names = "--sampler", converter = Converters.KindConverter.class, paramLabel = "NAME",
            description = "when drawing: langevin, annealed, em, pc or ode (RK45 defaults) (default: annealed for "
                    + "noise-conditional models, em for a table model, pc for other time-conditioned ones, else "
                    + "langevin)")
    SamplerKind kind;

    @Option(names = "--n-samples", paramLabel = "N", description = "when drawing: number of particles (default: the "
            + "data's row count, at most " + ReportDraw.DEFAULT_MAX_PARTICLES + ")")
    Integer particles;

    @Option(names = "--steps", paramLabel = "N",
            description = "when drawing: steps (default: " + SamplerDefaults.STEPS + "; annealed: per noise level, default "
                    + SamplerDefaults.ANNEALED_STEPS + "; em/pc: predictor steps, default " + SamplerDefaults.SDE_STEPS
                    + ", "
                    + io.score4j.train.TableTraining.DEFAULT_SAMPLER_STEPS + " for a table model)")
    Integer steps;

    @Option(names = "--step-size", paramLabel = "A",
            description = "when drawing: step size α (annealed: ε, the step at the smallest σ) (default: "
                    + SamplerDefaults.STEP_SIZE + ", annealed " + SamplerDefaults.ANNEALED_EPSILON_RATIO + "·σ_min²)")
    Double stepSize;

    /** Throws a {@link InputException} when a sampler flag is set but samples come from a file. */
    void checkUnused(Path samplesFile) {
        String given = kind != null ? "--sampler" : particles != null ? "--n-samples" : steps != null ? "--steps"
                : stepSize != null ? "--step-size" : null;
        if (given != null) {
            throw new InputException(given + " applies only when the report draws the samples; it cannot be used with "
                    + "--samples " + samplesFile);
        }
    }

    /** Draws as {@code score4j sample --seed seed} does with these settings, for data of {@code dataRows} rows. */
    ReportSamples draw(Path modelFile, ScoreModel model, int dataRows, long seed, Parallelism parallelism,
                       boolean quiet) {
        return new ReportDraw(kind, particles, steps, stepSize).draw(modelFile, model, dataRows, seed, parallelism,
                Progress.forSampling(quiet));
    }
}
