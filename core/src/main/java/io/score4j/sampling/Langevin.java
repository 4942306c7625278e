package io.score4j.sampling;

import io.score4j.random.Key;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Unadjusted Langevin dynamics (ULA): for n particles of dimension d and t = 0 … T−1,
 * <pre>
 *   x ← x + α·s(x) + √(2α)·z,   z ~ N(0, I)
 * </pre>
 * Coordinate j of particle i at step t uses z = {@code Draw.normalAt(key.child(t), i·d + j)}, so the
 * output depends only on (score, start, config minus parallelism, key): bit-identical for any thread count.
 * The chain is biased for finite α; for a Gaussian N(μ, σ²) its stationary variance is σ²/(1 − α/(2σ²)).
 * Use {@link Mala} for an exact sampler of an analytic density. The {@link Chain} chooses the strategy:
 * {@link Chain.Generic} for any score (double-precision update), {@link Chain.Fused} for a one-hidden-layer
 * network (float update, cache-resident blocks); the noise is the same in both.
 */
public final class Langevin {
    private Langevin() {}

    /** {@link #sample(ScoreFn, float[], int, LangevinConfig, Key, IntConsumer)} without progress. */
    public static SamplingResult sample(ScoreFn score, float[] start, int d, LangevinConfig config, Key key) {
        return sample(score, start, d, config, key, null);
    }

    /**
     * Runs {@code config.steps()} ULA steps from {@code start}.
     *
     * @param score    s(x), called on blocks of rows (concurrently when threads &gt; 1)
     * @param start    n·d finite starting coordinates, row-major; not modified
     * @param d        dimension ≥ 1
     * @param key      the randomness; step t uses {@code key.child(t)}
     * @param progress called on the calling thread with the number of steps done, after every at most
     *                 32 steps; may be null
     * @return final particles [n, d] and the thinned history
     */
    public static SamplingResult sample(ScoreFn score, float[] start, int d, LangevinConfig config, Key key,
                                        IntConsumer progress) {
        return sample(Chain.generic(score), start, d, config, key, progress);
    }

    /**
     * Runs {@code config.steps()} ULA steps from {@code start} with the strategy {@code chain}; the same
     * contract as {@link #sample(ScoreFn, float[], int, LangevinConfig, Key, IntConsumer)}, except that the
     * fused strategy reports progress every at most {@value Chain#FUSED_SEGMENT_STEPS} steps.
     */
    public static SamplingResult sample(Chain chain, float[] start, int d, LangevinConfig config, Key key,
                                        IntConsumer progress) {
        return sample(chain, start, d, 0, config, key, progress);
    }

    /**
     * Particles [firstRow, firstRow + n) of a larger run, {@code start} holding just their n rows: row i draws
     * its noise as particle {@code firstRow + i}, so ranges sampled apart (on other machines, say) and
     * concatenated equal the whole run bit for bit.
     */
    public static SamplingResult sample(Chain chain, float[] start, int d, long firstRow, LangevinConfig config, Key key,
                                        IntConsumer progress) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(key, "key");
        var level = new LangevinEngine.Level(chain, config.stepSize(), config.steps(), key);
        return LangevinEngine.run(start, d, firstRow, List.of(level), config.thinning(), config.parallelism(), progress);
    }
}
