package io.score4j.sampling;

import io.score4j.density.Density;
import java.util.Arrays;
import java.util.Objects;

/**
 * Coordinates held fixed while a sampler draws the others: a mask and the fixed values, per row of
 * particles, for sampling the conditional p(x_free | x_given = v).
 *
 * <p>A sampler runs unchanged in all d coordinates on a wrapped score ({@link #score(ScoreFn)},
 * {@link #score(NoiseConditionalScoreFn)}, {@link #chain(Chain)}) or density ({@link #density(Density)}):
 * the wrapper evaluates the joint score at the particle with its given coordinates replaced by v and
 * returns it in the free coordinates and 0 in the given ones. Because
 * <pre>
 *   ∇_free log p(x_free | v) = ∇_free log p(x_free, v) − ∇_free log p(v) = ∇_free log p(x_free, v),
 * </pre>
 * the free coordinates follow exactly the Langevin (or MALA) chain of the conditional, with the same noise
 * z = Draw.normalAt(key.child(t), i·d + j) as the unconditional chain. The given coordinates only take the
 * noise (a random walk the score never sees) and are overwritten by v at the end ({@link #fix}). For MALA
 * the walk cancels from the acceptance ratio (forward and backward proposal terms of a coordinate with zero
 * score are equal), so the free coordinates are an exact MALA chain of the conditional. For annealed
 * Langevin, level σ samples p_σ(x_free | x_given = v) with p_σ = p ∗ N(0, σ²I), ending at the conditional of
 * p_σL only if the last levels still mix: the conditional's mode weights change with σ (the plain anneal's do
 * not), so chains that freeze at a level σ keep that level's weights (the README gives a measurement). For the diffusion samplers see
 * {@link Replacement}, which is approximate.
 *
 * <p>Rows: {@code mask} and {@code values} hold {@link #rows()} rows of d; one row applies to every
 * particle, otherwise particle i uses row i (a sampler run must then have exactly that many particles).
 * Values are in the units the sampler runs in (a model's standardised units); particles are floats, so
 * the wrapper rounds v to float where it evaluates the score, and {@link #fix(double[])} writes the exact
 * doubles.
 *
 * @param d      dimension ≥ 1
 * @param mask   true where a coordinate is given, length rows·d (rows ≥ 1); copied
 * @param values the given values (read only where {@code mask} is true, and there finite), same length; copied
 */
public record Given(int d, boolean[] mask, double[] values) {
    public Given {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(values, "values");
        if (d < 1 || mask.length == 0 || mask.length % d != 0 || values.length != mask.length) {
            throw new IllegalArgumentException("given needs d >= 1 and mask, values of one equal positive multiple of d; "
                    + "got d=" + d + ", " + mask.length + " and " + values.length);
        }
        mask = mask.clone();
        values = values.clone();
        for (int k = 0; k < mask.length; k++) {
            if (mask[k] && !Double.isFinite(values[k])) {
                throw new IllegalArgumentException("given value " + k + " is not finite: " + values[k]);
            }
        }
    }

    /** Nothing given in d dimensions: every wrapper returns what it wraps. */
    public static Given none(int d) {
        return new Given(d, new boolean[d], new double[d]);
    }

    /** The same coordinates {@code indices} fixed at {@code values} (same order) in every particle. */
    public static Given of(int d, int[] indices, double[] values) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException(indices.length + " indices for " + values.length + " values");
        }
        boolean[] mask = new boolean[d];
        double[] v = new double[d];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= d || mask[indices[k]]) {
                throw new IllegalArgumentException("index " + indices[k] + " is out of [0, " + d + ") or repeated");
            }
            mask[indices[k]] = true;
            v[indices[k]] = values[k];
        }
        return new Given(d, mask, v);
    }

    @Override
    public boolean[] mask() {
        return mask.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Given g && d == g.d && Arrays.equals(mask, g.mask) && Arrays.equals(values, g.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(d, Arrays.hashCode(mask), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Given[d=" + d + ", rows=" + rows() + "]";
    }

    /** Rows of the mask: 1 (every particle) or the particle count. */
    public int rows() {
        return mask.length / d;
    }

    /** Whether coordinate j of particle i is given. */
    public boolean isGiven(int i, int j) {
        return mask[at(i, j)];
    }

    /** The given value of coordinate j of particle i (meaningful only where {@link #isGiven}). */
    public double value(int i, int j) {
        return values[at(i, j)];
    }

    /** Whether no coordinate of any row is given. */
    public boolean isEmpty() {
        for (boolean b : mask) {
            if (b) {
                return false;
            }
        }
        return true;
    }

    /** Whether every coordinate of particle i is given (it has nothing to sample). */
    public boolean complete(int i) {
        for (int j = 0; j < d; j++) {
            if (!isGiven(i, j)) {
                return false;
            }
        }
        return true;
    }

    /** This mask with other values (e.g. the same ones standardised), same length. */
    public Given withValues(double[] newValues) {
        return new Given(d, mask, newValues);
    }

    /** Rejects a run of n particles this mask does not fit (one row, or exactly n). */
    public void requireFits(int n, int dim) {
        if (dim != d || (rows() != 1 && rows() != n)) {
            throw new IllegalArgumentException("given of " + rows() + " rows of d=" + d + " does not fit " + n
                    + " particles of d=" + dim);
        }
    }

    /** The joint score restricted to the free coordinates at the given values (0 in the given ones). */
    public ScoreFn score(ScoreFn joint) {
        Objects.requireNonNull(joint, "joint");
        if (isEmpty()) {
            return joint;
        }
        return (x, offset, rows, dim, out) -> clamped(x, offset, rows, dim, out, joint);
    }

    /** As {@link #score(ScoreFn)} at every noise level σ. */
    public NoiseConditionalScoreFn score(NoiseConditionalScoreFn joint) {
        Objects.requireNonNull(joint, "joint");
        if (isEmpty()) {
            return joint;
        }
        return (x, offset, rows, dim, sigma, out) ->
                clamped(x, offset, rows, dim, out, (xs, o, r, dd, s) -> joint.score(xs, o, r, dd, sigma, s));
    }

    /**
     * The chain on the wrapped score, in the same update arithmetic; a fused chain becomes a generic one with
     * the float update (the fused kernel cannot skip coordinates). Unchanged when nothing is given.
     */
    public Chain chain(Chain joint) {
        Objects.requireNonNull(joint, "joint");
        return isEmpty() ? joint : new Chain.Generic(score(joint.score()), joint.precision());
    }

    /**
     * The density of d coordinates whose log-density at x is log p(x with its given coordinates set to v) (the
     * conditional up to a constant, constant in the given coordinates) and whose score is {@link #score(ScoreFn)}'s,
     * in double. Needs a single row (every particle has the same given coordinates), because a {@link Density}
     * does not know which particle it is evaluated for.
     */
    public Density density(Density joint) {
        Objects.requireNonNull(joint, "joint");
        if (joint.dim() != d) {
            throw new IllegalArgumentException("density of dim " + joint.dim() + " for given of d=" + d);
        }
        if (isEmpty()) {
            return joint;
        }
        if (rows() != 1) {
            throw new IllegalArgumentException("a density needs the same given coordinates for every particle, got "
                    + rows() + " rows");
        }
        return new ClampedDensity(joint, this);
    }

    /** Writes v into the given coordinates of float particles [n, d] (rounded to float). Modifies x there only. */
    public void fix(float[] x) {
        int n = checkRows(x.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (isGiven(i, j)) {
                    x[i * d + j] = (float) value(i, j);
                }
            }
        }
    }

    /** Writes the exact v into the given coordinates of particles [n, d]. Modifies x there only. */
    public void fix(double[] x) {
        int n = checkRows(x.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (isGiven(i, j)) {
                    x[i * d + j] = value(i, j);
                }
            }
        }
    }

    private int checkRows(int length) {
        requireFits(length / d, length % d == 0 ? d : -1);
        return length / d;
    }

    private int at(int i, int j) {
        return (rows() == 1 ? 0 : i * d) + j;
    }

    /**
     * Scores rows [offset, offset + rows) with the given coordinates set to v: maximal runs of rows that have
     * a free coordinate are copied to scratch (offset 0) and scored there; complete rows score 0 without a call.
     */
    private void clamped(float[] x, int offset, int rows, int dim, float[] out, ScoreFn joint) {
        if (dim != d) {
            throw new IllegalArgumentException("score called with d=" + dim + " for given of d=" + d);
        }
        float[] xs = new float[rows * d];
        float[] s = new float[rows * d];
        int r = 0;
        while (r < rows) {
            if (complete(offset + r)) {
                Arrays.fill(out, (offset + r) * d, (offset + r + 1) * d, 0f);
                r++;
                continue;
            }
            int end = r;
            while (end < rows && !complete(offset + end)) {
                for (int j = 0; j < d; j++) {
                    int i = offset + end;
                    xs[(end - r) * d + j] = isGiven(i, j) ? (float) value(i, j) : x[i * d + j];
                }
                end++;
            }
            joint.score(xs, 0, end - r, d, s);
            for (int k = r; k < end; k++) {
                for (int j = 0; j < d; j++) {
                    out[(offset + k) * d + j] = isGiven(offset + k, j) ? 0f : s[(k - r) * d + j];
                }
            }
            r = end;
        }
    }

    /** log p and ∇ log p at the point with its given coordinates set to v; zero score in the given ones. */
    private record ClampedDensity(Density joint, Given given) implements Density {
        @Override
        public int dim() {
            return joint.dim();
        }

        @Override
        public double logDensity(double[] x, int off) {
            return joint.logDensity(clamp(x, off), 0);
        }

        @Override
        public void score(double[] x, int off, double[] out, int outOff) {
            joint.score(clamp(x, off), 0, out, outOff);
            for (int j = 0; j < given.d(); j++) {
                if (given.isGiven(0, j)) {
                    out[outOff + j] = 0;
                }
            }
        }

        private double[] clamp(double[] x, int off) {
            double[] c = Arrays.copyOfRange(x, off, off + given.d());
            for (int j = 0; j < c.length; j++) {
                if (given.isGiven(0, j)) {
                    c[j] = given.value(0, j);
                }
            }
            return c;
        }
    }
}
