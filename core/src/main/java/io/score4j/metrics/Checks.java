package io.score4j.metrics;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Arrays;

/** Argument checks and small array helpers shared by the metrics (programming errors → IllegalArgumentException). */
final class Checks {
    private Checks() {}

    /** Number of rows of a flat [n, d] array; requires d ≥ 1 and length a multiple of d. */
    static int rows(double[] values, int d, String name) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (values.length % d != 0) {
            throw new IllegalArgumentException(name + " length " + values.length + " is not a multiple of d=" + d);
        }
        return values.length / d;
    }

    static void atLeast(int n, int min, String name) {
        if (n < min) {
            throw new IllegalArgumentException(name + " needs at least " + min + " points, got " + n);
        }
    }

    static void sameLength(double[] a, double[] b, String what) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + ": lengths differ, " + a.length + " vs " + b.length);
        }
    }

    /** A sorted copy; NaN is rejected because an empirical CDF of NaN is undefined (±∞ are fine). */
    static double[] sortedNoNaN(double[] x, String name) {
        double[] s = x.clone();
        Arrays.sort(s);
        if (s.length > 0 && Double.isNaN(s[s.length - 1])) {
            throw new IllegalArgumentException(name + " contains NaN; drop non-finite samples first "
                    + "(ColumnStats.finiteRows) and report how many");
        }
        return s;
    }

    /** All rows if n ≤ cap, otherwise {@code cap} rows drawn without replacement by {@code Draw.choice(key, n, cap)}. */
    static double[] subsampleRows(double[] values, int d, int cap, Key key) {
        int n = values.length / d;
        if (n <= cap) {
            return values;
        }
        return pickRows(values, d, Draw.choice(key, n, cap));
    }

    static double[] pickRows(double[] values, int d, int[] idx) {
        double[] out = new double[idx.length * d];
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(values, idx[r] * d, out, r * d, d);
        }
        return out;
    }

    /** Squared Euclidean distance between row i of a and row j of b. */
    static double sqDist(double[] a, int i, double[] b, int j, int d) {
        double s = 0.0;
        int ai = i * d;
        int bj = j * d;
        for (int k = 0; k < d; k++) {
            double diff = a[ai + k] - b[bj + k];
            s += diff * diff;
        }
        return s;
    }
}
