package io.score4j.likelihood;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Locale;

/**
 * How the divergence tr ∂s/∂x of a score is computed along the probability-flow ODE.
 *
 * <ul>
 *   <li>{@link Kind#EXACT}: the whole trace: d forward-mode JVPs for a network (cost d times a score
 *       evaluation), closed form for a Gaussian mixture. The default for d ≤ {@link #EXACT_MAX_DIM}.</li>
 *   <li>{@link Kind#HUTCHINSON}: the unbiased estimate (1/M) Σ_p v_pᵀ (∂s/∂x) v_p with M probes v_p
 *       ({@link Probe#RADEMACHER}, entries ±1, or {@link Probe#GAUSSIAN}, entries N(0, 1)), E[v vᵀ] = I. Each
 *       row's probes are fixed for the whole integration (so the ODE stays smooth for the adaptive solver)
 *       and drawn from the seed and the row's global index alone: a row's estimate does not depend on
 *       which rows it is computed with.</li>
 * </ul>
 *
 * @param kind   exact or Hutchinson
 * @param probe  the probe distribution (ignored for exact)
 * @param probes M ≥ 1 (1 for exact)
 * @param seed   the seed the probes are drawn from
 */
public record Trace(Kind kind, Probe probe, int probes, long seed) {
    /** The largest dimension for which the exact trace is the default. */
    public static final int EXACT_MAX_DIM = 16;
    /** Key stream of the probes: Key.of(seed).fold(STREAM).fold(row). */
    static final long STREAM = 0x4c6f6750L;

    /** The trace estimator. */
    public enum Kind {
        EXACT, HUTCHINSON;

        /** {@code exact} or {@code hutchinson}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The distribution of the entries of a Hutchinson probe. */
    public enum Probe {
        RADEMACHER, GAUSSIAN;

        /** {@code rademacher} or {@code gaussian}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Trace {
        if (kind == null || probe == null) {
            throw new IllegalArgumentException("trace kind and probe must not be null");
        }
        if (probes < 1 || probes > 1024) {
            throw new IllegalArgumentException("probes must be in [1, 1024], got " + probes);
        }
    }

    /** The exact trace. */
    public static Trace exact() {
        return new Trace(Kind.EXACT, Probe.RADEMACHER, 1, 0);
    }

    /** Hutchinson's estimate with M probes of the given kind, drawn from {@code seed}. */
    public static Trace hutchinson(Probe probe, int probes, long seed) {
        return new Trace(Kind.HUTCHINSON, probe, probes, seed);
    }

    /** Exact for d ≤ {@link #EXACT_MAX_DIM}, one Rademacher probe beyond. */
    public static Trace defaultFor(int d, long seed) {
        return d <= EXACT_MAX_DIM ? exact() : hutchinson(Probe.RADEMACHER, 1, seed);
    }

    /** A short description, e.g. {@code exact} or {@code hutchinson(rademacher, 4 probes)}. */
    public String describe() {
        return kind == Kind.EXACT ? "exact" : "hutchinson(" + probe.id() + ", " + probes + " probe" + (probes == 1 ? "" : "s") + ")";
    }

    /**
     * Writes probe p (0 ≤ p &lt; M) of row {@code id} into {@code out[off, off + d)}: entry j is drawn at
     * counter p·d + j of the row's key. Modifies only those elements.
     */
    public void probe(int id, int p, int d, double[] out, int off) {
        Key key = Key.of(seed).fold(STREAM).fold(id);
        for (int j = 0; j < d; j++) {
            long c = (long) p * d + j;
            out[off + j] = probe == Probe.GAUSSIAN ? Draw.normalAt(key, c) : (key.bits(c) < 0 ? -1.0 : 1.0);
        }
    }
}
