package io.score4j.cli;

import io.score4j.data.Dataset;
import io.score4j.metrics.ColumnStats;
import io.score4j.random.Key;
import io.score4j.report.ReportSamples;
import io.score4j.train.ScoreModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How {@code score4j report} draws samples when no {@code --samples} file is given. Unset flags get
 * defaults chosen for the model: annealed Langevin over the model's own σ ladder for a
 * noise-conditional model (100 steps per level, ε = 0.1·σ_min², so every level steps α_i = 0.1·σ_i²,
 * stable and biased by under 6% in variance), plain Langevin otherwise (the {@code sample}
 * defaults: 1000 steps of α = 0.01); as many particles as data rows, at most 5000; particles start
 * uniform over the box of the (standardised) data, so every mode has particles near it. The draw is
 * {@code score4j sample} with the same flags and seed, bit for bit; the report records that command.
 */
final class ReportSampling {
    /** Most particles drawn by default. */
    static final int DEFAULT_MAX_PARTICLES = 5000;
    /** Langevin steps per noise level of the default annealed sampler. */
    static final int ANNEALED_STEPS = 100;
    /** ε / σ_min² of the default annealed sampler: the step on level i is this times σ_i². */
    static final double ANNEALED_STEP_RATIO = 0.1;

    @Option(names = "--sampler", converter = SamplerKind.Converter.class, paramLabel = "NAME",
            description = "when drawing: langevin or annealed (default: annealed for noise-conditional models, else langevin)")
    SamplerKind kind;

    @Option(names = "--n-samples", paramLabel = "N",
            description = "when drawing: number of particles (default: the data's row count, at most 5000)")
    Integer particles;

    @Option(names = "--steps", paramLabel = "N",
            description = "when drawing: steps (per noise level for annealed) (default: 1000, annealed 100)")
    Integer steps;

    @Option(names = "--step-size", paramLabel = "A",
            description = "when drawing: step size α (annealed: ε, the step at the smallest σ) (default: 0.01, annealed 0.1·σ_min²)")
    Double stepSize;

    /** Throws a {@link UserError} when a sampler flag is set but samples come from a file. */
    void checkUnused(Path samplesFile) {
        String given = kind != null ? "--sampler" : particles != null ? "--n-samples" : steps != null ? "--steps"
                : stepSize != null ? "--step-size" : null;
        if (given != null) {
            throw new UserError(given + " applies only when the report draws the samples; it cannot be used with "
                    + "--samples " + samplesFile);
        }
    }

    /** The sampler settings for this model and data, defaults filled in and validated. */
    SamplerOptions options(ScoreModel model, double[] data) {
        SamplerOptions o = new SamplerOptions();
        o.kind = kind != null ? kind : model.noiseConditional() ? SamplerKind.ANNEALED : SamplerKind.LANGEVIN;
        if (o.kind == SamplerKind.MALA) {
            throw new UserError("--sampler mala needs a density you can write down, not a learned score; "
                    + "use --sampler langevin" + (model.noiseConditional() ? " or annealed" : ""));
        }
        boolean annealed = o.kind == SamplerKind.ANNEALED;
        o.steps = steps != null ? steps : annealed ? ANNEALED_STEPS : 1000;
        o.stepSize = stepSize != null ? stepSize : annealed && model.noiseConditional()
                ? round3(ANNEALED_STEP_RATIO * square(model.sigmas()[model.sigmas().length - 1])) : 1e-2;
        double[] box = startBox(model.standardizer().apply(data));
        o.startLow = box[0];
        o.startHigh = box[1];
        o.validate();
        return o;
    }

    /** Number of particles: --n-samples, or the data's row count capped at {@value #DEFAULT_MAX_PARTICLES}. */
    int particles(int dataRows) {
        int n = particles != null ? particles : Math.min(dataRows, DEFAULT_MAX_PARTICLES);
        UserError.require(n >= 2, "--n-samples", n, "must be >= 2");
        return n;
    }

    /**
     * Draws the samples as {@code score4j sample --seed seed} does with these settings (same keys),
     * in original units.
     */
    ReportSamples draw(Path modelFile, ScoreModel model, Dataset data, long seed, int threads, boolean quiet) {
        SamplerOptions o = options(model, data.values());
        int n = particles(data.n());
        RunOptions run = new RunOptions();
        run.seed = seed;
        run.threads = threads;
        run.quiet = quiet;
        Samplers.Drawn drawn = Samplers.fromModel(model, n, o, run, Key.of(seed).split(5)[3]);
        double[] finite = ColumnStats.finiteRows(drawn.points(), model.dim());
        if (finite.length < 2 * model.dim()) {
            throw new UserError("fewer than 2 of " + n + " drawn samples are finite (the chain diverged); try a smaller "
                    + "--step-size (it was " + o.stepSize + ")");
        }
        return new ReportSamples(finite, model.dim(), n, drawn.nonFinite(), "drawn", describe(modelFile, model, o, n, seed));
    }

    private static Map<String, Object> describe(Path modelFile, ScoreModel model, SamplerOptions o, int n, long seed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", o.kind.id());
        s.put("particles", n);
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
                        + "--step-size %s --start-low %s --start-high %s --seed %d --out samples.csv", modelFile, n,
                o.kind.id(), o.steps, o.stepSize, o.startLow, o.startHigh, seed));
        return s;
    }

    /**
     * [low, high] covering every standardised coordinate, rounded outwards to 0.01 (the sampler
     * starts particles uniform in [low, high)^D); widened to length 1 when all values coincide.
     */
    static double[] startBox(double[] z) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        lo = Math.floor(lo * 100) / 100;
        hi = Math.ceil(hi * 100) / 100;
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        return new double[] {lo, hi};
    }

    private static double square(double v) {
        return v * v;
    }

    /** Three significant digits, so the recorded step size reads as typed. */
    private static double round3(double v) {
        return new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }
}
