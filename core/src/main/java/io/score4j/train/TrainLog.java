package io.score4j.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run's log as JSON lines ({@code train --log-json}), appended to a file: one object per epoch
 * ({@code epoch, epochs, step, loss, steps_per_s, elapsed_s}), flushed as each epoch ends. A run that diverges
 * adds one last object ({@link #diverged}) for the epoch it stopped in, with {@code step} the last good step,
 * {@code loss} the mean of the good steps this process ran in that epoch ({@code null} if none) and
 * {@code diverged} the reason. Called on the training loop's thread.
 *
 * @param <S> optimizer state type
 */
public final class TrainLog<S> implements TrainListener<S> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;
    private final String flag;
    private final long start = System.nanoTime();
    private final int firstStep;
    private final int stepsPerEpoch;
    private final int epochs;
    private int stepsDone;
    private double epochLossSum;
    private int epochSteps;

    /**
     * Opens (creates or appends to) {@code file} for a run of {@code epochs} epochs of {@code stepsPerEpoch} steps
     * that starts after {@code firstStep} steps (a resumed run's); {@code flag} names the file in errors.
     *
     * @throws InputException naming {@code flag} when the file cannot be opened
     */
    public TrainLog(Path file, String flag, int stepsPerEpoch, int epochs, int firstStep) {
        this.flag = flag;
        this.stepsPerEpoch = stepsPerEpoch;
        this.epochs = epochs;
        this.firstStep = firstStep;
        this.stepsDone = firstStep;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InputException(flag + " " + file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    @Override
    public void afterStep(int done, int total, double loss) {
        stepsDone = done;
        epochLossSum += loss;
        epochSteps++;
    }

    @Override
    public void afterEpoch(int epoch, int all, double meanLoss) {
        epochLossSum = 0;
        epochSteps = 0;
        write(epoch, meanLoss, null);
    }

    /** The last line of a run that stopped with {@code e} (see the class comment); closes the log. */
    public void diverged(TrainingDivergedException e) {
        write(stepsDone / stepsPerEpoch + 1, epochSteps > 0 ? epochLossSum / epochSteps : null, e.getMessage());
        close();
    }

    /** Closes the file. */
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new InputException(flag + ": close failed (" + e.getMessage() + ")");
        }
    }

    /** One JSON line, flushed; {@code diverged} is null for a completed epoch. */
    private void write(int epoch, Double loss, String diverged) {
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
            out.write(JSON.writeValueAsString(row));
            out.newLine();
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new InputException(flag + ": write failed (" + e.getMessage() + ")");
        }
    }
}
