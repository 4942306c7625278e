package io.score4j.train;

import io.score4j.Parallelism;
import io.score4j.model.Conditioning;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.Init;
import io.score4j.nn.MlpSpec;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.objective.TimeWeighting;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.tensor.Activation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a training run, as one validated value: the network (hidden widths, activation,
 * initialisation), the objective and its options (the {@link NoiseLadder} of ncsn among them), the
 * optimizer (Adam, after global-norm clipping when {@code clip} &gt; 0), epochs, batch, seed and a
 * description of the data. {@code train} builds one from its flags, the demo from its settings and a library
 * user in Java; {@link ScoreModel#of} writes it into the model file's metadata and {@link TrainCheckpoint}
 * into a checkpoint's, both through {@link #metadata()} / {@link #fromMetadata} (one codec, whose keys and
 * values are the metadata score4j has always written), and {@code train --resume} compares the checkpoint's
 * spec with the run's by {@link #differences}.
 *
 * <p>The standardisation and the column names are properties of the data, kept by {@link ScoreModel}.
 *
 * @param objective    the score-matching objective
 * @param options      its options; only those {@code objective} reads are kept (the others at their defaults),
 *                     and ncsn needs a ladder
 * @param ladderOrigin for ncsn and dsm on the VE SDE, where σ_max came from (given, or the data's diameter);
 *                     null otherwise
 * @param hidden       hidden layer widths, at least one, each ≥ 1
 * @param activation   hidden-layer nonlinearity
 * @param init         parameter initialisation
 * @param lr           Adam's learning rate, finite and &gt; 0
 * @param clip         global gradient-norm clip before Adam, finite and ≥ 0 (0 = off)
 * @param ema          decay of the parameters' exponential moving average ({@link Optimizers#ema}), in [0, 1)
 *                     (0 = none); the model keeps the average as its parameters and the raw ones beside them
 * @param epochs       passes over the data, ≥ 1
 * @param batch        rows per step, 1 … rows
 * @param seed         the run's seed ({@code Key.of(seed)})
 * @param data         what the data were (a file, a mixture, a toy set), for the record
 * @param rows         training rows, ≥ 1
 */
public record TrainingSpec(ObjectiveKind objective, ObjectiveOptions options, LadderOrigin ladderOrigin,
                           List<Integer> hidden, Activation activation, Init init, double lr, double clip, double ema,
                           int epochs, int batch, long seed, String data, int rows) {
    /** The default batch when the data have at least this many rows. */
    public static final int DEFAULT_BATCH = 2048;

    /** The default epochs of dsm, the default objective ({@link #defaultEpochs}). */
    public static final int DEFAULT_DSM_EPOCHS = 400;

    /** The default epochs of ncsn ({@link #defaultEpochs}). */
    public static final int DEFAULT_NCSN_EPOCHS = 200;

    /** The default EMA decay of dsm (score_sde's); the older objectives default to none (0). */
    public static final double DEFAULT_DSM_EMA = 0.999;

    /** Where the largest level of an ncsn ladder came from; {@link #id()} is its metadata value. */
    public enum LadderOrigin {
        /** Given by the user ({@code --sigma-max}). */
        GIVEN("--sigma-max"),
        /** The largest distance between two training rows ({@link NoiseLadder#dataSigmaMax}). */
        DATA_DIAMETER("data diameter");

        private final String id;

        LadderOrigin(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The origin whose {@link #id()} is {@code s}. */
        public static LadderOrigin parse(String s) {
            for (LadderOrigin o : values()) {
                if (o.id.equals(s)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown sigma_max_from '" + s + "' (--sigma-max or data diameter)");
        }
    }

    public TrainingSpec {
        Objects.requireNonNull(objective, "objective");
        options = Objects.requireNonNull(options, "options").relevantTo(objective);
        if (objective.noiseConditional() && options.ladder() == null) {
            throw new IllegalArgumentException("the ncsn objective needs a noise ladder in its options, got none");
        }
        ladderOrigin = hasSigmaMax(objective, options) ? Objects.requireNonNull(ladderOrigin, "ladderOrigin") : null;
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden must hold at least one width, each >= 1, got " + hidden);
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
        require(lr > 0 && Double.isFinite(lr), "lr must be finite and > 0, got " + lr);
        require(clip >= 0 && Double.isFinite(clip), "clip must be finite and >= 0 (0 = off), got " + clip);
        require(ema >= 0 && ema < 1, "ema must be in [0, 1) (0 = off), got " + ema);
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(rows >= 1, "rows must be >= 1, got " + rows);
        require(batch >= 1 && batch <= rows, "batch must be in [1, rows=" + rows + "], got " + batch);
        Objects.requireNonNull(data, "data");
    }

    /**
     * The defaults of {@code score4j train} for {@code rows} rows described by {@code data}: one hidden layer of
     * 1024, softplus, scaled init, Adam 5e-3 without clipping, no EMA, 500 epochs, batch min(2048, rows), seed 0;
     * for dsm two hidden layers of 128, silu, EMA 0.999 and 400 epochs; for ncsn two silu layers of 128 and 200 epochs. For ncsn, {@code options} must hold the
     * ladder (given: see {@link #withLadder} for one from the data).
     */
    public static TrainingSpec defaults(ObjectiveKind objective, ObjectiveOptions options, String data, int rows) {
        return new TrainingSpec(objective, options, LadderOrigin.GIVEN, defaultHidden(objective),
                defaultActivation(objective), Init.SCALED, 5e-3, 0, defaultEma(objective), defaultEpochs(objective),
                Math.min(DEFAULT_BATCH, rows), 0, data, rows);
    }

    /**
     * The default hidden widths: 1024 (the seed's), 128, 128, 128 for dsm, 128, 128 for ncsn: time- or
     * noise-conditioned networks need depth more than width (on ring8 at 900 steps the weighted Fisher gap of
     * dsm's 128,128 silu was 2 to 10 times below that of one 1024-wide softplus layer, at the same cost; ncsn with
     * one 1024-wide softplus layer and annealed sampling put 0.645 of ring8's samples within 3 sd of a mode, with
     * 128,128 silu 0.94). dsm's third layer: grid25 within 3 sd 0.555 → 0.920, ring8 0.963 → 0.975, ring8's
     * held-out gap 0.055 → 0.017 nats, for 1.4× the training time (docs/DEFAULTS.md).
     */
    public static List<Integer> defaultHidden(ObjectiveKind objective) {
        if (objective.timeConditional()) {
            return List.of(128, 128, 128);
        }
        return objective.noiseConditional() ? List.of(128, 128) : List.of(1024);
    }

    /** The default activation: softplus, or silu for dsm and ncsn. */
    public static Activation defaultActivation(ObjectiveKind objective) {
        return conditioned(objective) ? Activation.SILU : Activation.SOFTPLUS;
    }

    /** Whether {@code objective}'s network takes a time or noise level beside x (dsm, ncsn). */
    private static boolean conditioned(ObjectiveKind objective) {
        return objective.timeConditional() || objective.noiseConditional();
    }

    /**
     * The default epochs: 500, {@value #DEFAULT_NCSN_EPOCHS} for ncsn, or {@value #DEFAULT_DSM_EPOCHS} for dsm (measured on {@code ring8}, docs/DEFAULTS.md:
     * 200 epochs left the held-out log-likelihood 0.154 nats per point below the true density's, 400 epochs 0.091).
     */
    public static int defaultEpochs(ObjectiveKind objective) {
        if (objective.timeConditional()) {
            return DEFAULT_DSM_EPOCHS;
        }
        return objective.noiseConditional() ? DEFAULT_NCSN_EPOCHS : 500;
    }

    /** The default EMA decay of {@code objective}: {@link #DEFAULT_DSM_EMA} for dsm, 0 (none) otherwise. */
    public static double defaultEma(ObjectiveKind objective) {
        return objective == ObjectiveKind.DSM ? DEFAULT_DSM_EMA : 0;
    }

    /** Whether {@code objective} with {@code options} has a σ_max whose origin is recorded (ncsn, dsm on VE). */
    static boolean hasSigmaMax(ObjectiveKind objective, ObjectiveOptions options) {
        return objective.noiseConditional() || objective.timeConditional() && options.sde() instanceof Sde.Ve;
    }

    /** This spec with hidden widths {@code hidden} and {@code activation}. */
    public TrainingSpec withNetwork(Activation activation, int... hidden) {
        return new TrainingSpec(objective, options, ladderOrigin, java.util.Arrays.stream(hidden).boxed().toList(),
                activation, init, lr, clip, ema, epochs, batch, seed, data, rows);
    }

    /** This spec with initialisation {@code init}. */
    public TrainingSpec withInit(Init init) {
        return new TrainingSpec(objective, options, ladderOrigin, hidden, activation, init, lr, clip, ema, epochs,
                batch, seed, data, rows);
    }

    /** This spec with Adam's learning rate {@code lr} after clipping to {@code clip} (0 = off). */
    public TrainingSpec withOptimizer(double lr, double clip) {
        return new TrainingSpec(objective, options, ladderOrigin, hidden, activation, init, lr, clip, ema, epochs,
                batch, seed, data, rows);
    }

    /** This spec with {@code epochs}, {@code batch} and {@code seed}. */
    public TrainingSpec withSchedule(int epochs, int batch, long seed) {
        return new TrainingSpec(objective, options, ladderOrigin, hidden, activation, init, lr, clip, ema, epochs,
                batch, seed, data, rows);
    }

    /** This spec with the ncsn ladder {@code ladder}, which came from {@code origin}. */
    public TrainingSpec withLadder(NoiseLadder ladder, LadderOrigin origin) {
        return new TrainingSpec(objective, options.withLadder(ladder), origin, hidden, activation, init, lr, clip,
                ema, epochs, batch, seed, data, rows);
    }

    /** This spec with EMA decay {@code ema} (0 = none). */
    public TrainingSpec withEma(double ema) {
        return new TrainingSpec(objective, options, ladderOrigin, hidden, activation, init, lr, clip, ema, epochs,
                batch, seed, data, rows);
    }

    /** This spec with dsm's SDE, weighting, ε and embedding; {@code origin} says where a VE σ_max came from. */
    public TrainingSpec withSde(Sde sde, TimeWeighting weighting, double eps, TimeEmbedding embedding,
                                LadderOrigin origin) {
        return new TrainingSpec(objective, options.withSde(sde, weighting, eps, embedding), origin, hidden, activation,
                init, lr, clip, ema, epochs, batch, seed, data, rows);
    }

    /** The conditioning rule of the trained network (none, the noise level, or time on dsm's SDE). */
    public Conditioning conditioning() {
        return objective.conditioning(options);
    }

    /** The noise ladder of a noise-conditional objective, else null. */
    public NoiseLadder ladder() {
        return options.ladder();
    }

    /** The network [inputDim(d), hidden…, d] for data of dimension {@code d} (input d + 1 for ncsn, d + E for dsm). */
    public MlpSpec network(int d) {
        return objective.spec(d, options, activation, hidden.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * clip (when &gt; 0), then Adam(lr), then the EMA of the parameters (when ema &gt; 0), as a pure optimizer
     * chain: the EMA lives in its state ({@link Optimizers#emaParams}).
     */
    public Optimizer<ChainState> optimizer() {
        List<Optimizer<?>> parts = new java.util.ArrayList<>();
        if (clip > 0) {
            parts.add(Optimizers.clipByGlobalNorm(clip));
        }
        parts.add(Optimizers.adam(lr));
        if (ema > 0) {
            parts.add(Optimizers.ema(ema));
        }
        return Optimizers.chain(parts.toArray(new Optimizer<?>[0]));
    }

    /** One line for the run's summary: the objective and, for dsm, SDE, weighting and ε; the EMA. */
    public String summary() {
        StringBuilder b = new StringBuilder(objective.id());
        if (objective.timeConditional()) {
            b.append(" on ").append(TrainingMetadata.describe(options.sde())).append(", weighting ")
                    .append(options.weighting().id()).append(", eps ").append(options.eps());
        }
        return b.append(ema > 0 ? ", EMA " + ema : ", no EMA").toString();
    }

    /** The objective's batch loss for data of dimension {@code d} on {@code parallelism} (results do not depend on it). */
    public BatchLoss loss(int d, Parallelism parallelism) {
        return objective.loss(network(d), d, options, parallelism);
    }

    /** As {@link #loss(int, Parallelism)}, a table's gaps masked out of dsm's loss ({@link ObjectiveKind#loss(MlpSpec, int, ObjectiveOptions, Parallelism, int[])}). */
    public BatchLoss loss(int d, Parallelism parallelism, int[] maskedBy) {
        return objective.loss(network(d), d, options, parallelism, maskedBy);
    }

    /** Epochs and batch without periodic checkpoints. */
    public TrainConfig config() {
        return TrainConfig.of(epochs, batch);
    }

    /** The metadata (key → value) this spec is written as; keys and values as score4j has always written them. */
    public Map<String, String> metadata() {
        return TrainingMetadata.encode(this);
    }

    /**
     * The spec {@link #metadata()} wrote. {@code ladder} is the model's ladder where the file stores it
     * (a model's {@code sigmas}); null rebuilds a geometric one from sigma_max, sigma_min and levels.
     *
     * @throws IllegalArgumentException naming the first key missing or malformed
     */
    public static TrainingSpec fromMetadata(Map<String, String> metadata, NoiseLadder ladder) {
        return TrainingMetadata.decode(metadata, ladder);
    }

    /** One setting in which two specs differ; a value is null where that spec has no such setting. */
    public record Difference(String setting, String was, String now) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s vs %s", setting, was, now);
        }
    }

    /**
     * The settings, by metadata key in the order written, whose typed values differ between this spec ("was")
     * and {@code other} ("now"), leaving out those named in {@code ignoring}.
     */
    public List<Difference> differences(TrainingSpec other, String... ignoring) {
        return TrainingMetadata.differences(this, other, List.of(ignoring));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
