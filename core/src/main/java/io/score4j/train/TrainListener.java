package io.score4j.train;

/**
 * Callbacks from the training loop, called on the loop's thread. Default methods do nothing.
 *
 * @param <S> optimizer state type
 */
public interface TrainListener<S> {
    /** After each step, with {@code stepsDone} of {@code totalSteps} done and that step's loss. */
    default void afterStep(int stepsDone, int totalSteps, double loss) {}

    /** After each epoch (1-based), with the mean of its minibatch losses. */
    default void afterEpoch(int epoch, int epochs, double meanLoss) {}

    /** When a checkpoint is due by the configured step count or time. */
    default void checkpoint(TrainState<S> state) {}
}
