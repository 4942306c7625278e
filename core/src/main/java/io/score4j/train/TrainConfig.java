package io.score4j.train;

/**
 * Settings of a training run. One epoch is ⌊n / batchSize⌋ steps, each on a batch of
 * {@code batchSize} rows drawn without replacement (the seed's {@code random.choice(..., replace=False)}).
 *
 * @param epochs passes over the data, ≥ 1
 * @param batchSize rows per step, ≥ 1 and ≤ the number of rows
 * @param checkpointEverySteps write a checkpoint every this many steps (0 = never by count)
 * @param checkpointEverySeconds write a checkpoint when this many seconds have passed since the last (0 = never by time)
 */
public record TrainConfig(int epochs, int batchSize, int checkpointEverySteps, double checkpointEverySeconds) {
    public TrainConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (checkpointEverySteps < 0) {
            throw new IllegalArgumentException("checkpointEverySteps must be >= 0, got " + checkpointEverySteps);
        }
        if (!(checkpointEverySeconds >= 0) || Double.isInfinite(checkpointEverySeconds)) {
            throw new IllegalArgumentException("checkpointEverySeconds must be finite and >= 0, got " + checkpointEverySeconds);
        }
    }

    /** Settings without periodic checkpoints. */
    public static TrainConfig of(int epochs, int batchSize) {
        return new TrainConfig(epochs, batchSize, 0, 0);
    }

    /** Steps per epoch for {@code n} rows: ⌊n / batchSize⌋. */
    public int stepsPerEpoch(int n) {
        return n / batchSize;
    }
}
