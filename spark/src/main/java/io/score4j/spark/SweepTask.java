package io.score4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.comparison.Comparison;
import io.score4j.comparison.ComparisonSettings;
import io.score4j.comparison.Reference;
import io.score4j.data.Dataset;
import io.score4j.data.Standardizer;
import io.score4j.likelihood.LikelihoodSettings;
import io.score4j.likelihood.Trace;
import io.score4j.model.Conditioning;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.objective.Projection;
import io.score4j.ode.OdeFailure;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.train.ModelLikelihood;
import io.score4j.train.ModelSampling;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.ObjectiveOptions;
import io.score4j.train.SamplingPlan;
import io.score4j.train.ScoreModel;
import io.score4j.train.TrainListener;
import io.score4j.train.TrainState;
import io.score4j.train.Trainer;
import io.score4j.train.TrainingDivergedException;
import io.score4j.train.TrainingSpec;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * One run of a sweep, as one Spark task: train a setting on the training rows as {@code score4j train} would (keys
 * from the setting's seed: init = split(5)[1], training = split(5)[2]), then evaluate it on the held-out rows: the
 * training objective's loss there (comparable between runs of one objective only), the MMD² between
 * {@code samples} particles of the model (score4j sample's default sampler: langevin, annealed for ncsn, pc for dsm)
 * and the held-out rows, and for a score SDE model (dsm) the mean exact log-likelihood of (at most
 * {@value #LOGP_ROWS} of) the held-out rows ({@link ModelLikelihood}, logp's defaults; NaN for other models).
 * Defaults: objective denoising, hidden 64, softplus, lr 5e-3, clip 0, epochs 20, batch min(256, rows), seed 0.
 */
final class SweepTask {
    /** Held-out rows the loss is evaluated on, at most. */
    static final int LOSS_ROWS = 8192;

    /**
     * Held-out rows the log-likelihood is averaged over, at most: the first of them (the held-out rows are a random
     * subset of the data, so these are a random subsample); each costs one ODE solve (~100–300 network passes).
     */
    static final int LOGP_ROWS = 1000;

    /** What every task reads: the split data (training rows standardised, float), broadcast once. */
    record Data(String[] columns, double[] mean, double[] std, float[] train, int trainRows, double[] heldOut,
                int heldOutRows, String description, int samples, long seed) implements Serializable {
        private static final long serialVersionUID = 1L;

        int d() {
            return columns.length;
        }

        /** The training rows' standardisation (a record, not serializable, so kept as its two arrays). */
        Standardizer standardizer() {
            return new Standardizer(mean, std);
        }
    }

    /**
     * A run's outcome: status ok or diverged (then the numbers are NaN and there is no model); heldOutLogp is NaN
     * unless the model is a score SDE model (or when an ODE failed).
     */
    record Result(int index, String status, int steps, double trainLoss, double heldOutLoss, double mmd2,
                  double heldOutLogp, double seconds, byte[] model) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private SweepTask() {}

    /** The training spec of {@code s} (checked: a wrong value is an {@link InputException} naming run and key). */
    static TrainingSpec spec(SweepGrid.Setting s, Data data) {
        Map<String, JsonNode> v = s.values();
        String where = "--grid run " + (s.index() + 1) + ": ";
        try {
            ObjectiveKind objective = ObjectiveKind.parse(text(v, "objective", "denoising"));
            double sigma = number(v, "sigma", 0.1);
            NoiseLadder ladder = objective.noiseConditional() ? NoiseLadder.fromData(data.train(), data.trainRows(),
                    data.d(), number(v, "sigma_min", 0.01), (int) whole(v, "levels", 10)) : null;
            ObjectiveOptions opts = new ObjectiveOptions((int) whole(v, "projections", 1), Projection.RADEMACHER, sigma,
                    ladder);
            TrainingSpec t = TrainingSpec.defaults(objective, opts, data.description(), data.trainRows())
                    .withNetwork(Activation.parse(text(v, "activation", "softplus")), hidden(v))
                    .withOptimizer(number(v, "lr", 5e-3), number(v, "clip", 0))
                    .withSchedule((int) whole(v, "epochs", 20), (int) whole(v, "batch", Math.min(256, data.trainRows())),
                            whole(v, "seed", 0));
            return ladder != null ? t.withLadder(ladder, TrainingSpec.LadderOrigin.DATA_DIAMETER) : t;
        } catch (InputException | IllegalArgumentException e) {
            throw new InputException(where + e.getMessage(), e);
        }
    }

    /** Trains and evaluates {@code s}. */
    static Result run(SweepGrid.Setting s, Data data) {
        long t0 = System.nanoTime();
        int d = data.d();
        TrainingSpec spec = spec(s, data);
        Key[] keys = Key.of(spec.seed()).split(5);
        MlpSpec net = spec.network(d);
        Optimizer<ChainState> opt = spec.optimizer();
        TrainState<ChainState> end;
        try {
            end = Trainer.run(Trainer.start(MlpInit.init(net, spec.init(), keys[1], DType.F32), opt, keys[2]),
                    data.train(), data.trainRows(), d, spec.loss(d, io.score4j.Parallelism.single()), opt, spec.config(), new TrainListener<>() {});
        } catch (TrainingDivergedException e) {
            return new Result(s.index(), "diverged", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, seconds(t0),
                    null);
        }
        ScoreModel m = ScoreModel.trained(net, end.params(), end.optState(), data.standardizer(), data.columns(), spec);
        double[] losses = end.losses();
        int perEpoch = spec.config().stepsPerEpoch(data.trainRows());
        double trainLoss = Arrays.stream(losses, losses.length - perEpoch, losses.length).average().orElse(Double.NaN);
        double heldOutLoss = heldOutLoss(spec, end.params(), data, keys[4]);
        double mmd2 = mmd2(m, data);
        double logp = heldOutLogp(m, s, data);
        return new Result(s.index(), "ok", end.step(), trainLoss, heldOutLoss, mmd2, logp, seconds(t0),
                ModelBytes.of(m, "run " + (s.index() + 1)).bytes());
    }

    /** The training objective on (at most {@value #LOSS_ROWS} of) the held-out rows, standardised as the training rows. */
    private static double heldOutLoss(TrainingSpec spec, Params params, Data data, Key key) {
        int n = Math.min(LOSS_ROWS, data.heldOutRows());
        double[] z = data.standardizer().apply(Arrays.copyOf(data.heldOut(), n * data.d()));
        float[] x = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = (float) z[i];
        }
        return spec.loss(data.d(), io.score4j.Parallelism.single()).lossAndGrad(params, x, n, key).loss();
    }

    /**
     * Mean log p_ε of the first {@value #LOGP_ROWS} held-out rows (exact trace up to D = 16, else Hutchinson's with
     * the sweep's seed; RK45 at logp's tolerances), one thread; NaN for a model without a likelihood or when a row's
     * ODE fails.
     */
    private static double heldOutLogp(ScoreModel m, SweepGrid.Setting s, Data data) {
        if (!(m.network().conditioning() instanceof Conditioning.Time)) {
            return Double.NaN;
        }
        int n = Math.min(LOGP_ROWS, data.heldOutRows());
        try {
            return ModelLikelihood.logp(m, "--grid run " + (s.index() + 1), Trace.defaultFor(data.d(), data.seed()),
                    Arrays.copyOf(data.heldOut(), n * data.d()), LikelihoodSettings.defaults(), Parallelism.of(1))
                    .meanLogp();
        } catch (OdeFailure e) {
            return Double.NaN;
        }
    }

    /** MMD² between the model's samples (score4j sample's defaults, the sweep's seed) and the held-out rows. */
    private static double mmd2(ScoreModel m, Data data) {
        SamplerKind kind = ModelSampling.defaultKind(m);
        SamplingPlan plan = new SamplingPlan(kind, ModelSampling.defaultSteps(m, kind), null, SamplerDefaults.START_LOW,
                SamplerDefaults.START_HIGH, null, null, null, Parallelism.single());
        ModelSampling.Drawn drawn = ModelSampling.fromModel(m, data.samples(), plan, Key.of(data.seed()).split(5)[3],
                ModelSampling.Progress.NONE);
        if (drawn.nonFinite() > drawn.points().length / data.d() - Comparison.MIN_ROWS) {
            return Double.NaN;
        }
        Dataset samples = new Dataset(data.columns(), data.samples(), data.d(), drawn.points());
        Dataset held = new Dataset(data.columns(), data.heldOutRows(), data.d(), data.heldOut());
        return Comparison.compare(samples, Reference.rows(held), ComparisonSettings.defaults(data.seed()))
                .distances().mmd2();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String text(Map<String, JsonNode> v, String key, String otherwise) {
        JsonNode n = v.get(key);
        if (n == null) {
            return otherwise;
        }
        if (!n.isTextual()) {
            throw new InputException(key + " must be a string, got " + n);
        }
        return n.asText();
    }

    private static double number(Map<String, JsonNode> v, String key, double otherwise) {
        JsonNode n = v.get(key);
        if (n == null) {
            return otherwise;
        }
        if (!n.isNumber()) {
            throw new InputException(key + " must be a number, got " + n);
        }
        return n.asDouble();
    }

    private static long whole(Map<String, JsonNode> v, String key, long otherwise) {
        JsonNode n = v.get(key);
        if (n == null) {
            return otherwise;
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber() || (!key.equals("seed") && !n.canConvertToInt())) {
            throw new InputException(key + " must be a whole number, got " + n);
        }
        return n.asLong();
    }

    private static int[] hidden(Map<String, JsonNode> v) {
        JsonNode n = v.get("hidden");
        if (n == null) {
            return new int[] {64};
        }
        JsonNode[] layers = n.isArray() ? toArray(n) : new JsonNode[] {n};
        int[] h = new int[layers.length];
        for (int i = 0; i < h.length; i++) {
            if (!layers[i].isIntegralNumber() || !layers[i].canConvertToInt() || layers[i].asInt() < 1) {
                throw new InputException("hidden must be a width >= 1 or a list of them, got " + n);
            }
            h[i] = layers[i].asInt();
        }
        if (h.length == 0) {
            throw new InputException("hidden must be a width >= 1 or a list of them, got " + n);
        }
        return h;
    }

    private static JsonNode[] toArray(JsonNode n) {
        JsonNode[] out = new JsonNode[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i);
        }
        return out;
    }
}
