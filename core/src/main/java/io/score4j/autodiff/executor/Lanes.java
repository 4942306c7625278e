package io.score4j.autodiff.executor;

/**
 * Sums of contiguous runs by {@link #COUNT} interleaved partial sums: element i of a run (counted
 * from the run's start) goes to lane i mod 8, each lane adds in index order, and lanes are
 * combined as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)). A run read in pieces (multiples of 8 long)
 * gives the same bits as a run read whole.
 */
final class Lanes {
    static final int COUNT = 8;

    private Lanes() {}

    /** Σ a[off, off + len) (lanes in registers: no allocation); reads a only. */
    static float sum(float[] a, int off, int len) {
        float l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        int i = 0;
        for (; i + COUNT <= len; i += COUNT) {
            int o = off + i;
            l0 += a[o];
            l1 += a[o + 1];
            l2 += a[o + 2];
            l3 += a[o + 3];
            l4 += a[o + 4];
            l5 += a[o + 5];
            l6 += a[o + 6];
            l7 += a[o + 7];
        }
        int tail = len - i;
        l0 += tail > 0 ? a[off + i] : 0f;
        l1 += tail > 1 ? a[off + i + 1] : 0f;
        l2 += tail > 2 ? a[off + i + 2] : 0f;
        l3 += tail > 3 ? a[off + i + 3] : 0f;
        l4 += tail > 4 ? a[off + i + 4] : 0f;
        l5 += tail > 5 ? a[off + i + 5] : 0f;
        l6 += tail > 6 ? a[off + i + 6] : 0f;
        return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
    }

    /** The double version of {@link #sum(float[], int, int)}. */
    static double sum(double[] a, int off, int len) {
        double l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        int i = 0;
        for (; i + COUNT <= len; i += COUNT) {
            int o = off + i;
            l0 += a[o];
            l1 += a[o + 1];
            l2 += a[o + 2];
            l3 += a[o + 3];
            l4 += a[o + 4];
            l5 += a[o + 5];
            l6 += a[o + 6];
            l7 += a[o + 7];
        }
        int tail = len - i;
        l0 += tail > 0 ? a[off + i] : 0.0;
        l1 += tail > 1 ? a[off + i + 1] : 0.0;
        l2 += tail > 2 ? a[off + i + 2] : 0.0;
        l3 += tail > 3 ? a[off + i + 3] : 0.0;
        l4 += tail > 4 ? a[off + i + 4] : 0.0;
        l5 += tail > 5 ? a[off + i + 5] : 0.0;
        l6 += tail > 6 ? a[off + i + 6] : 0.0;
        return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
    }

    /**
     * Σ a[ao + i]·b[bo + i] for i &lt; len: lane i mod 8 accumulates by fused multiply-adds in
     * order, lanes combined as in {@link #sum(float[], int, int)}. Plain Java, so the bits do not
     * depend on the {@code MathProvider} (whose dot products sum in a provider-specific order).
     */
    static float dot(float[] a, int ao, float[] b, int bo, int len) {
        float l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        int i = 0;
        for (; i + COUNT <= len; i += COUNT) {
            int p = ao + i;
            int q = bo + i;
            l0 = Math.fma(a[p], b[q], l0);
            l1 = Math.fma(a[p + 1], b[q + 1], l1);
            l2 = Math.fma(a[p + 2], b[q + 2], l2);
            l3 = Math.fma(a[p + 3], b[q + 3], l3);
            l4 = Math.fma(a[p + 4], b[q + 4], l4);
            l5 = Math.fma(a[p + 5], b[q + 5], l5);
            l6 = Math.fma(a[p + 6], b[q + 6], l6);
            l7 = Math.fma(a[p + 7], b[q + 7], l7);
        }
        int tail = len - i;
        l0 = tail > 0 ? Math.fma(a[ao + i], b[bo + i], l0) : l0;
        l1 = tail > 1 ? Math.fma(a[ao + i + 1], b[bo + i + 1], l1) : l1;
        l2 = tail > 2 ? Math.fma(a[ao + i + 2], b[bo + i + 2], l2) : l2;
        l3 = tail > 3 ? Math.fma(a[ao + i + 3], b[bo + i + 3], l3) : l3;
        l4 = tail > 4 ? Math.fma(a[ao + i + 4], b[bo + i + 4], l4) : l4;
        l5 = tail > 5 ? Math.fma(a[ao + i + 5], b[bo + i + 5], l5) : l5;
        l6 = tail > 6 ? Math.fma(a[ao + i + 6], b[bo + i + 6], l6) : l6;
        return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
    }

    /** The double version of {@link #dot(float[], int, float[], int, int)}. */
    static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        int i = 0;
        for (; i + COUNT <= len; i += COUNT) {
            int p = ao + i;
            int q = bo + i;
            l0 = Math.fma(a[p], b[q], l0);
            l1 = Math.fma(a[p + 1], b[q + 1], l1);
            l2 = Math.fma(a[p + 2], b[q + 2], l2);
            l3 = Math.fma(a[p + 3], b[q + 3], l3);
            l4 = Math.fma(a[p + 4], b[q + 4], l4);
            l5 = Math.fma(a[p + 5], b[q + 5], l5);
            l6 = Math.fma(a[p + 6], b[q + 6], l6);
            l7 = Math.fma(a[p + 7], b[q + 7], l7);
        }
        int tail = len - i;
        l0 = tail > 0 ? Math.fma(a[ao + i], b[bo + i], l0) : l0;
        l1 = tail > 1 ? Math.fma(a[ao + i + 1], b[bo + i + 1], l1) : l1;
        l2 = tail > 2 ? Math.fma(a[ao + i + 2], b[bo + i + 2], l2) : l2;
        l3 = tail > 3 ? Math.fma(a[ao + i + 3], b[bo + i + 3], l3) : l3;
        l4 = tail > 4 ? Math.fma(a[ao + i + 4], b[bo + i + 4], l4) : l4;
        l5 = tail > 5 ? Math.fma(a[ao + i + 5], b[bo + i + 5], l5) : l5;
        l6 = tail > 6 ? Math.fma(a[ao + i + 6], b[bo + i + 6], l6) : l6;
        return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
    }

    /**
     * out[at] = Σ of elements [from, from + len) of what {@code r} reads (as worker {@code w}), read
     * in pieces of {@link Fusion#CHUNK}; modifies out only.
     */
    static <A> void range(Precision<A> p, Fusion.Reader<A> r, int w, int from, int len, A out, int at) {
        A l = p.alloc(COUNT);
        for (int c = 0; c < len; c += Fusion.CHUNK) {
            int n = Math.min(Fusion.CHUNK, len - c);
            p.addLanes(r.read(w, from + c, n), r.offset(from + c), n, l);
        }
        p.combineLanes(l, out, at);
    }

    /** The lanes combined as in {@link #sum(float[], int, int)}. */
    static float combine(float[] l) {
        return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    }

    /** The double version of {@link #combine(float[])}. */
    static double combine(double[] l) {
        return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    }

    /** lanes[i mod 8] += a[off + i] for i &lt; n, where off is lane 0; modifies lanes. */
    static void add(float[] a, int off, int n, float[] lanes) {
        float l0 = lanes[0], l1 = lanes[1], l2 = lanes[2], l3 = lanes[3];
        float l4 = lanes[4], l5 = lanes[5], l6 = lanes[6], l7 = lanes[7];
        int i = 0;
        for (; i + COUNT <= n; i += COUNT) {
            int o = off + i;
            l0 += a[o];
            l1 += a[o + 1];
            l2 += a[o + 2];
            l3 += a[o + 3];
            l4 += a[o + 4];
            l5 += a[o + 5];
            l6 += a[o + 6];
            l7 += a[o + 7];
        }
        lanes[0] = l0; lanes[1] = l1; lanes[2] = l2; lanes[3] = l3;
        lanes[4] = l4; lanes[5] = l5; lanes[6] = l6; lanes[7] = l7;
        for (; i < n; i++) {
            lanes[i & 7] += a[off + i];
        }
    }

    /** The double version of {@link #add(float[], int, int, float[])}. */
    static void add(double[] a, int off, int n, double[] lanes) {
        double l0 = lanes[0], l1 = lanes[1], l2 = lanes[2], l3 = lanes[3];
        double l4 = lanes[4], l5 = lanes[5], l6 = lanes[6], l7 = lanes[7];
        int i = 0;
        for (; i + COUNT <= n; i += COUNT) {
            int o = off + i;
            l0 += a[o];
            l1 += a[o + 1];
            l2 += a[o + 2];
            l3 += a[o + 3];
            l4 += a[o + 4];
            l5 += a[o + 5];
            l6 += a[o + 6];
            l7 += a[o + 7];
        }
        lanes[0] = l0; lanes[1] = l1; lanes[2] = l2; lanes[3] = l3;
        lanes[4] = l4; lanes[5] = l5; lanes[6] = l6; lanes[7] = l7;
        for (; i < n; i++) {
            lanes[i & 7] += a[off + i];
        }
    }
}
