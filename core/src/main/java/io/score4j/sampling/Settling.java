package io.score4j.sampling;

import io.score4j.noise.Sde;
import java.util.Arrays;
import java.util.Objects;

/**
 * Discrete coordinates decided part-way down a reverse diffusion and held from then on ({@link ReverseDiffusion}):
 * at the first grid time t_k where the noise-to-signal ratio σ(t)/m(t) is at most {@code ratio}, each group of
 * coordinates is decoded from the particle as it stands and given, per particle, for the rest of the run
 * ({@link Replacement}: x_g ← m(t)·v + σ(t)·z after every step, v at the end).
 * <ul>
 *   <li>a group of one coordinate (a binary column, a gap indicator, coded ±1) is decoded by its sign:
 *       v = +1 if x ≥ 0, else −1;</li>
 *   <li>a group of L ≥ 2 coordinates (a one-hot level coded +1 / −1) is decoded by its argmax (first on ties):
 *       v = +1 there and −1 elsewhere.</li>
 * </ul>
 *
 * <p><b>Why.</b> The diffused law of a ±1 coordinate is p_t = w₊N(m, σ²) + w₋N(−m, σ²) with the data's weights;
 * once σ/m ≤ 1/3 its modes are 6σ apart and a sign decode misplaces a fraction Φ(−m/σ) ≤ 0.13 % of a mode. A
 * learned score is least accurate there and below, near the sharp modes of small t, where it was measured to
 * carry 1.3–1.6 points of a 4.7 % level into the majority mode (docs/DEFAULTS.md, "Why rare levels and gaps are
 * under-drawn"); deciding the level while the modes are apart, then drawing the remaining, continuous
 * coordinates given it, keeps the level's weight of p_{t_k}. Exact for an exact score up to that Φ(−m/σ) and
 * the replacement method's bias (small here: the given coordinate is nearly noise-free).
 *
 * @param d      the particles' dimension ≥ 1
 * @param groups disjoint groups of coordinate indices in [0, d), each non-empty; copied
 * @param ratio  σ(t)/m(t) at or below which the groups are settled, &gt; 0
 */
public record Settling(int d, int[][] groups, double ratio) {
    /** The default ratio σ/m = 1/3: the ±1 modes 6σ apart. */
    public static final double DEFAULT_RATIO = 1.0 / 3.0;

    public Settling {
        Objects.requireNonNull(groups, "groups");
        if (d < 1 || !(ratio > 0) || !Double.isFinite(ratio)) {
            throw new IllegalArgumentException("settling needs d >= 1 and a finite ratio > 0; got " + d + ", " + ratio);
        }
        boolean[] seen = new boolean[d];
        int[][] copy = new int[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            copy[g] = groups[g].clone();
            if (copy[g].length == 0) {
                throw new IllegalArgumentException("settling group " + g + " is empty");
            }
            for (int j : copy[g]) {
                if (j < 0 || j >= d || seen[j]) {
                    throw new IllegalArgumentException("settling index " + j + " is out of [0, " + d + ") or repeated");
                }
                seen[j] = true;
            }
        }
        groups = copy;
    }

    @Override
    public int[][] groups() {
        int[][] out = new int[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            out[g] = groups[g].clone();
        }
        return out;
    }

    /**
     * The step k of a run with {@code config}'s grid at whose start the groups are settled: the first i with
     * σ(t_i)/m(t_i) ≤ ratio, t_i = T − i·(T − ε)/N; {@code config.steps()} when no grid time is that low
     * (then nothing is settled).
     */
    public int step(DiffusionConfig config) {
        Sde sde = config.sde();
        double dt = (Sde.T - config.eps()) / config.steps();
        for (int i = 0; i < config.steps(); i++) {
            double t = Sde.T - i * dt;
            if (sde.marginalStd(t) <= ratio * sde.meanCoefficient(t)) {
                return i;
            }
        }
        return config.steps();
    }

    /**
     * One row per particle: the coordinates {@code given} fixes (its one row, or row i) with its values, and every
     * group none of whose coordinates {@code given} fixes, decoded from particle i of x [n, d].
     */
    public Given settle(float[] x, int n, Given given) {
        if (given.d() != d || x.length < (long) n * d) {
            throw new IllegalArgumentException("settle needs d=" + d + " and " + n + " rows; got d=" + given.d()
                    + " and " + x.length + " values");
        }
        given.requireFits(n, d);
        boolean[] mask = new boolean[n * d];
        double[] values = new double[n * d];
        for (int i = 0; i < n; i++) {
            int r = given.rows() == 1 ? 0 : i;
            for (int j = 0; j < d; j++) {
                mask[i * d + j] = given.isGiven(r, j);
                values[i * d + j] = mask[i * d + j] ? given.value(r, j) : 0;
            }
            for (int[] group : groups) {
                decode(x, i, group, mask, values);
            }
        }
        return new Given(d, mask, values);
    }

    /** Decodes one group of particle i into mask and values, unless one of its coordinates is already given. */
    private void decode(float[] x, int i, int[] group, boolean[] mask, double[] values) {
        int best = group[0];
        for (int j : group) {
            if (mask[i * d + j]) {
                return;
            }
            best = x[i * d + j] > x[i * d + best] ? j : best;
        }
        for (int j : group) {
            mask[i * d + j] = true;
            values[i * d + j] = group.length == 1 ? (x[i * d + j] >= 0 ? 1 : -1) : (j == best ? 1 : -1);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settling s && d == s.d && ratio == s.ratio && Arrays.deepEquals(groups, s.groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(d, ratio, Arrays.deepHashCode(groups));
    }

    @Override
    public String toString() {
        return "Settling[d=" + d + ", groups=" + groups.length + ", ratio=" + ratio + "]";
    }
}
