package io.score4j.model;

import io.score4j.noise.Sde;

import java.util.Objects;

/**
 * What a score network is conditioned on besides x, and how its output becomes a score: the conditioning
 * rule, stated once.
 */
public sealed interface Conditioning permits Conditioning.None, Conditioning.NoiseLevel, Conditioning.Time {
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

    /** s(x, t) = net([x, e(t)]) / σ(t) for the score SDE {@code sde}: network [d + E, …, d]. */
    static Conditioning time(Sde sde, TimeEmbedding embedding) {
        return new Time(sde, embedding);
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

    /**
     * Time conditioned (score SDE models): s(x, t) = net([x, e(t)]) / σ(t), with e the
     * {@link TimeEmbedding} (rounded to float) and σ(t) the SDE's marginal std ({@code 1/σ(t)} rounded to
     * float). The division makes ‖s‖ ≈ ‖z‖/σ(t) natural for the network, as score_sde's
     * {@code scale_by_sigma} (VE) and its ε-parameterised DDPM score (VP) do.
     */
    record Time(Sde sde, TimeEmbedding embedding) implements Conditioning {
        public Time {
            Objects.requireNonNull(sde, "sde");
            Objects.requireNonNull(embedding, "embedding");
        }

        @Override
        public int extraInputs() {
            return embedding.size();
        }
    }
}
