package io.score4j.train;

import io.score4j.InputException;
import io.score4j.MemoryEstimate;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.Params;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.optim.Update;
import io.score4j.random.Draw;
import io.score4j.random.Key;

/**
 * The seed's training loop: for each epoch, ⌊n/B⌋ steps; each step splits the training key into
 * (next key, choice key, step key), draws B row indices without replacement with the choice key,
 * evaluates the loss and gradient on that batch, and applies the optimizer update.
 *
 * <p>The per-step loss history is checked against the heap before it is allocated ({@link #totalSteps}).
 *
 * <p>The loop is a pure function of its starting {@link TrainState}: resuming from a checkpoint
 * gives bit-identical results to an uninterrupted run.
 */
public final class Trainer {
    private Trainer() {}

    /** The state before the first step. */
    public static <S> TrainState<S> start(Params params, Optimizer<S> optimizer, Key trainKey) {
        return new TrainState<>(params, optimizer.init(params), trainKey, 0, new double[0]);
    }

    /**
     * Runs from {@code state} until {@code config.epochs() · ⌊n/B⌋} steps are done.
     *
     * @param data rows, flat row-major [n, d]; not modified
     * @throws TrainingDivergedException on a non-finite loss, or a parameter that is not finite or beyond
     *         ±{@link ScoreModel#MAX_PARAMETER} (so every run that ends gives a loadable model; the listener has already
     *         received the last good checkpoint, if one was due)
     */
    public static <S> TrainState<S> run(TrainState<S> state, float[] data, int n, int d, BatchLoss loss,
                                        Optimizer<S> optimizer, TrainConfig config, TrainListener<S> listener) {
        if (config.batchSize() > n) {
            throw new IllegalArgumentException("batch size " + config.batchSize() + " exceeds the " + n + " training rows");
        }
        int perEpoch = config.stepsPerEpoch(n);
        int total = totalSteps(perEpoch, config.epochs());
        if (state.step() > total) {
            throw new IllegalArgumentException("the state has done " + state.step() + " steps, more than the " + total
                    + " of " + config.epochs() + " epochs");
        }
        double[] losses = java.util.Arrays.copyOf(state.losses(), total);
        float[] batch = new float[config.batchSize() * d];
        int[] scratch = new int[n];
        Params params = state.params();
        S opt = state.optState();
        Key key = state.key();
        long lastCheckpoint = System.nanoTime();
        for (int step = state.step(); step < total; step++) {
            Key[] k = key.split(3);
            key = k[0];
            gather(data, d, Draw.choice(k[1], n, config.batchSize(), scratch), batch);
            LossAndGrad r = loss.lossAndGrad(params, batch, config.batchSize(), k[2]);
            if (!Double.isFinite(r.loss())) {
                throw new TrainingDivergedException(step + 1, "loss is " + r.loss());
            }
            Update<S> u = optimizer.update(r.grad(), opt, params);
            params = Optimizers.applyUpdates(params, u.updates());
            opt = u.state();
            String bad = firstUnusable(params);
            if (bad != null) {
                throw new TrainingDivergedException(step + 1, bad);
            }
            losses[step] = r.loss();
            listener.afterStep(step + 1, total, r.loss());
            if ((step + 1) % perEpoch == 0) {
                listener.afterEpoch((step + 1) / perEpoch, config.epochs(), mean(losses, step + 1 - perEpoch, step + 1));
            }
            boolean byCount = config.checkpointEverySteps() > 0 && (step + 1) % config.checkpointEverySteps() == 0;
            boolean byTime = config.checkpointEverySeconds() > 0
                    && System.nanoTime() - lastCheckpoint >= config.checkpointEverySeconds() * 1e9;
            if (byCount || byTime) {
                listener.checkpoint(new TrainState<>(params, opt, key, step + 1, java.util.Arrays.copyOf(losses, step + 1)));
                lastCheckpoint = System.nanoTime();
            }
        }
        return new TrainState<>(params, opt, key, total, losses);
    }

    /**
     * epochs × steps per epoch, after checking that the per-step loss history (kept in
     * {@link RunMemory#LOSS_COPIES} copies) fits in the heap and the count in an int.
     *
     * @throws io.score4j.InputException naming the estimate and the heap limit, or the step count
     */
    static int totalSteps(int perEpoch, int epochs) {
        long total = (long) perEpoch * epochs;
        MemoryEstimate.none().plusArrays("loss history (" + total + " steps: " + epochs + " epochs of " + perEpoch + ")",
                total, Double.BYTES, RunMemory.LOSS_COPIES).check();
        if (total > Integer.MAX_VALUE) {
            throw new InputException(epochs + " epochs of " + perEpoch + " steps are " + total + " steps, more than "
                    + Integer.MAX_VALUE);
        }
        return (int) total;
    }

    /** Mean loss of each epoch from per-step losses. */
    public static double[] epochMeans(double[] stepLosses, int stepsPerEpoch) {
        int epochs = stepLosses.length / stepsPerEpoch;
        double[] out = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            out[e] = mean(stepLosses, e * stepsPerEpoch, (e + 1) * stepsPerEpoch);
        }
        return out;
    }

    static void gather(float[] data, int d, int[] rows, float[] out) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data, rows[i] * d, out, i * d, d);
        }
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s / (to - from);
    }

    /** The first parameter a model could not hold (non-finite or beyond {@link ScoreModel#MAX_PARAMETER}), or null. */
    private static String firstUnusable(Params p) {
        for (var e : p.asMap().entrySet()) {
            String problem = ScoreModelChecks.parameterProblem(e.getValue());
            if (problem != null) {
                return "parameter '" + e.getKey() + "' " + problem;
            }
        }
        return null;
    }
}
