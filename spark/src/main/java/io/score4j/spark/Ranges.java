package io.score4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The split of rows [0, n) into P contiguous ranges, [n·p/P, n·(p+1)/P) for p = 0 … P−1 (some empty when n &lt; P). */
record Ranges(long n, int parts) {
    Ranges {
        if (n < 0 || parts < 1) {
            throw new IllegalArgumentException("ranges need n >= 0 and parts >= 1, got " + n + ", " + parts);
        }
    }

    /** One contiguous range of rows: [first, first + count). */
    record Range(long first, int count) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The P ranges in order. */
    List<Range> list() {
        List<Range> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            long a = Math.multiplyExact(n, p) / parts;
            long b = Math.multiplyExact(n, p + 1) / parts;
            out.add(new Range(a, Math.toIntExact(b - a)));
        }
        return out;
    }
}
