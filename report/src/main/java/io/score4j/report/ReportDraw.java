package io.score4j.report;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.metrics.ColumnStats;
import io.score4j.ode.Dopri5;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.train.FlowSampling;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a report draws a model's samples when none are given: the sampler {@code kind} (null: the model's default,
 * {@link ModelSampling#defaultKind}), {@code particles} (null: as many as data rows, at most
 * {@value #DEFAULT_MAX_PARTICLES}), {@code steps} (null: {@link ModelSampling#defaultSteps}) and {@code stepSize}
 * (null: {@link SamplerDefaults}, for annealed ε = {@link SamplerDefaults#annealedEpsilon} at the smallest σ),
 * particles starting U({@link SamplerDefaults#START_LOW}, {@link SamplerDefaults#START_HIGH})^d in standardised
 * units; {@code ode} is RK45 at its default tolerances. The draw is {@code score4j sample} with the same settings
 * and seed (key {@code Key.of(seed).split(5)[3]}), bit for bit, and {@link ReportSamples#sampler} records that
 * command. The checks name the {@code score4j report} flags ({@code --steps}, {@code --step-size},
 * {@code --sampler}, {@code --n-samples}).
 */
public record ReportDraw(SamplerKind kind, Integer particles, Integer steps, Double stepSize) {
    /** Most particles drawn by default. */
    public static final int DEFAULT_MAX_PARTICLES = 5000;

    /** Every setting at its default. */
    public static ReportDraw defaults() {
        return new ReportDraw(null, null, null, null);
    }

    /**
     * The plan for {@code model} on {@code parallelism}, every unset setting filled in; null for {@code ode}
     * (RK45 chooses its steps).
     *
     * @throws InputException for mala (it needs a density, not a learned score), for --steps or --step-size with
     *                        ode, a step size with em/pc, --steps below 1 or a step size that is not finite and > 0
     */
    public SamplingPlan plan(ScoreModel model, Parallelism parallelism) {
        SamplerKind k = kind != null ? kind : ModelSampling.defaultKind(model);
        if (k == SamplerKind.ODE) {
            InputException.require(steps == null && stepSize == null, steps != null ? "--steps" : "--step-size",
                    steps != null ? (Object) steps : stepSize, "does not apply to report --sampler ode (RK45 at rtol = "
                            + "atol = 1e-5 chooses its steps; for Heun draw with score4j sample --sampler ode --solver "
                            + "heun and pass --samples)");
            return null;
        }
        if (k == SamplerKind.MALA) {
            throw new InputException("--sampler mala needs a density you can write down, not a learned score; "
                    + "use --sampler langevin" + (model.noiseConditional() ? " or annealed" : ""));
        }
        InputException.require(steps == null || steps >= 1, "--steps", steps, "must be >= 1");
        InputException.require(stepSize == null || (stepSize > 0 && Double.isFinite(stepSize)), "--step-size",
                stepSize, "must be a finite number > 0");
        InputException.require(stepSize == null || !k.diffusion(), "--step-size", stepSize,
                "does not apply to --sampler " + k.id() + " (its step is (1 - eps)/--steps)");
        SamplingPlan plan = new SamplingPlan(k, steps != null ? steps : ModelSampling.defaultSteps(model, k), stepSize,
                SamplerDefaults.START_LOW, SamplerDefaults.START_HIGH, null, null, null, parallelism, null, null, null);
        if (stepSize != null || k.diffusion()) {
            return plan;
        }
        double[] sig = model.sigmas();
        return new SamplingPlan(k, plan.steps(), plan.stepSize(sig.length > 0 ? sig[sig.length - 1] : Double.NaN),
                plan.startLow(), plan.startHigh(), null, null, null, parallelism, null, null, null);
    }

    /**
     * Number of particles: {@code particles}, or {@code dataRows} capped at {@value #DEFAULT_MAX_PARTICLES}.
     *
     * @throws InputException naming --n-samples when it is below 2
     */
    public int particles(int dataRows) {
        int n = particles != null ? particles : Math.min(dataRows, DEFAULT_MAX_PARTICLES);
        InputException.require(n >= 2, "--n-samples", n, "must be >= 2");
        return n;
    }

    /**
     * Draws the samples for data of {@code dataRows} rows, in original units, the non-finite rows left out and
     * counted.
     *
     * @param modelFile the model's file, for messages and the recorded command
     * @throws InputException when fewer than 2 drawn samples are finite
     */
    public ReportSamples draw(Path modelFile, ScoreModel model, int dataRows, long seed, Parallelism parallelism,
                              ModelSampling.Progress bar) {
        SamplingPlan plan = plan(model, parallelism);
        int n = particles(dataRows);
        Key key = Key.of(seed).split(5)[3];
        ModelSampling.Drawn drawn = plan == null ? FlowSampling.fromModel(model, modelFile.toString(), n,
                Dopri5.defaults(), null, null, parallelism, key).samples()
                : ModelSampling.fromModel(model, n, plan, key, bar);
        double[] finite = ColumnStats.finiteRows(drawn.points(), model.dim());
        if (finite.length < 2 * model.dim()) {
            throw new InputException("fewer than 2 of " + n + " drawn samples are finite (the chain diverged); try a "
                    + "smaller --step-size (it was " + (plan == null ? null : plan.stepSize()) + ")");
        }
        return new ReportSamples(finite, model.dim(), n, drawn.nonFinite(), "drawn",
                describe(modelFile, model, plan, n, seed));
    }

    /** The settings drawn with, and the {@code score4j sample} command that draws the same samples. */
    private static Map<String, Object> describe(Path modelFile, ScoreModel model, SamplingPlan p, int n, long seed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", p == null ? SamplerKind.ODE.id() : p.kind().id());
        s.put("particles", n);
        if (p == null) {
            s.put("solver", Dopri5.defaults().describe());
            s.put("seed", seed);
            s.put("command", String.format(Locale.ROOT, "score4j sample --model %s --n %d --sampler ode --seed %d "
                    + "--out samples.csv", modelFile, n, seed));
            return s;
        }
        s.put("steps", p.steps());
        s.put("step_size", p.stepSize());
        s.put("start_low", p.startLow());
        s.put("start_high", p.startHigh());
        if (model.noiseConditional()) {
            s.put("sigmas", model.sigmas());
            s.put("score_sigma", p.kind() == SamplerKind.ANNEALED ? "each level of the ladder"
                    : "smallest sigma of the ladder");
        }
        s.put("seed", seed);
        s.put("command", String.format(Locale.ROOT, "score4j sample --model %s --n %d --sampler %s --steps %d "
                        + "%s--start-low %s --start-high %s --seed %d --out samples.csv", modelFile, n, p.kind().id(),
                p.steps(), p.stepSize() != null ? "--step-size " + p.stepSize() + " " : "", p.startLow(), p.startHigh(),
                seed));
        return s;
    }
}
