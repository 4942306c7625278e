package io.score4j.report;

import java.util.Objects;

/**
 * A named 2-D vector field sampled at points: vector j is {@code (uv[2j], uv[2j+1])} anchored at
 * {@code (xy[2j], xy[2j+1])}. Arrays are copied, must have equal even length; arrows with a
 * non-finite component are left out when drawn.
 */
public record VectorField(String name, double[] xy, double[] uv) {
    public VectorField {
        Objects.requireNonNull(name, "name");
        xy = Objects.requireNonNull(xy, "xy").clone();
        uv = Objects.requireNonNull(uv, "uv").clone();
        if (xy.length % 2 != 0 || xy.length != uv.length) {
            throw new IllegalArgumentException("field '" + name + "': xy length " + xy.length + " and uv length "
                    + uv.length + " must be equal and even");
        }
    }

    @Override
    public double[] xy() {
        return xy.clone();
    }

    @Override
    public double[] uv() {
        return uv.clone();
    }

    /** Number of arrows. */
    public int size() {
        return xy.length / 2;
    }
}
