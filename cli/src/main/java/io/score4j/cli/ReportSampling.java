package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.metrics.ColumnStats;
import io.score4j.random.Key;
import io.score4j.report.ReportSamples;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.ode.Dopri5;
import io.score4j.train.FlowSampling;
import io.score4j.train.ModelSampling;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How {@code score4j report} draws samples when no {@code --samples} file is given: annealed Langevin over
 * the model's own σ ladder for a noise-conditional model, plain Langevin otherwise, with every unset flag
 * taken from {@link SamplerDefaults} exactly as {@code score4j sample} takes it (steps, step size / ε,
 * the U(0, 1) start in standardised units); as many particles as data rows, at most 5000. The draw is
 * {@code score4j sample} with the same flags and seed, bit for bit; the report records that command.
 */
final class ReportSampling {
    /** Most particles drawn by default. */
    static final int DEFAULT_MAX_PARTICLES = 5000;

    @Option(names = "--sampler", converter = SamplerOptions.KindConverter.class, paramLabel = "NAME",
            description = "when drawing: langevin, annealed, em, pc or ode (RK45 defaults) (default: annealed for "
                    + "noise-conditional models, pc for time-conditioned ones, else langevin)")
    SamplerKind kind;

    @Option(names = "--n-samples", paramLabel = "N",
            description = "when drawing: number of particles (default: the data's row count, at most 5000)")
    Integer particles;

    @Option(names = "--steps", paramLabel = "N",
            description = "when drawing: steps (default: " + SamplerDefaults.STEPS + "; annealed: per noise level, default "
                    + SamplerDefaults.ANNEALED_STEPS + ")")
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

    /** The sampler settings for this model, defaults ({@link SamplerDefaults}) filled in and validated. */
    SamplerOptions options(ScoreModel model) {
        SamplerOptions o = new SamplerOptions();
        o.kind = kind != null ? kind : ModelSampling.defaultKind(model);
        if (o.kind == SamplerKind.ODE) {
            InputException.require(steps == null && stepSize == null, steps != null ? "--steps" : "--step-size",
                    steps != null ? (Object) steps : stepSize, "does not apply to report --sampler ode (RK45 at rtol = atol = 1e-5 "
                            + "chooses its steps; for Heun draw with score4j sample --sampler ode --solver heun and pass "
                            + "--samples)");
            return o;
        }
        if (o.kind == SamplerKind.MALA) {
            throw new InputException("--sampler mala needs a density you can write down, not a learned score; "
                    + "use --sampler langevin" + (model.noiseConditional() ? " or annealed" : ""));
        }
        o.steps = steps != null ? steps : ModelSampling.defaultSteps(model, o.kind);
        o.stepSize = stepSize;
        o.startLow = SamplerDefaults.START_LOW;
        o.startHigh = SamplerDefaults.START_HIGH;
        o.validate();
        if (o.stepSize == null && !o.kind.diffusion()) {
            double[] sig = model.sigmas();
            o.stepSize = o.plan(1).stepSize(sig.length > 0 ? sig[sig.length - 1] : Double.NaN);
        }
        return o;
    }

    /** Number of particles: --n-samples, or the data's row count capped at {@value #DEFAULT_MAX_PARTICLES}. */
    int particles(int dataRows) {
        int n = particles != null ? particles : Math.min(dataRows, DEFAULT_MAX_PARTICLES);
        InputException.require(n >= 2, "--n-samples", n, "must be >= 2");
        return n;
    }

    /**
     * Draws the samples as {@code score4j sample --seed seed} does with these settings (same keys),
     * in original units.
     */
    ReportSamples draw(Path modelFile, ScoreModel model, Dataset data, long seed, int threads, boolean quiet) {
        return draw(modelFile, model, data.n(), seed, threads, quiet);
    }

    /** As {@link #draw(Path, ScoreModel, Dataset, long, int, boolean)} for data of {@code dataRows} rows. */
    ReportSamples draw(Path modelFile, ScoreModel model, int dataRows, long seed, int threads, boolean quiet) {
        SamplerOptions o = options(model);
        int n = particles(dataRows);
        RunOptions run = new RunOptions();
        run.seed = seed;
        run.threads = threads;
        run.quiet = quiet;
        Key key = Key.of(seed).split(5)[3];
        ModelSampling.Drawn drawn = o.kind == SamplerKind.ODE ? flow(modelFile, model, n, threads, key)
                : ModelSampling.fromModel(model, n, o.plan(run.threads()), key, Progress.forSampling(quiet));
        double[] finite = ColumnStats.finiteRows(drawn.points(), model.dim());
        if (finite.length < 2 * model.dim()) {
            throw new InputException("fewer than 2 of " + n + " drawn samples are finite (the chain diverged); try a smaller "
                    + "--step-size (it was " + o.stepSize + ")");
        }
        return new ReportSamples(finite, model.dim(), n, drawn.nonFinite(), "drawn", describe(modelFile, model, o, n, seed));
    }

    /** {@code score4j sample --sampler ode} with its defaults (RK45 at rtol = atol = 1e-5, the default ε), the same key. */
    private static ModelSampling.Drawn flow(Path modelFile, ScoreModel model, int n, int threads, Key key) {
        return FlowSampling.fromModel(model, modelFile.toString(), n, Dopri5.defaults(), null, null, threads, key).samples();
    }

    private static Map<String, Object> describe(Path modelFile, ScoreModel model, SamplerOptions o, int n, long seed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", o.kind.id());
        s.put("particles", n);
        if (o.kind == SamplerKind.ODE) {
            s.put("solver", Dopri5.defaults().describe());
            s.put("seed", seed);
            s.put("command", String.format(Locale.ROOT, "score4j sample --model %s --n %d --sampler ode --seed %d "
                    + "--out samples.csv", modelFile, n, seed));
            return s;
        }
        s.put("steps", o.steps);
        s.put("step_size", o.stepSize);
        s.put("start_low", o.startLow);
        s.put("start_high", o.startHigh);
        if (model.noiseConditional()) {
            s.put("sigmas", model.sigmas());
            s.put("score_sigma", o.kind == SamplerKind.ANNEALED ? "each level of the ladder" : "smallest sigma of the ladder");
        }
        s.put("seed", seed);
        s.put("command", String.format(Locale.ROOT, "score4j sample --model %s --n %d --sampler %s --steps %d "
                        + "%s--start-low %s --start-high %s --seed %d --out samples.csv", modelFile, n,
                o.kind.id(), o.steps, o.stepSize != null ? "--step-size " + o.stepSize + " " : "", o.startLow, o.startHigh,
                seed));
        return s;
    }
}
