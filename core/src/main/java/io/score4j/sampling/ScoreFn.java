package io.score4j.sampling;

import io.score4j.density.Density;
import java.util.Objects;

/**
 * A score function s(x) = ∇ₓ log p(x) evaluated on a batch of rows.
 *
 * <p>Implementations must be thread-safe for disjoint row ranges: samplers call them concurrently on
 * different blocks of particles with the same {@code x} and {@code out} arrays. For results that do not
 * depend on the thread count, row r's score must depend only on row r of {@code x}.
 */
@FunctionalInterface
public interface ScoreFn {

    /**
     * Writes s(x) for rows [offset, offset + rows) of the flat row-major {@code x} (row i at
     * {@code x[i·d, (i+1)·d)}) into the same positions of {@code out}.
     *
     * @param x      points, length ≥ (offset + rows)·d; only read
     * @param offset first row
     * @param rows   number of rows
     * @param d      dimension
     * @param out    modified: elements [offset·d, (offset + rows)·d) are overwritten, nothing else
     */
    void score(float[] x, int offset, int rows, int d, float[] out);

    /**
     * The exact score of an analytic density, computed in double per row and rounded to float.
     * Throws {@link IllegalArgumentException} at call time if {@code d != density.dim()}.
     * Allocates two {@code double[d]} rows per call (not per row).
     */
    static ScoreFn of(Density density) {
        Objects.requireNonNull(density, "density");
        return (x, offset, rows, d, out) -> {
            if (d != density.dim()) {
                throw new IllegalArgumentException("score called with d=" + d + " for a density of dim " + density.dim());
            }
            double[] xd = new double[d];
            double[] sd = new double[d];
            for (int r = 0; r < rows; r++) {
                int base = (offset + r) * d;
                for (int j = 0; j < d; j++) {
                    xd[j] = x[base + j];
                }
                density.score(xd, 0, sd, 0);
                for (int j = 0; j < d; j++) {
                    out[base + j] = (float) sd[j];
                }
            }
        };
    }
}
