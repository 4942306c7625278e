package io.score4j.fused;

import io.score4j.random.Key;

/**
 * Unadjusted Langevin dynamics driven by a {@link FusedMlp} score, block by block: each block of
 * {@link #BLOCK} particles runs all its steps while it stays in cache, and blocks are spread over
 * threads. The update of coordinate i (flat index particle·D + j) at step t is
 * <pre>
 *   x_i ← x_i + (α·s_i(x) + √(2α)·z),   z = (float) Draw.normalAt(key.child(t), i)
 * </pre>
 * in float arithmetic, so the noise of a particle depends only on (key, t, i): the result is
 * bit-identical for every thread count and equals a step-by-step loop over all particles that uses the
 * same noise and {@link FusedMlp#score}. The noise uses {@link StrictMath} and the score sums in a fixed
 * order, so the bits do not depend on the CPU or its vector width either.
 */
public final class FusedLangevin {
    /** Particles per block; even, so a block's noise starts on a Box–Muller pair. */
    public static final int BLOCK = 64;

    private FusedLangevin() {}

    /**
     * Runs {@code steps} Langevin steps of size {@code stepSize} (α > 0) on the {@code n} particles in
     * {@code x} ([n, D] row-major); modifies x[0, n·D) in place.
     */
    public static void run(FusedMlp net, float[] x, int n, double stepSize, int steps, Key key, Parallelism parallelism) {
        run(net, x, n, stepSize, 0, steps, key, parallelism);
    }

    /**
     * Steps {@code firstStep … firstStep+steps−1} of the chain (step t uses {@code key.child(t)}), so a long
     * run can be cut into pieces, e.g. to report progress, with the same bits as one call.
     */
    public static void run(FusedMlp net, float[] x, int n, double stepSize, int firstStep, int steps, Key key,
                           Parallelism parallelism) {
        if (firstStep < 0) {
            throw new IllegalArgumentException("firstStep must be >= 0, got " + firstStep);
        }
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + stepSize);
        }
        if (steps < 0 || n < 0 || (long) n * net.dim() > x.length) {
            throw new IllegalArgumentException("need steps >= 0 and n particles of dimension " + net.dim()
                    + " in x (length " + x.length + "), got steps=" + steps + ", n=" + n);
        }
        float alpha = (float) stepSize;
        float sigma = (float) Math.sqrt(2 * stepSize);
        float[] scores = new float[n * net.dim()];
        int blocks = (n + BLOCK - 1) / BLOCK;
        TaskRunner.run(parallelism, blocks, b -> {
            int from = b * BLOCK;
            runBlock(net, x, scores, from, Math.min(BLOCK, n - from), alpha, sigma, firstStep, steps, key);
        });
    }

    private static void runBlock(FusedMlp net, float[] x, float[] scores, int from, int rows, float alpha, float sigma,
                                 int firstStep, int steps, Key key) {
        int d = net.dim();
        int lo = from * d;
        int hi = (from + rows) * d;
        for (int t = 0; t < steps; t++) {
            ScorePass.score(net, net.math(), x, from, rows, scores);
            Key stepKey = key.child(firstStep + t);
            for (int i = lo; i < hi; i += 2) {
                long pair = i >>> 1;
                double u1 = 1.0 - stepKey.uniform(2 * pair);
                double u2 = stepKey.uniform(2 * pair + 1);
                double r = Math.sqrt(-2.0 * StrictMath.log(u1));
                double a = 2.0 * Math.PI * u2;
                x[i] = x[i] + (alpha * scores[i] + sigma * (float) (r * StrictMath.cos(a)));
                if (i + 1 < hi) {
                    x[i + 1] = x[i + 1] + (alpha * scores[i + 1] + sigma * (float) (r * StrictMath.sin(a)));
                }
            }
        }
    }
}
