package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.Standardizer;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import java.nio.file.Path;
import java.util.List;

/**
 * The checks around a training run that depend on the data and on a checkpoint, and what the run produced, as
 * {@code score4j train} uses them: the rows in the float range the network computes in ({@link #floats}), a
 * resumed state that belongs to this run ({@link #resume}), and the trained model ({@link Result#of}). The
 * {@link InputException}s name {@code score4j train}'s flags ({@code --resume}, {@code --epochs},
 * {@code --standardize}).
 */
public final class TrainingRun {
    private TrainingRun() {}

    /**
     * What a training run produced.
     *
     * @param steps     optimiser steps taken in all (a resumed run's included)
     * @param finalLoss the last step's loss, NaN when no step ran
     * @param losses    the loss after each step of this session
     * @param summary   {@link TrainingSpec#summary}
     */
    public record Result(ScoreModel model, int steps, double seconds, double finalLoss, double[] losses,
                         String summary) {
        /** The model at {@code end} (EMA parameters when tracked) of {@code training} on rows scaled by {@code scaler}. */
        public static Result of(TrainingSpec training, TrainState<ChainState> end, Standardizer scaler, String[] columns,
                                int d, double seconds) {
            ScoreModel m = ScoreModel.trained(training.network(d), end.params(), end.optState(), scaler, columns,
                    training);
            double[] losses = end.losses();
            return new Result(m, end.step(), seconds, losses.length == 0 ? Double.NaN : losses[losses.length - 1],
                    losses, training.summary());
        }
    }

    /**
     * {@code raw} scaled by {@code scaler} as the network's float rows, flat [n, d]; {@code raw} is not modified.
     *
     * @param source what the rows are, for the message (e.g. {@code csv:data.csv})
     * @param scaled whether {@code scaler} standardises (the message then says so; else it suggests --standardize)
     * @throws InputException naming the row and column of the first value beyond the float range (±3.4e38)
     */
    public static float[] floats(Dataset raw, Standardizer scaler, String source, boolean scaled) {
        float[] x = scaler.apply(raw).toFloatArray();
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new InputException(source + ": data row " + (i / raw.d() + 1) + ", column '"
                        + raw.columns()[i % raw.d()] + "' is " + raw.values()[i] + (scaled ? " after standardising, "
                        : ", ") + "beyond the float range (±3.4e38) the network computes in"
                        + (scaled ? "" : "; train with --standardize"));
            }
        }
        return x;
    }

    /**
     * The state saved in the checkpoint {@code resume}, if it was made with {@code training}'s spec (epochs aside).
     * The epochs count the whole run, the checkpoint's steps included, so they must cover them.
     *
     * @throws InputException naming --resume for a checkpoint of another spec, --epochs for too few epochs
     */
    public static TrainState<ChainState> resume(Path resume, Optimizer<ChainState> opt, TrainingSpec training,
                                                int stepsPerEpoch) {
        TrainCheckpoint.Loaded<ChainState> loaded = TrainCheckpoint.read(resume, opt);
        List<TrainingSpec.Difference> diff = loaded.spec().differences(training, "epochs");
        if (!diff.isEmpty()) {
            TrainingSpec.Difference e = diff.get(0);
            throw new InputException("--resume " + resume + " was made with "
                    + (e.was() == null ? "no " + e.setting() + " setting" : e.setting() + "=" + e.was())
                    + ", this run has " + (e.now() == null ? "no " + e.setting() + " setting" : e.now()));
        }
        int done = loaded.state().step();
        long all = (long) training.epochs() * stepsPerEpoch;
        if (done > all) {
            long needed = (done + stepsPerEpoch - 1L) / stepsPerEpoch;
            throw new InputException("--epochs " + training.epochs() + " means " + all + " steps in all, but --resume "
                    + resume + " has already done " + done + " (of " + stepsPerEpoch + " per epoch); --epochs counts "
                    + "the whole run, the checkpoint's steps included: give --epochs " + needed + " or more");
        }
        return loaded.state();
    }
}
