package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.train.TrainListener;
import io.score4j.train.TrainLog;
import io.score4j.train.TrainState;
import io.score4j.train.TrainingDivergedException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a training run shows and records: the progress bar (terminal only), the {@code --log-json} lines
 * ({@link TrainLog}) and checkpoints handed to the writer given.
 */
final class TrainProgress<S> implements TrainListener<S> {
    private final Progress bar;
    private final TrainLog<S> log;
    private final Consumer<TrainState<S>> checkpointWriter;
    private final int stepsPerEpoch;
    private final int epochs;

    TrainProgress(RunOptions run, Path logJson, int stepsPerEpoch, int epochs, int firstStep, Consumer<TrainState<S>> checkpointWriter) {
        this.bar = Progress.start("train", (long) stepsPerEpoch * epochs, run.quiet);
        this.stepsPerEpoch = stepsPerEpoch;
        this.epochs = epochs;
        this.checkpointWriter = checkpointWriter;
        this.log = logJson == null ? null : new TrainLog<>(logJson, "--log-json", stepsPerEpoch, epochs, firstStep);
    }

    @Override
    public void afterStep(int done, int total, double loss) {
        if (log != null) {
            log.afterStep(done, total, loss);
        }
        int epoch = Math.min(epochs, done / stepsPerEpoch + 1);
        bar.update(done, String.format(Locale.ROOT, "epoch %d/%d loss %.4f", epoch, epochs, loss));
    }

    @Override
    public void afterEpoch(int epoch, int all, double meanLoss) {
        if (log != null) {
            log.afterEpoch(epoch, all, meanLoss);
        }
    }

    @Override
    public void checkpoint(TrainState<S> state) {
        checkpointWriter.accept(state);
    }

    /** Runs the training, turning divergence into one user-facing error line. */
    <T> T guard(Supplier<T> body) {
        try {
            return body.get();
        } catch (TrainingDivergedException e) {
            bar.finish();
            if (log != null) {
                log.diverged(e);
            }
            throw new InputException(e.getMessage());
        }
    }

    void close() {
        bar.finish();
        if (log != null) {
            log.close();
        }
    }
}
