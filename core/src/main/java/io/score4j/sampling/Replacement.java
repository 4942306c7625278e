package io.score4j.sampling;

import io.score4j.noise.Sde;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Objects;

/**
 * Conditional sampling for the reverse-SDE samplers by the replacement method of {@code score_sde}
 * ({@code controllable_generation.py}, Song et al. 2021, appendix I.2): the particles carry all d coordinates
 * and the joint score s(x, t) is evaluated at them; after every step to time t the given coordinates are
 * replaced by a fresh sample of the forward-perturbed given values,
 * <pre>
 *   x_given ← m(t)·v + σ(t)·z,   z ~ N(0, I),
 * </pre>
 * and at the end ({@link #finish}) by v itself. {@link ReverseDiffusion} plugs it in (the em and pc samplers'
 * {@code --given}): each predictor and corrector step on {@link #score()} with all coordinates, then
 * {@link #replace} at the time reached.
 *
 * <p><b>Bias.</b> The method is approximate. The free coordinates should follow the reverse SDE of
 * p_t(x_free | x_given(0) = v), whose score is ∇_free log p_t(x_free | x_given(0) = v); the method uses
 * ∇_free log p_t(x_free, x_given(t)) at one sampled x_given(t), the score of p_t(x_free | x_given(t)). The two
 * differ because the noisy x_given(t) carries less information about x_free than v does, and replacing it
 * with an independent draw at every step does not average that out: the conditional is too wide at large t,
 * and the remaining steps must correct it. It is exact only when x_free and x_given are independent. The
 * exact samplers of the conditional are Langevin and MALA through {@link Given}, whose conditional score is
 * the joint score; the README gives the bias measured on a correlated Gaussian.
 *
 * <p>Noise: the replacement at a step with key K draws z for coordinate j of particle i as
 * {@code Draw.normalAt(K, i·d + j)}, i the particle's global index (a key of the sampler's own, distinct from its
 * step noise), so the result depends neither on the thread count nor on the slice of particles sampled.
 *
 * @param sde   the forward SDE (m(t), σ(t))
 * @param joint the joint time-conditioned score s(x, t)
 * @param given the given coordinates and values v, in the units the sampler runs in
 */
public record Replacement(Sde sde, TimeScoreFn joint, Given given) {
    public Replacement {
        Objects.requireNonNull(sde, "sde");
        Objects.requireNonNull(joint, "joint");
        Objects.requireNonNull(given, "given");
    }

    /** The score the sampler steps with: the joint score at the particles as they are (given coordinates replaced). */
    public TimeScoreFn score() {
        return joint;
    }

    /**
     * Replaces the given coordinates of rows [offset, offset + rows) of x by m(t_r)·v + σ(t_r)·z, with t_r =
     * {@code t[r]} the time row r has reached. Modifies only those coordinates of x.
     *
     * @param x   particles [n, d], flat row-major
     * @param t   times per row, length ≥ offset + rows; only read
     * @param key this step's replacement key
     */
    public void replace(float[] x, double[] t, int offset, int rows, int d, Key key) {
        Objects.requireNonNull(key, "key");
        if (d != given.d()) {
            throw new IllegalArgumentException("replace called with d=" + d + " for given of d=" + given.d());
        }
        for (int i = offset; i < offset + rows; i++) {
            double m = sde.meanCoefficient(t[i]);
            double s = sde.marginalStd(t[i]);
            for (int j = 0; j < d; j++) {
                if (given.isGiven(i, j)) {
                    x[i * d + j] = (float) (m * given.value(i, j) + s * Draw.normalAt(key, (long) i * d + j));
                }
            }
        }
    }

    /** {@link #replace(float[], double[], int, int, int, Key)} with one time t for every row. */
    public void replace(float[] x, double t, int offset, int rows, int d, Key key) {
        replace(x, t, offset, rows, d, 0, key);
    }

    /**
     * As {@link #replace(float[], double, int, int, int, Key)} for a slice of a larger run whose row 0 is particle
     * {@code first}: row i's given values are the {@link Given}'s row i (the slice's own rows), its noise is
     * {@code Draw.normalAt(key, (first + i)·d + j)}, keyed by the global index, so a slice sampled alone
     * replaces as those rows of the whole run do. Modifies only the given coordinates of rows [offset, offset + rows).
     */
    public void replace(float[] x, double t, int offset, int rows, int d, long first, Key key) {
        Objects.requireNonNull(key, "key");
        if (d != given.d()) {
            throw new IllegalArgumentException("replace called with d=" + d + " for given of d=" + given.d());
        }
        double m = sde.meanCoefficient(t);
        double s = sde.marginalStd(t);
        for (int i = offset; i < offset + rows; i++) {
            for (int j = 0; j < d; j++) {
                if (given.isGiven(i, j)) {
                    x[i * d + j] = (float) (m * given.value(i, j) + s * Draw.normalAt(key, (first + i) * d + j));
                }
            }
        }
    }

    /** The last step: the given coordinates of particles [n, d] set to v (rounded to float). */
    public void finish(float[] x) {
        given.fix(x);
    }
}
