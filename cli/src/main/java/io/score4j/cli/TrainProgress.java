package io.score4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.InputException;
import io.score4j.train.TrainListener;
import io.score4j.train.TrainState;
import io.score4j.train.TrainingDivergedException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a training run shows and records: the progress bar (terminal only), one JSON object per
 * epoch in {@code --log-json} ({@code epoch, epochs, step, loss, steps_per_s, elapsed_s}), flushed
 * as each epoch ends, and checkpoints handed to the writer given. A run that diverges adds one last
 * object for the epoch it stopped in, with {@code step} the last good step, {@code loss} the mean of
 * the good steps this process ran in that epoch ({@code null} if none) and {@code diverged} the reason.
 */
final class TrainProgress<S> implements TrainListener<S> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Progress bar;
    private final BufferedWriter log;
    private final Consumer<TrainState<S>> checkpointWriter;
    private final long start = System.nanoTime();
    private final int firstStep;
    private final int stepsPerEpoch;
    private final int epochs;
    private int stepsDone;
    private double epochLossSum;
    private int epochSteps;

    TrainProgress(RunOptions run, Path logJson, int stepsPerEpoch, int epochs, int firstStep, Consumer<TrainState<S>> checkpointWriter) {
        this.bar = Progress.start("train", (long) stepsPerEpoch * epochs, run.quiet);
        this.stepsPerEpoch = stepsPerEpoch;
        this.epochs = epochs;
        this.firstStep = firstStep;
        this.stepsDone = firstStep;
        this.checkpointWriter = checkpointWriter;
        this.log = logJson == null ? null : open(logJson);
    }

    private static BufferedWriter open(Path logJson) {
        try {
            return Files.newBufferedWriter(logJson, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InputException("--log-json " + logJson + ": cannot write (" + e.getMessage() + ")");
        }
    }

    @Override
    public void afterStep(int done, int total, double loss) {
        stepsDone = done;
        epochLossSum += loss;
        epochSteps++;
        int epoch = Math.min(epochs, done / stepsPerEpoch + 1);
        bar.update(done, String.format(java.util.Locale.ROOT, "epoch %d/%d loss %.4f", epoch, epochs, loss));
    }

    @Override
    public void afterEpoch(int epoch, int epochs, double meanLoss) {
        epochLossSum = 0;
        epochSteps = 0;
        writeRow(epoch, meanLoss, null);
    }

    /** One JSON line, flushed; {@code diverged} is null for a completed epoch. */
    private void writeRow(int epoch, Double loss, String diverged) {
        if (log == null) {
            return;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        row.put("epochs", epochs);
        row.put("step", stepsDone);
        row.put("loss", loss);
        row.put("steps_per_s", (stepsDone - firstStep) / Math.max(secs, 1e-9));
        row.put("elapsed_s", secs);
        if (diverged != null) {
            row.put("diverged", diverged);
        }
        try {
            log.write(JSON.writeValueAsString(row));
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new InputException("--log-json: write failed (" + e.getMessage() + ")");
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
            writeRow(stepsDone / stepsPerEpoch + 1, epochSteps > 0 ? epochLossSum / epochSteps : null, e.getMessage());
            close();
            throw new InputException(e.getMessage());
        }
    }

    void close() {
        bar.finish();
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                throw new InputException("--log-json: close failed (" + e.getMessage() + ")");
            }
        }
    }
}
