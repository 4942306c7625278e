package io.score4j.tensor.simd;

/**
 * The one summation order of every {@link MathProvider} dot product, whatever the vector width:
 * element i of a run (counted from its start) goes to partial sum i mod {@value #LANES}, each partial
 * adds its elements in index order by fused multiply-adds, and the partials are combined by halving,
 * <pre>
 *   s_j = l_j + l_{j+8} (j &lt; 8),  t_j = s_j + s_{j+4} (j &lt; 4),  u_j = t_j + t_{j+2} (j &lt; 2),  Σ = u_0 + u_1.
 * </pre>
 * A 512-bit machine holds the 16 partials in one register, a 256-bit one in two, a 128-bit one in
 * four, plain Java in sixteen locals: all give the same bits, so a model trained or sampled on one CPU
 * is reproduced exactly on another. This class is the scalar reference that the vector kernels
 * ({@code PanamaDots}) match; it is also their tail and their combining step.
 */
public final class FixedOrder {
    /** Number of interleaved partial sums. */
    public static final int LANES = 16;

    private FixedOrder() {}

    /** Σ_{i&lt;n} a[ao+i]·b[bo+i] in the fixed order; reads a and b only. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
        float l8 = 0, l9 = 0, l10 = 0, l11 = 0, l12 = 0, l13 = 0, l14 = 0, l15 = 0;
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
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
            l8 = Math.fma(a[p + 8], b[q + 8], l8);
            l9 = Math.fma(a[p + 9], b[q + 9], l9);
            l10 = Math.fma(a[p + 10], b[q + 10], l10);
            l11 = Math.fma(a[p + 11], b[q + 11], l11);
            l12 = Math.fma(a[p + 12], b[q + 12], l12);
            l13 = Math.fma(a[p + 13], b[q + 13], l13);
            l14 = Math.fma(a[p + 14], b[q + 14], l14);
            l15 = Math.fma(a[p + 15], b[q + 15], l15);
        }
        float[] l = {l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14, l15};
        return finish(l, a, ao + i, b, bo + i, n - i);
    }

    /**
     * Adds the last {@code tail} (&lt; 16) products a[ao+t]·b[bo+t] to partials lanes[t] and returns the
     * combined sum; modifies lanes[0, 16).
     */
    public static float finish(float[] lanes, float[] a, int ao, float[] b, int bo, int tail) {
        for (int t = 0; t < tail; t++) {
            lanes[t] = Math.fma(a[ao + t], b[bo + t], lanes[t]);
        }
        return combine(lanes);
    }

    /** The halving combination of the 16 partials lanes[0, 16); reads lanes only. */
    public static float combine(float[] l) {
        float s0 = l[0] + l[8];
        float s1 = l[1] + l[9];
        float s2 = l[2] + l[10];
        float s3 = l[3] + l[11];
        float s4 = l[4] + l[12];
        float s5 = l[5] + l[13];
        float s6 = l[6] + l[14];
        float s7 = l[7] + l[15];
        return combineHalf(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /** The last three levels of {@link #combine}, from s_0 … s_7 = l_j + l_{j+8}. */
    static float combineHalf(float s0, float s1, float s2, float s3, float s4, float s5, float s6, float s7) {
        float t0 = s0 + s4;
        float t1 = s1 + s5;
        float t2 = s2 + s6;
        float t3 = s3 + s7;
        return (t0 + t2) + (t1 + t3);
    }
}
