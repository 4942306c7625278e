package io.score4j.report;

import java.util.Objects;

/**
 * A named set of 2-D points, flat row-major: point j is {@code (xy[2j], xy[2j+1])}. The array is
 * copied and must have even length; points with a non-finite coordinate are left out when drawn.
 */
public record Points(String name, double[] xy) {
    public Points {
        Objects.requireNonNull(name, "name");
        xy = Objects.requireNonNull(xy, "xy").clone();
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("points '" + name + "': xy length " + xy.length + " is not even");
        }
    }

    @Override
    public double[] xy() {
        return xy.clone();
    }

    /** Number of points. */
    public int size() {
        return xy.length / 2;
    }
}
