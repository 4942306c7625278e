package io.score4j.train;

import io.score4j.InputException;
import io.score4j.nn.Init;
import io.score4j.nn.MlpSpec;
import io.score4j.noise.NoiseLadder;
import io.score4j.objective.Projection;
import io.score4j.tensor.Activation;
import java.util.List;
import java.util.Objects;

/**
 * What a caller chose for a training run (as {@code score4j train} takes it from its flags), before the data
 * fixes the rest: {@link #derive} settles the batch and the ncsn/VE σ_max from the training rows, then
 * {@link #trainingSpec} assembles the {@link TrainingSpec}. Noise levels are in the units the network sees
 * (standardised when the data are). Validation with flag names is the caller's.
 *
 * @param hidden     hidden widths, at least one
 * @param sigmaMax   the largest noise level of ncsn and of the VE SDE, or null: the data's diameter
 * @param sdeFlags   dsm's settings as given
 * @param ema        the parameter EMA decay, or null: {@link TrainingSpec#defaultEma}
 * @param batch      rows per step, or null: min({@value TrainingSpec#DEFAULT_BATCH}, rows)
 */
public record TrainingChoices(ObjectiveKind objective, List<Integer> hidden, Activation activation, Init init,
                              int projections, Projection projection, double sigma, Double sigmaMax, double sigmaMin,
                              int levels, SdeFlags sdeFlags, Double ema, int epochs, Integer batch, double lr,
                              double clip) {
    public TrainingChoices {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(sdeFlags, "sdeFlags");
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("hidden needs at least one width");
        }
    }

    /** What the training rows fix: the batch and, for ncsn or VE without a given σ_max, the derived one (else null). */
    public record Derived(int batch, Double sigmaMax) {}

    /** Rows per step for n training rows: the given batch, or min({@value TrainingSpec#DEFAULT_BATCH}, n). */
    public int batchFor(int n) {
        return batch != null ? batch : Math.min(TrainingSpec.DEFAULT_BATCH, n);
    }

    /**
     * Refuses, before the data's copies, the network and the loss history are allocated, a run on n rows of d
     * columns that the heap cannot hold ({@link RunMemory}), or one of more than {@link Integer#MAX_VALUE} steps.
     *
     * @throws InputException the memory estimate's, or naming {@code --epochs}
     */
    public void checkSize(int n, int d) {
        int b = batchFor(n);
        long steps = (long) epochs * (n / b);
        RunMemory.data(n, d).plus(RunMemory.training(spec(d), objective, projections, levels, b, steps)).check();
        InputException.require(steps <= Integer.MAX_VALUE, "--epochs", epochs, "gives " + steps + " steps, more than "
                + Integer.MAX_VALUE);
    }

    /**
     * Fixes what the choices leave to the data: the batch, and for ncsn (or dsm's VE SDE) without σ_max the largest
     * Euclidean distance between two rows of {@code x} (Song &amp; Ermon 2020, Technique 1;
     * {@link NoiseLadder#dataSigmaMax}).
     *
     * @param x the training rows as the network sees them (after scaling), flat [n, d]; not modified
     * @throws InputException naming {@code --batch} when it exceeds n, or {@code --sigma-min} when the derived
     *                        σ_max is not above it
     */
    public Derived derive(float[] x, int n, int d) {
        InputException.require(batch == null || batch <= n, "--batch", batch, "must not exceed the " + n + " training rows");
        if (!sdeFlags.hasSigmaMax(objective) || sigmaMax != null) {
            return new Derived(batchFor(n), null);
        }
        double derived = NoiseLadder.dataSigmaMax(x, n, d);
        InputException.require(derived > sigmaMin, "--sigma-min", sigmaMin, "must be below the data-derived sigma max "
                + derived + " (the largest distance between two training points; lower it or give --sigma-max)");
        return new Derived(batchFor(n), derived);
    }

    /** [d, hidden…, d], [d + 1, hidden…, d] for ncsn (input [x, log σ]), [d + E, hidden…, d] for dsm. */
    public MlpSpec spec(int d) {
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        ObjectiveOptions o = ObjectiveOptions.defaults();
        return objective.spec(d, o.withSde(o.sde(), o.weighting(), o.eps(), sdeFlags.timeEmbedding()), activation, h);
    }

    /**
     * The run on {@code rows} rows described by {@code data}, with {@code seed} and what {@link #derive} fixed. The
     * ncsn ladder is geometric from σ_max (given, else the data's) to σ_min in {@code levels} levels.
     */
    public TrainingSpec trainingSpec(String data, int rows, long seed, Derived derived) {
        double top = sigmaMax != null ? sigmaMax : derived.sigmaMax() != null ? derived.sigmaMax() : Double.NaN;
        NoiseLadder ladder = objective.noiseConditional() ? NoiseLadder.geometric(top, sigmaMin, levels) : null;
        ObjectiveOptions options = new ObjectiveOptions(projections, projection, sigma, ladder);
        if (objective.timeConditional()) {
            options = sdeFlags.applyTo(options, sigmaMin, sdeFlags.ve() ? top : Double.NaN);
        }
        return new TrainingSpec(objective, options,
                sigmaMax != null ? TrainingSpec.LadderOrigin.GIVEN : TrainingSpec.LadderOrigin.DATA_DIAMETER, hidden,
                activation, init, lr, clip, ema != null ? ema : TrainingSpec.defaultEma(objective), epochs,
                derived.batch(), seed, data, rows);
    }
}
