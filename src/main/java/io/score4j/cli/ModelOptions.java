package io.score4j.cli;

import io.score4j.nn.Activation;
import io.score4j.nn.Init;
import io.score4j.nn.MlpSpec;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.ObjectiveOptions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Network, objective and optimizer flags shared by {@code train} and {@code demo}. */
final class ModelOptions {
    @Option(names = "--hidden", split = ",", paramLabel = "H[,H…]", defaultValue = "1024",
            description = "hidden layer widths (default: ${DEFAULT-VALUE})")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "softplus",
            converter = Converters.ActivationConverter.class,
            description = "softplus, tanh, silu or relu (default: ${DEFAULT-VALUE})")
    Activation activation;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "normal", converter = Converters.InitConverter.class,
            description = "normal (the seed's: all N(0,1)) or scaled (N(0,1/fan_in), zero bias) (default: ${DEFAULT-VALUE})")
    Init init;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "exact", converter = Converters.ObjectiveConverter.class,
            description = "training objective (default: ${DEFAULT-VALUE}); see README")
    ObjectiveKind objective;

    @Option(names = "--epochs", defaultValue = "500", description = "passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "2048", description = "rows per step, drawn without replacement (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--clip", paramLabel = "NORM", defaultValue = "0",
            description = "clip gradients to this global norm before Adam (0: off, the default)")
    double clip;

    /** Throws a {@link UserError} naming the first bad flag. */
    void validate() {
        for (int h : hidden) {
            UserError.require(h >= 1, "--hidden", hidden, "widths must be >= 1");
        }
        UserError.require(epochs >= 1, "--epochs", epochs, "must be >= 1");
        UserError.require(batch >= 1, "--batch", batch, "must be >= 1");
        UserError.require(lr > 0 && Double.isFinite(lr), "--lr", lr, "must be a finite number > 0");
        UserError.require(clip >= 0 && Double.isFinite(clip), "--clip", clip, "must be >= 0");
    }

    MlpSpec spec(int d) {
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        return MlpSpec.scoreNet(d, activation, h);
    }

    /** clip (when set) then Adam(lr), as a pure optimizer chain. */
    Optimizer<ChainState> optimizer() {
        return clip > 0 ? Optimizers.chain(Optimizers.clipByGlobalNorm(clip), Optimizers.adam(lr))
                : Optimizers.chain(Optimizers.adam(lr));
    }

    ObjectiveOptions objectiveOptions() {
        return ObjectiveOptions.defaults();
    }

    double[] sigmas() {
        return new double[0];
    }

    /** Every setting, as stored in model metadata and shown in reports. */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("objective", objective.id());
        s.put("hidden", hidden.toString());
        s.put("activation", activation.id());
        s.put("init", init.id());
        s.put("optimizer", clip > 0 ? "clip_by_global_norm(" + clip + ") + adam" : "adam");
        s.put("lr", Double.toString(lr));
        s.put("epochs", Integer.toString(epochs));
        s.put("batch", Integer.toString(batch));
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "hidden=%s %s %s", Arrays.toString(hidden.toArray()), activation.id(), init.id());
    }
}
