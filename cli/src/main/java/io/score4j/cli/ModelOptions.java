package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.nn.Init;
import io.score4j.nn.MlpSpec;
import io.score4j.objective.Projection;
import io.score4j.tensor.Activation;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.SdeFlags;
import io.score4j.train.TrainingChoices;
import io.score4j.train.TrainingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Network, objective and optimizer flags shared by {@code train} and {@code demo}. Noise levels are
 * in the units the network sees (standardised when the data are).
 *
 * <p>Two defaults are properties of the training data: the batch, min(2048, rows), and the ncsn
 * ladder's σ_max. A command that trains calls {@link #deriveFromData} once, after loading and
 * scaling the data and before {@link #batch()} or {@link #trainingSpec}.
 */
final class ModelOptions {
    @Option(names = "--hidden", split = ",", paramLabel = "H[,H…]",
            description = "hidden layer widths (default: 128,128,128 for dsm, 128,128 for ncsn; 1024 otherwise)")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME",
            converter = Converters.ActivationConverter.class,
            description = "softplus, tanh, silu or relu (default: silu for dsm and ncsn; softplus otherwise)")
    Activation activation;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "scaled", converter = Converters.InitConverter.class,
            description = "normal (the seed's: all N(0,1)) or scaled (N(0,1/fan_in), zero bias) (default: ${DEFAULT-VALUE})")
    Init init;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = ObjectiveKind.DEFAULT_NAME, converter = Converters.ObjectiveConverter.class,
            description = "exact, sliced, sliced-vr, denoising, ncsn or dsm (default: ${DEFAULT-VALUE})")
    ObjectiveKind objective;

    @Option(names = "--projections", paramLabel = "M", defaultValue = "1",
            description = "random projections per example for sliced and sliced-vr (default: ${DEFAULT-VALUE})")
    int projections;

    @Option(names = "--projection", paramLabel = "LAW", defaultValue = "rademacher", converter = ProjectionConverter.class,
            description = "law of the sliced projections: rademacher or gaussian (default: ${DEFAULT-VALUE})")
    Projection projection;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "0.1",
            description = "noise level of the denoising objective, in the network's (standardised) units (default: ${DEFAULT-VALUE})")
    double sigma;

    @Option(names = "--sigma-max", paramLabel = "S",
            description = "largest noise level of ncsn and of --sde ve (default: the largest distance between two training points)")
    Double sigmaMax;

    @Option(names = "--sigma-min", paramLabel = "S", defaultValue = "0.01",
            description = "smallest noise level of ncsn and of --sde ve (default: ${DEFAULT-VALUE})")
    double sigmaMin;

    @Option(names = "--levels", paramLabel = "L", defaultValue = "10",
            description = "noise levels of ncsn, geometric from --sigma-max to --sigma-min (default: ${DEFAULT-VALUE})")
    int levels;

    @Option(names = "--sde", paramLabel = "NAME", description = "dsm's SDE: vp, ve or subvp (default: vp)")
    String sde;

    @Option(names = "--beta-min", paramLabel = "B", description = "smallest beta of --sde vp and subvp (default: 0.1)")
    Double betaMin;

    @Option(names = "--beta-max", paramLabel = "B", description = "largest beta of --sde vp and subvp (default: 20)")
    Double betaMax;

    @Option(names = "--weighting", paramLabel = "W", description = "dsm's weighting: sigma2 (lambda = sigma(t)^2, "
            + "t uniform) or likelihood (lambda = g(t)^2, t importance-sampled) (default: sigma2)")
    String weighting;

    @Option(names = "--eps", paramLabel = "E", description = "dsm's smallest time, t drawn from [E, 1] (default: 1e-5)")
    Double eps;

    @Option(names = "--embedding", paramLabel = "E", description = "size of dsm's sinusoidal time embedding, even (default: 16)")
    Integer embedding;

    @Option(names = "--ema", paramLabel = "DECAY", description = "exponential moving average of the parameters, used by "
            + "the model (0: off; default: 0.999 for dsm, 0 otherwise)")
    Double ema;

    @Option(names = "--epochs", description = "passes over the data (default: " + TrainingSpec.DEFAULT_DSM_EPOCHS + " for dsm, "
            + TrainingSpec.DEFAULT_NCSN_EPOCHS + " for ncsn, 500 otherwise)")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B",
            description = "rows per step, drawn without replacement (default: 2048, or every row of smaller data)")
    Integer batch;

    /** What the training data fixed ({@link #deriveFromData}); null until then. */
    private TrainingChoices.Derived derived;

    @Option(names = "--lr", defaultValue = "5e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--clip", paramLabel = "NORM", defaultValue = "0",
            description = "clip gradients to this global norm before Adam (0: off, the default)")
    double clip;

    /** Fills the objective's defaults of --hidden, --activation and --epochs; throws a {@link InputException} naming the first bad flag. */
    void validate() {
        hidden = hidden != null ? hidden : TrainingSpec.defaultHidden(objective);
        activation = activation != null ? activation : TrainingSpec.defaultActivation(objective);
        epochs = epochs != null ? epochs : TrainingSpec.defaultEpochs(objective);
        if (hidden.isEmpty()) {
            throw new InputException("--hidden needs at least one width (e.g. --hidden 1024 or --hidden 64,64), got none");
        }
        for (int h : hidden) {
            InputException.require(h >= 1, "--hidden", hidden, "widths must be >= 1");
        }
        InputException.require(epochs >= 1, "--epochs", epochs, "must be >= 1");
        InputException.require(batch == null || batch >= 1, "--batch", batch, "must be >= 1");
        InputException.require(lr > 0 && Double.isFinite(lr), "--lr", lr, "must be a finite number > 0");
        InputException.require(clip >= 0 && Double.isFinite(clip), "--clip", clip, "must be >= 0");
        InputException.require(projections >= 1, "--projections", projections, "must be >= 1");
        InputException.require(sigma > 0 && Double.isFinite(sigma), "--sigma", sigma, "must be a finite number > 0");
        InputException.require(sigmaMin > 0 && Double.isFinite(sigmaMin), "--sigma-min", sigmaMin, "must be a finite number > 0");
        InputException.require(levels >= 2, "--levels", levels, "must be >= 2 (for one noise level use --objective denoising)");
        if (sigmaMax != null) {
            InputException.require(sigmaMax > sigmaMin && Double.isFinite(sigmaMax), "--sigma-max", sigmaMax,
                    "must be finite and above --sigma-min " + sigmaMin);
        }
        InputException.require(ema == null || ema >= 0 && ema < 1, "--ema", ema, "must be in [0, 1) (0: off)");
        sdeFlags().validate(objective, sigmaMax != null);
    }

    /** dsm's flags as given (null where not). */
    private SdeFlags sdeFlags() {
        return new SdeFlags(sde, betaMin, betaMax, weighting, eps, embedding);
    }

    /** The flags as {@link TrainingChoices} (after {@link #validate}). */
    TrainingChoices choices() {
        return new TrainingChoices(objective, hidden, activation, init, projections, projection, sigma, sigmaMax,
                sigmaMin, levels, sdeFlags(), ema, epochs, batch, lr, clip);
    }

    /** Fixes the batch and the data-derived σ_max ({@link TrainingChoices#derive}); x is the scaled rows, flat [n, d]. */
    void deriveFromData(float[] x, int n, int d) {
        derived = choices().derive(x, n, d);
    }

    /** Rows per step for n training rows, before {@link #deriveFromData} has checked it: --batch or min(2048, n). */
    int batchFor(int n) {
        return choices().batchFor(n);
    }

    /** Rows per step: {@code --batch}, or min(2048, rows); after {@link #deriveFromData}. */
    int batch() {
        return derived().batch();
    }

    /** Whether the batch was left to its default, min(2048, rows). */
    boolean batchDefaulted() {
        return batch == null;
    }

    /** [d, hidden…, d], [d + 1, hidden…, d] for ncsn (input [x, log σ]), [d + E, hidden…, d] for dsm. */
    MlpSpec spec(int d) {
        return choices().spec(d);
    }

    /** The run these flags describe ({@link TrainingChoices#trainingSpec}); after {@link #deriveFromData}. */
    TrainingSpec trainingSpec(String data, int rows, long seed) {
        return choices().trainingSpec(data, rows, seed, derived());
    }

    private TrainingChoices.Derived derived() {
        if (derived == null) {
            throw new IllegalStateException("the batch and sigma max depend on the data: call deriveFromData first");
        }
        return derived;
    }

    /** Parses {@code --projection}; a bad name gives one line listing the valid ones. */
    static final class ProjectionConverter extends Converters.Parsing<Projection> {
        ProjectionConverter() {
            super(Projection::parse);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "hidden=%s %s %s", Arrays.toString(hidden.toArray()), activation.id(), init.id());
    }
}
