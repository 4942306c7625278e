package io.score4j.sampling;

import io.score4j.noise.NoiseLadder;
import io.score4j.random.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Annealed Langevin dynamics (Song &amp; Ermon 2019, Algorithm 1): for levels i = 0 … L−1 of a
 * {@link NoiseLadder} and T steps each,
 * <pre>
 *   x ← x + α_i·s(x, σ_i) + √(2α_i)·z,   α_i = ε·σ_i²/σ_L²
 * </pre>
 * (the paper writes the step as α/2 and √α: its α is our 2α_i). Large σ let particles move between
 * modes with weights set by the smoothed density; small σ refine them. Step t of level i uses
 * {@code key.child(i).child(t)}, coordinate j of particle i' the normal at counter i'·d + j: the output is
 * bit-identical for any thread count. No final denoising step is applied.
 */
public final class AnnealedLangevin {
    private AnnealedLangevin() {}

    /** {@link #sample(NoiseConditionalScoreFn, float[], int, AnnealedLangevinConfig, Key, IntConsumer)} without progress. */
    public static SamplingResult sample(NoiseConditionalScoreFn score, float[] start, int d, AnnealedLangevinConfig config,
                                        Key key) {
        return sample(score, start, d, config, key, null);
    }

    /**
     * Runs all L·T steps from {@code start} (n·d finite coordinates, row-major, not modified).
     *
     * @param progress called on the calling thread with the total steps done (over all levels); may be null
     * @return the final particles [n, d] and the thinned history
     */
    public static SamplingResult sample(NoiseConditionalScoreFn score, float[] start, int d, AnnealedLangevinConfig config,
                                        Key key, IntConsumer progress) {
        return sample(score, start, d, 0, config, key, progress);
    }

    /**
     * Particles [firstRow, firstRow + n) of a larger run, {@code start} holding just their n rows: row i draws
     * its noise as particle {@code firstRow + i} (see {@link Langevin#sample(Chain, float[], int, long,
     * LangevinConfig, Key, IntConsumer)}).
     */
    public static SamplingResult sample(NoiseConditionalScoreFn score, float[] start, int d, long firstRow,
                                        AnnealedLangevinConfig config, Key key, IntConsumer progress) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(key, "key");
        NoiseLadder ladder = config.ladder();
        List<LangevinEngine.Level> levels = new ArrayList<>();
        for (int i = 0; i < ladder.levels(); i++) {
            levels.add(new LangevinEngine.Level(Chain.generic(score.at(ladder.sigma(i))), ladder.stepSize(config.epsilon(), i),
                    config.stepsPerLevel(), key.child(i)));
        }
        return LangevinEngine.run(start, d, firstRow, levels, config.thinning(), config.parallelism(), progress);
    }
}
