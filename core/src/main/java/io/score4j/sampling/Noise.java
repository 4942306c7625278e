package io.score4j.sampling;

import io.score4j.random.Draw;
import io.score4j.random.Key;

/** Standard normals bit-identical to {@link Draw.normalAt}, one Box–Muller pair per two. */
final class Noise {
    private Noise() {}

    /**
     * Writes {@code Draw.normalAt(key, from + m)} into {@code out[off + m]} for m in [0, count), computing
     * each Box–Muller pair once instead of twice. Modifies only those elements of {@code out}.
     */
    static void normals(Key key, long from, double[] out, int off, int count) {
        long k = from;
        long end = from + count;
        int o = off;
        if ((k & 1) == 1 && k < end) {
            out[o++] = Draw.normalAt(key, k++);
        }
        for (; k + 1 < end; k += 2) {
            // Same expressions, in the same order, as Draw.normalAt for the pair (k, k+1), k even.
            double u1 = 1.0 - key.uniform(k);
            double u2 = key.uniform(k + 1);
            double r = Math.sqrt(-2.0 * StrictMath.log(u1));
            double a = 2.0 * Math.PI * u2;
            out[o++] = r * StrictMath.cos(a);
            out[o++] = r * StrictMath.sin(a);
        }
        if (k < end) {
            out[o] = Draw.normalAt(key, k);
        }
    }
}
