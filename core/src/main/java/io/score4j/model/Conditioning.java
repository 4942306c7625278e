package io.score4j.model;

/**
 * What a score network is conditioned on besides x, and how its output becomes a score: the conditioning
 * rule, stated once. Time-conditioned networks (SDE models) are a further case to add here.
 */
public sealed interface Conditioning permits Conditioning.None, Conditioning.NoiseLevel {
    /** Network inputs beyond the d data coordinates. */
    int extraInputs();

    /** s(x) = net(x): network [d, …, d]. */
    static Conditioning none() {
        return None.INSTANCE;
    }

    /** s(x, σ) = net([x, log σ]) / σ (NCSN): network [d + 1, …, d]. */
    static Conditioning noiseLevel() {
        return NoiseLevel.INSTANCE;
    }

    /** Unconditioned: s(x) = net(x). */
    enum None implements Conditioning {
        INSTANCE;

        @Override
        public int extraInputs() {
            return 0;
        }
    }

    /** Noise-level conditioned: s(x, σ) = net([x, log σ]) / σ, with log σ rounded to float. */
    enum NoiseLevel implements Conditioning {
        INSTANCE;

        @Override
        public int extraInputs() {
            return 1;
        }
    }
}
