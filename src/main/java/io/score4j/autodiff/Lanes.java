package io.score4j.autodiff;

/**
 * Sums of contiguous runs by {@link #COUNT} interleaved partial sums: element i of a run (counted
 * from the run's start) goes to lane i mod 8, lanes are combined as
 * ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)). Runs are read in pieces of {@link Fusion#CHUNK} elements
 * (a multiple of 8), so the result does not depend on how a run is read.
 */
final class Lanes {
    static final int COUNT = 8;

    private Lanes() {}

    /**
     * out[row] = Σ of row row ([*, len] flat) for rows [first, first + count), read through
     * {@code r} as worker {@code w}; {@code lanes} (8 elements) is scratch. Modifies out and lanes.
     */
    static void rows(Fusion.Reader r, int w, int first, int count, int len, Object lanes, Object out) {
        if (len <= Fusion.CHUNK) {
            Object d = r.read(w, first * len, count * len);
            int off = r.offset(first * len);
            for (int q = 0; q < count; q++) {
                clear(lanes);
                add(d, off + q * len, len, lanes);
                store(lanes, out, first + q);
            }
            return;
        }
        for (int q = first; q < first + count; q++) {
            range(r, w, q * len, len, lanes, out, q);
        }
    }

    /** out[at] = Σ of elements [from, from + len), read through {@code r} in pieces; modifies out and lanes. */
    static void range(Fusion.Reader r, int w, int from, int len, Object lanes, Object out, int at) {
        clear(lanes);
        for (int c = 0; c < len; c += Fusion.CHUNK) {
            int n = Math.min(Fusion.CHUNK, len - c);
            Object d = r.read(w, from + c, n);
            add(d, r.offset(from + c), n, lanes);
        }
        store(lanes, out, at);
    }

    private static void clear(Object lanes) {
        if (lanes instanceof double[] l) {
            java.util.Arrays.fill(l, 0.0);
        } else {
            java.util.Arrays.fill((float[]) lanes, 0f);
        }
    }

    private static void store(Object lanes, Object out, int at) {
        if (lanes instanceof double[] l) {
            ((double[]) out)[at] = ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
        } else {
            float[] l = (float[]) lanes;
            ((float[]) out)[at] = ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
        }
    }

    /** lanes[i mod 8] += a[off + i] for i &lt; n (off is lane 0); modifies lanes. */
    private static void add(Object a, int off, int n, Object lanes) {
        if (a instanceof double[] d) {
            double[] l = (double[]) lanes;
            int i = 0;
            for (; i + COUNT <= n; i += COUNT) {
                for (int k = 0; k < COUNT; k++) {
                    l[k] += d[off + i + k];
                }
            }
            for (; i < n; i++) {
                l[i & 7] += d[off + i];
            }
            return;
        }
        float[] f = (float[]) a;
        float[] l = (float[]) lanes;
        float l0 = l[0], l1 = l[1], l2 = l[2], l3 = l[3], l4 = l[4], l5 = l[5], l6 = l[6], l7 = l[7];
        int i = 0;
        for (; i + COUNT <= n; i += COUNT) {
            int o = off + i;
            l0 += f[o];
            l1 += f[o + 1];
            l2 += f[o + 2];
            l3 += f[o + 3];
            l4 += f[o + 4];
            l5 += f[o + 5];
            l6 += f[o + 6];
            l7 += f[o + 7];
        }
        l[0] = l0; l[1] = l1; l[2] = l2; l[3] = l3; l[4] = l4; l[5] = l5; l[6] = l6; l[7] = l7;
        for (; i < n; i++) {
            l[i & 7] += f[off + i];
        }
    }
}
