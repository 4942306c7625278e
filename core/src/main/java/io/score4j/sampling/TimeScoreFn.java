package io.score4j.sampling;

import io.score4j.density.GaussianMixture;
import io.score4j.noise.Sde;

import java.util.Objects;

/**
 * A time-conditioned score s(x, t) ≈ ∇ₓ log p_t(x), where p_t is the marginal at time t of a score SDE
 * ({@link Sde}) started at the data density. Each row carries its own time, so adaptive solvers can advance
 * rows independently. Same threading contract as {@link ScoreFn}: row r's score depends only on row r of
 * {@code x} and {@code t[offset + r]}, and concurrent calls on disjoint row ranges are safe.
 */
@FunctionalInterface
public interface TimeScoreFn {

    /**
     * Writes s(x_r, t_r) for rows r in [offset, offset + rows) of the flat row-major {@code x} into the same
     * positions of {@code out}.
     *
     * @param x   points, length ≥ (offset + rows)·d; only read
     * @param t   times, t[r] for row r, length ≥ offset + rows; only read
     * @param out modified: elements [offset·d, (offset + rows)·d) are overwritten, nothing else
     */
    void score(float[] x, double[] t, int offset, int rows, int d, float[] out);

    /** The score at one time t for every row. */
    default ScoreFn at(double t) {
        return (x, offset, rows, d, out) -> {
            double[] ts = new double[offset + rows];
            java.util.Arrays.fill(ts, offset, offset + rows, t);
            score(x, ts, offset, rows, d, out);
        };
    }

    /**
     * The exact score of p_t for data drawn from {@code data} under {@code sde}: the score of
     * {@code data.perturbed(m(t), σ(t))}, computed in double and rounded to float. The perturbed mixture is
     * built once per run of equal times.
     */
    static TimeScoreFn of(GaussianMixture data, Sde sde) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sde, "sde");
        return (x, t, offset, rows, d, out) -> {
            if (d != data.dim()) {
                throw new IllegalArgumentException("score called with d=" + d + " for a mixture of dim " + data.dim());
            }
            double[] xd = new double[d];
            double[] sd = new double[d];
            double lastT = Double.NaN;
            GaussianMixture pt = null;
            for (int r = offset; r < offset + rows; r++) {
                if (pt == null || t[r] != lastT) {
                    lastT = t[r];
                    pt = data.perturbed(sde.meanCoefficient(lastT), sde.marginalStd(lastT));
                }
                for (int j = 0; j < d; j++) {
                    xd[j] = x[r * d + j];
                }
                pt.score(xd, 0, sd, 0);
                for (int j = 0; j < d; j++) {
                    out[r * d + j] = (float) sd[j];
                }
            }
        };
    }
}
