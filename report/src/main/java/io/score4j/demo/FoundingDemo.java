package io.score4j.demo;

import io.score4j.Parallelism;
import io.score4j.data.MixtureData;
import io.score4j.data.Standardizer;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ColumnStats;
import io.score4j.metrics.KolmogorovSmirnov;
import io.score4j.metrics.ModeMass;
import io.score4j.metrics.ScoreMetrics;
import io.score4j.metrics.Wasserstein;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.Chain;
import io.score4j.sampling.Langevin;
import io.score4j.sampling.LangevinConfig;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.ScoreFn;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.simd.VectorMath;
import io.score4j.train.BatchLoss;
import io.score4j.train.ModelScores;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.ObjectiveOptions;
import io.score4j.train.RunMemory;
import io.score4j.train.ScoreModel;
import io.score4j.train.TrainConfig;
import io.score4j.train.TrainState;
import io.score4j.train.Trainer;
import io.score4j.train.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's pipeline: 20 000 points of ½N(−2,1) + ½N(2,1); MLP [1,1024,1] softplus, init normal;
 * Adam 5e-3; 500 epochs of ⌊20000/2048⌋ = 9 steps on batches of 2048 drawn without replacement;
 * Langevin α = 1e-2, 10 000 particles, 1000 steps from U(0,1) — once with the learned score and once,
 * with the same start and noise, with the exact score, so sampler error and score error can be told apart.
 * Keys: {@code Key.of(seed).split(5)} = data, init, train, sample, eval.
 */
public final class FoundingDemo {
    /** The seed's mixture ½N(−2, 1) + ½N(2, 1), as JSON. */
    public static final String MIXTURE = "{\"weights\":[0.5,0.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}";

    private FoundingDemo() {}

    /** Every setting of the run, shown in the report. */
    public record Settings(long seed, int n, int hidden, int epochs, int batch, double lr, double alpha, int particles,
                    int langevinSteps, Parallelism parallelism) {
        /** The seed's settings with the given seed, epochs, Langevin steps and parallelism. */
        public static Settings seed(long seed, int epochs, int langevinSteps, Parallelism parallelism) {
            return new Settings(seed, 20000, 1024, epochs, 2048, 5e-3, SamplerDefaults.STEP_SIZE, 10000, langevinSteps, parallelism);
        }

        /**
         * The training part as a {@link TrainingSpec}: exact score matching, MLP [1, hidden, 1] softplus with
         * the seed's all-N(0,1) init, Adam(lr), epochs × ⌊n/batch⌋ steps; written into the model's metadata.
         */
        public TrainingSpec trainingSpec() {
            return TrainingSpec.defaults(ObjectiveKind.EXACT, ObjectiveOptions.defaults(), "mixture " + MIXTURE + " n=" + n, n)
                    .withNetwork(Activation.SOFTPLUS, hidden).withInit(Init.NORMAL).withOptimizer(lr, 0)
                    .withSchedule(epochs, batch, seed);
        }

        /**
         * The large arrays the run allocates (data, network, training state and loss history), for a check
         * against the heap before it starts ({@link io.score4j.MemoryEstimate#check}).
         */
        public io.score4j.MemoryEstimate memory() {
            long steps = (long) epochs * (n / batch);
            return RunMemory.data(n, 1).plus(RunMemory.training(MlpSpec.scoreNet(1, Activation.SOFTPLUS, hidden),
                    ObjectiveKind.EXACT, 1, 0, batch, steps));
        }

        /** Every setting by name, for the report's settings table. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mixture", MIXTURE);
            m.put("seed", seed);
            m.put("data points", n);
            m.put("network", "MLP [1, " + hidden + ", 1], softplus, init normal (all N(0,1)), float32");
            m.put("objective", "exact score matching: mean of ½‖s‖² + tr ∂s/∂x");
            m.put("optimizer", "Adam, lr " + lr);
            m.put("epochs", epochs);
            m.put("batch", batch + " rows without replacement, " + (n / batch) + " steps per epoch");
            m.put("sampler", "Langevin x ← x + α s(x) + √(2α) z, α = " + alpha);
            m.put("particles", particles);
            m.put("Langevin steps", langevinSteps);
            m.put("start", "U(0, 1)");
            m.put("threads", parallelism.threads());
            m.put("JDK", Runtime.version().toString());
            m.put("vector path", VectorMath.vectorEnabled() ? "on" : "off (scalar)");
            return m;
        }
    }

    /**
     * What the run produced.
     *
     * @param stepLosses  the loss of every training step's minibatch (the seed's raw loss curve)
     * @param epochLosses the mean of {@code stepLosses} over each epoch
     * @param grid        the score grid [−4, 4) in steps of 0.01, with the learned and true scores on it
     */
    public record Result(GaussianMixture mixture, double[] data, ScoreModel model, double[] stepLosses,
                         double[] epochLosses, double[] samples,
                  double[] exactSamples, double[] grid, double[] learnedGrid, double[] trueGrid,
                  Map<String, Double> metrics) {}

    /** Runs the pipeline silently. */
    public static Result run(Settings s) {
        return run(s, DemoProgress.SILENT);
    }

    /** Runs the pipeline, reporting training and sampling progress to {@code progress}. */
    public static Result run(Settings s, DemoProgress progress) {
        GaussianMixture mix = GaussianMixture.fromJson(MIXTURE, "built-in mixture");
        Key[] keys = Key.of(s.seed()).split(5);
        io.score4j.data.Dataset sampled = MixtureData.sample(mix, s.n(), keys[0]);
        double[] data = sampled.values();
        float[] x = sampled.toFloatArray();
        TrainingSpec training = s.trainingSpec();
        MlpSpec spec = training.network(1);
        Optimizer<ChainState> opt = training.optimizer();
        BatchLoss loss = training.loss(1, s.parallelism());
        TrainConfig cfg = training.config();
        int total = cfg.stepsPerEpoch(s.n()) * s.epochs();
        DemoProgress.Phase bar = progress.start("train", total);
        long t0 = System.nanoTime();
        TrainState<ChainState> end = Trainer.run(
                Trainer.start(MlpInit.init(spec, training.init(), keys[1], DType.F32), opt, keys[2]),
                x, s.n(), 1, loss, opt, cfg, new io.score4j.train.TrainListener<>() {
                    @Override
                    public void afterStep(int done, int all, double l) {
                        bar.update(done, String.format(java.util.Locale.ROOT, "loss %.4f", l));
                    }
                });
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        bar.finish();
        ScoreModel model = ScoreModel.of(spec, end.params(), new Standardizer(new double[1], new double[] {1.0}),
                new String[] {"x"}, training);
        Chains chains = sample(s, mix, model, keys[3], progress);
        Map<String, Double> metrics = new LinkedHashMap<>();
        double[] grid = ScoreMetrics.uniformGrid(-4, 0.01, 800);
        double[] learnedGrid = ModelScores.inOriginalUnits(model, grid, null);
        double[] eval = MixtureData.sample(mix, s.n(), keys[4]).values();
        double[] learnedEval = ModelScores.inOriginalUnits(model, eval, null);
        metrics.put("fisher_divergence", ScoreMetrics.fisherDivergence(eval, learnedEval, mix));
        metrics.put("score_grid_mse", ScoreMetrics.gridMse(grid, learnedGrid, mix));
        sampleMetrics(metrics, "", chains.learned(), mix);
        double[] losses = end.losses();
        double[] epochLosses = Trainer.epochMeans(losses, cfg.stepsPerEpoch(s.n()));
        metrics.put("final_loss", losses[losses.length - 1]);
        metrics.put("final_epoch_loss", epochLosses[epochLosses.length - 1]);
        metrics.put("loss_floor", lossFloor(mix));
        metrics.put("train_seconds", trainSeconds);
        metrics.put("train_step_ms_mean", 1e3 * trainSeconds / total);
        metrics.put("sample_seconds", chains.learnedSeconds());
        sampleMetrics(metrics, "exact_", chains.exact(), mix);
        metrics.put("exact_sample_seconds", chains.exactSeconds());
        return new Result(mix, data, model, losses, epochLosses, chains.learned(), chains.exact(), grid, learnedGrid,
                ScoreMetrics.trueScores(grid, mix), metrics);
    }

    private record Chains(double[] learned, double learnedSeconds, double[] exact, double exactSeconds) {}

    private static Chains sample(Settings s, GaussianMixture mix, ScoreModel model, Key key, DemoProgress progress) {
        Key[] k = key.split(2);
        float[] start = SamplerDefaults.start(k[0], s.particles(), 1);
        LangevinConfig cfg = new LangevinConfig(s.alpha(), s.langevinSteps(), 0, s.parallelism());
        long t0 = System.nanoTime();
        double[] learned = chain(model.network().chain(), start, cfg, k[1], progress.start("sample (learned)", cfg.steps()));
        double learnedSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        double[] exact = chain(Chain.generic(ScoreFn.of(mix)), start, cfg, k[1],
                progress.start("sample (exact)", cfg.steps()));
        return new Chains(learned, learnedSeconds, exact, (System.nanoTime() - t1) / 1e9);
    }

    /**
     * Langevin on {@code chain} from {@code start}: the learned score's chain is the network's own
     * ({@link io.score4j.model.ScoreNetwork#chain()}: fused float32 for the seed's one-hidden-layer net).
     */
    private static double[] chain(Chain chain, float[] start, LangevinConfig cfg, Key key, DemoProgress.Phase bar) {
        double[] out = Langevin.sample(chain, start, 1, cfg, key, done -> bar.update(done, "")).samples().toDoubleArray();
        bar.finish();
        return out;
    }

    private static void sampleMetrics(Map<String, Double> m, String prefix, double[] samples, GaussianMixture mix) {
        m.put(prefix + "fraction_positive", ModeMass.fractionPositive(samples));
        m.put(prefix + "ks_vs_true", KolmogorovSmirnov.distance(samples, mix::cdf));
        m.put(prefix + "wasserstein1_vs_true", Wasserstein.w1ToCdf(samples, mix::cdf));
        m.put(prefix + "sample_mean", ColumnStats.means(samples, 1)[0]);
        m.put(prefix + "sample_std", ColumnStats.stds(samples, 1)[0]);
    }

    /** E_p[−½ s*(x)²] by the trapezoid rule on [−14, 14]: the exact loss at the true score. */
    static double lossFloor(GaussianMixture mix) {
        int n = 28001;
        double h = 28.0 / (n - 1);
        double sum = 0;
        double[] x = new double[1];
        double[] s = new double[1];
        for (int i = 0; i < n; i++) {
            x[0] = -14 + i * h;
            mix.score(x, 0, s, 0);
            double f = -0.5 * Math.exp(mix.logDensity(x, 0)) * s[0] * s[0];
            sum += (i == 0 || i == n - 1) ? 0.5 * f : f;
        }
        return sum * h;
    }
}
