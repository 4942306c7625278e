package io.score4j.sampling;

import io.score4j.fused.FusedMlp;
import java.util.Objects;

/**
 * How a Langevin chain evaluates its score and schedules its particles: a strategy of the one update
 * x ← x + α·s(x) + √(2α)·z ({@link LangevinUpdate}), with the same noise z = Draw.normalAt(key.child(t), i)
 * for coordinate i at step t in every strategy, so only the arithmetic and the order of work differ.
 *
 * <ul>
 *   <li>{@link Generic}: any {@link ScoreFn}; the update in double, rounded to float (by default); particles in at most
 *       64 blocks that synchronise every 32 steps.</li>
 *   <li>{@link Fused}: a one-hidden-layer {@link FusedMlp}; the update in float; each block of
 *       {@value #FUSED_BLOCK} particles runs a whole segment of {@value #FUSED_SEGMENT_STEPS} steps while it
 *       stays in cache.</li>
 * </ul>
 * Both are bit-identical for every thread count: a particle's path depends only on its row, the score, the
 * step size and the key.
 */
public sealed interface Chain permits Chain.Generic, Chain.Fused {
    /** Particles per block of the fused strategy; even, so a block's noise starts on a Box–Muller pair. */
    int FUSED_BLOCK = 64;
    /** Steps a fused block runs before the blocks synchronise (for progress and history). */
    int FUSED_SEGMENT_STEPS = 100;

    /** The score this chain uses, as a {@link ScoreFn}. */
    ScoreFn score();

    /** The arithmetic of the update. */
    LangevinUpdate.Precision precision();

    /** The generic strategy for {@code score}, double-precision update. */
    static Chain generic(ScoreFn score) {
        return new Generic(score, LangevinUpdate.Precision.DOUBLE);
    }

    /** The fused strategy for a one-hidden-layer network. */
    static Chain fused(FusedMlp net) {
        return new Fused(net);
    }

    /**
     * Any score, segment-synchronised blocks; the samplers use the double-precision update, and the float one
     * gives exactly the fused strategy's bits for the same score (which is how the two are tested together).
     */
    record Generic(ScoreFn score, LangevinUpdate.Precision precision) implements Chain {
        public Generic {
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(precision, "precision");
        }
    }

    /** The fused one-hidden-layer kernel, float update, cache-resident blocks of {@value #FUSED_BLOCK} particles. */
    record Fused(FusedMlp net) implements Chain {
        public Fused {
            Objects.requireNonNull(net, "net");
        }

        @Override
        public ScoreFn score() {
            return net::score;
        }

        @Override
        public LangevinUpdate.Precision precision() {
            return LangevinUpdate.Precision.FLOAT;
        }
    }
}
