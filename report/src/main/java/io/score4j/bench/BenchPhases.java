package io.score4j.bench;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.data.MixtureData;
import io.score4j.data.Standardizer;
import io.score4j.demo.FoundingDemo;
import io.score4j.density.GaussianMixture;
import io.score4j.fused.FusedMlp;
import io.score4j.model.Conditioning;
import io.score4j.model.Kernel;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.Chain;
import io.score4j.sampling.Langevin;
import io.score4j.sampling.LangevinConfig;
import io.score4j.sampling.ScoreFn;
import io.score4j.objective.Objective;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.train.BatchLoss;
import io.score4j.train.ExactLoss;
import io.score4j.train.ModelScores;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.ObjectiveOptions;
import io.score4j.train.ScoreModel;
import io.score4j.train.TrainConfig;
import io.score4j.train.TrainListener;
import io.score4j.train.Trainer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark phases on the seed's problem (or a D-dimensional standard normal for D > 1): the data
 * (max(20000, batch) rows) and the initial parameters are drawn once from fixed keys; each
 * {@link #run} warms the phase up once and then times {@link BenchSettings#runs} runs. Not thread-safe
 * (the trained parameters of the score and Langevin phases are computed on first use and kept).
 */
public final class BenchPhases {
    private final int batch;
    private final int dim;
    private final ObjectiveKind objective;
    private final int steps;
    private final int particles;
    private final int langevinSteps;
    private final int runs;
    private final Parallelism parallelism;
    private final MlpSpec spec;
    private final ObjectiveOptions options;
    private final Params params;
    private final float[] data;
    private Params trained;
    private TimeScoreBench timeBench;
    /** The median of the last score-time run, for score-div's ratio (NaN before). */
    private double scoreTimeMedian = Double.NaN;

    /** Noise ladder of the ncsn objective in the bench: 10 levels from 1 down to 0.01. */
    private static final NoiseLadder LADDER = NoiseLadder.of(1.0, 0.599, 0.359, 0.215, 0.129, 0.0774, 0.0464, 0.0278, 0.0167, 0.01);

    /** Draws the data and the initial parameters for {@code s}; runs use {@link BenchSettings#parallelism}. */
    public BenchPhases(BenchSettings s) {
        this.batch = s.batch();
        this.dim = s.dim();
        this.objective = s.objective();
        this.steps = s.steps();
        this.particles = s.particles();
        this.langevinSteps = s.langevinSteps();
        this.runs = s.runs();
        this.parallelism = s.parallelism();
        this.spec = objective.spec(dim, s.activation(), s.hidden());
        ObjectiveOptions d = ObjectiveOptions.defaults();
        this.options = objective.noiseConditional()
                ? new ObjectiveOptions(d.projections(), d.projection(), d.sigma(), LADDER) : d;
        Key[] keys = Key.of(0).split(5);
        this.params = MlpInit.init(spec, dim == 1 ? Init.NORMAL : Init.SCALED, keys[1], DType.F32);
        int n = Math.max(20000, batch);
        this.data = dim == 1
                ? MixtureData.sample(GaussianMixture.fromJson(FoundingDemo.MIXTURE, "seed"), n, keys[0]).toFloatArray()
                : Draw.normal(keys[0], n * dim);
    }

    /**
     * Times {@code phase}: one warm-up run, then {@link BenchSettings#runs} timed runs; the throughput
     * is units per median second times examples (train) or particles (score, Langevin).
     *
     * @throws InputException for langevin-fused on a network the one-hidden-layer kernel does not cover
     */
    public BenchResult run(BenchPhase phase) {
        Runnable body;
        int units;
        String unit;
        switch (phase) {
            case TRAIN -> {
                int e = epochsFor(steps);
                body = () -> train(objective.loss(spec, dim, options, parallelism), e);
                units = e * perEpoch();
                unit = "examples/s";
            }
            case TRAIN_GENERIC -> {
                int e = epochsFor(Math.max(1, steps / 20));
                body = () -> train(genericLoss(), e);
                units = e * perEpoch();
                unit = "examples/s";
            }
            case SCORE -> {
                float[] x = Draw.normal(Key.of(1), particles * dim);
                float[] out = new float[x.length];
                if (fusedOneHidden()) {
                    FusedMlp net = FusedMlp.of(spec, trained());
                    body = () -> net.score(x, particles, out, parallelism);
                } else {
                    ScoreFn f = scoreFn();
                    body = () -> f.score(x, 0, particles, dim, out);
                }
                units = 1;
                unit = "points/s";
            }
            case SCORE_TIME, SCORE_DIV -> {
                if (timeBench == null) {
                    timeBench = new TimeScoreBench(spec, dim, particles, parallelism);
                }
                body = phase == BenchPhase.SCORE_TIME ? timeBench::score : timeBench::scoreAndDivergence;
                units = 1;
                unit = "points/s";
            }
            case LANGEVIN_FUSED -> {
                body = this::langevinFused;
                units = langevinSteps;
                unit = "particle-steps/s";
            }
            case LANGEVIN -> {
                body = this::langevin;
                units = langevinSteps;
                unit = "particle-steps/s";
            }
            default -> {
                body = this::pipeline;
                units = 1;
                unit = "pipelines/s";
            }
        }
        body.run();
        double[] secs = new double[runs];
        double[] cpu = new double[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            body.run();
            secs[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        BenchResult partial = new BenchResult(phase.label(), runs, units, secs, "");
        double perSec = units / partial.median() * scale(phase);
        String note = String.format(Locale.ROOT, "%.3g %s", perSec, unit);
        // On one thread the phase runs on this thread: its CPU time is robust to a loaded machine.
        boolean oneThread = parallelism.threads() == 1 && (phase == BenchPhase.SCORE_TIME || phase == BenchPhase.SCORE_DIV);
        double cost = oneThread ? new BenchResult(phase.label(), runs, units, cpu, "").median() : partial.median();
        if (oneThread) {
            note += String.format(Locale.ROOT, ", cpu %.4fs", cost);
        }
        if (phase == BenchPhase.SCORE_TIME) {
            scoreTimeMedian = cost;
        } else if (phase == BenchPhase.SCORE_DIV && !Double.isNaN(scoreTimeMedian)) {
            note += String.format(Locale.ROOT, ", %.2fx score-time%s", cost / scoreTimeMedian, oneThread ? " (cpu)" : "");
        }
        return new BenchResult(partial.phase(), runs, units, secs, note);
    }

    private double scale(BenchPhase phase) {
        return switch (phase) {
            case TRAIN, TRAIN_GENERIC -> batch;
            case SCORE, LANGEVIN, LANGEVIN_FUSED, SCORE_TIME, SCORE_DIV -> particles;
            default -> 1;
        };
    }

    /** Steps per epoch: ⌊rows / batch⌋ (9 for the seed). */
    private int perEpoch() {
        return data.length / dim / batch;
    }

    /** Whole epochs covering about {@code steps} steps (at least one). */
    private int epochsFor(int steps) {
        return Math.max(1, Math.round(steps / (float) perEpoch()));
    }

    /** The train phase's objective on the generic autodiff path. */
    private BatchLoss genericLoss() {
        if (objective == ObjectiveKind.EXACT) {
            return ExactLoss.generic(spec, dim, parallelism);
        }
        Objective o = objective.objective(options);
        return (p, b, n, key) -> {
            return o.lossAndGrad(spec, p, Tensor.wrap(Arrays.copyOf(b, n * dim), n, dim), key, parallelism);
        };
    }

    private void train(BatchLoss loss, int epochs) {
        Optimizer<ChainState> opt = Optimizers.chain(Optimizers.adam(5e-3));
        Trainer.run(Trainer.start(params, opt, Key.of(2)), data, data.length / dim, dim, loss, opt,
                TrainConfig.of(epochs, batch), new TrainListener<>() {});
    }

    /**
     * Parameters after 50 epochs of exact score matching, for the score and Langevin phases: with the
     * untrained N(0,1) weights the score is not confining, particles run off to where exp underflows
     * to subnormals, and the timing would measure that pathology instead of sampling. Networks the
     * one-hidden-layer kernel does not cover train 5 epochs of the bench's objective instead.
     */
    private Params trained() {
        if (trained == null && !fusedOneHidden()) {
            ObjectiveKind kind = objective == ObjectiveKind.EXACT ? ObjectiveKind.DENOISING : objective;
            Optimizer<ChainState> opt = Optimizers.chain(Optimizers.adam(1e-3));
            trained = Trainer.run(Trainer.start(params, opt, Key.of(2)), data, data.length / dim, dim,
                    kind.loss(spec, dim, options, parallelism), opt, TrainConfig.of(5, Math.min(batch, data.length / dim)),
                    new TrainListener<>() {}).params();
        }
        if (trained == null) {
            Optimizer<ChainState> opt = Optimizers.chain(Optimizers.adam(5e-3));
            trained = Trainer.run(Trainer.start(params, opt, Key.of(2)), data, data.length / dim, dim,
                    ExactLoss.of(spec, dim, parallelism), opt, TrainConfig.of(50, Math.min(batch, data.length / dim)),
                    new TrainListener<>() {}).params();
        }
        return trained;
    }

    /** Whether {@link Kernel#scoring} picks the one-hidden-layer kernel for the bench's network. */
    private boolean fusedOneHidden() {
        Conditioning c = objective.noiseConditional() ? Conditioning.noiseLevel() : Conditioning.none();
        return Kernel.scoring(spec, c) == Kernel.FUSED_ONE_HIDDEN_LAYER;
    }

    private ScoreFn scoreFn() {
        boolean ncsn = objective.noiseConditional();
        ScoreModel m = new ScoreModel(spec, trained(), Standardizer.identity(dim), Dataset.defaultColumns(dim),
                ncsn ? LADDER : null, Map.of());
        return ncsn ? ModelScores.noiseConditional(m).at(LADDER.sigmaMin()) : ModelScores.of(m);
    }

    private void langevin() {
        float[] start = Draw.uniform(Key.of(3), particles * dim, 0, 1);
        Langevin.sample(scoreFn(), start, dim, new LangevinConfig(1e-2, langevinSteps, 0, parallelism), Key.of(4));
    }

    /** The Langevin phase on the fused strategy ({@link Chain.Fused}); the langevin phase runs the generic one. */
    private void langevinFused() {
        if (!fusedOneHidden()) {
            throw new InputException("--phases: langevin-fused needs a one-hidden-layer network [D, H, D]; use langevin");
        }
        float[] x = Draw.uniform(Key.of(3), particles * dim, 0, 1);
        Langevin.sample(Chain.fused(FusedMlp.of(spec, trained())), x, dim,
                new LangevinConfig(1e-2, langevinSteps, 0, parallelism), Key.of(4), null);
    }

    private void pipeline() {
        FoundingDemo.run(FoundingDemo.Settings.seed(0, 500, 1000, parallelism));
    }
}
