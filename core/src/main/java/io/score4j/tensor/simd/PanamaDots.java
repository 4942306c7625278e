package io.score4j.tensor.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products on the Vector API in {@link FixedOrder}'s order, so they give the scalar reference's
 * bits at every vector width: the 16 partial sums are one 512-bit register, two 256-bit ones or four
 * 128-bit ones (other widths use the scalar reference). Four rows (two at 128 bits) are summed at once
 * against the same b, so several independent fused multiply-add chains hide the latency.
 */
final class PanamaDots {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int N = FixedOrder.LANES;
    /** Registers per 16 partials: 1, 2 or 4. */
    private static final int G = N / L;

    private PanamaDots() {}

    /** See {@link MathProvider#dot}. */
    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float[] out = new float[1];
        rowDots(a, ao, 1, b, bo, 1, n, out, 0);
        return out[0];
    }

    /** See {@link MathProvider#rowDots}; every entry is {@link FixedOrder#dot}'s bits. */
    static void rowDots(float[] a, int aOff, int rows, float[] b, int bOff, int cols, int n, float[] out, int outOff) {
        if (L != 16 && L != 8 && L != 4) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    out[outOff + r * cols + j] = FixedOrder.dot(a, aOff + r * n, b, bOff + j * n, n);
                }
            }
            return;
        }
        float[] lanes = new float[N];
        for (int j = 0; j < cols; j++) {
            int bo = bOff + j * n;
            int r = 0;
            if (L == 4) {
                for (; r + 2 <= rows; r += 2) {
                    two128(a, aOff + r * n, b, bo, n, out, outOff + r * cols + j, cols, lanes);
                }
            } else {
                for (; r + 4 <= rows; r += 4) {
                    if (L == 16) {
                        four512(a, aOff + r * n, b, bo, n, out, outOff + r * cols + j, cols, lanes);
                    } else {
                        four256(a, aOff + r * n, b, bo, n, out, outOff + r * cols + j, cols, lanes);
                    }
                }
            }
            for (; r < rows; r++) {
                out[outOff + r * cols + j] = one(a, aOff + r * n, b, bo, n, lanes);
            }
        }
    }

    /** One row at any of the three widths: G registers of partials, then the tail and the halving tree. */
    private static float one(float[] a, int ao, float[] b, int bo, int n, float[] lanes) {
        int m = n - n % N;
        FloatVector p0 = FloatVector.zero(S);
        FloatVector p1 = p0;
        FloatVector p2 = p0;
        FloatVector p3 = p0;
        for (int i = 0; i < m; i += N) {
            p0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), p0);
            if (G > 1) {
                p1 = FloatVector.fromArray(S, a, ao + i + L).fma(FloatVector.fromArray(S, b, bo + i + L), p1);
            }
            if (G > 2) {
                p2 = FloatVector.fromArray(S, a, ao + i + 2 * L).fma(FloatVector.fromArray(S, b, bo + i + 2 * L), p2);
                p3 = FloatVector.fromArray(S, a, ao + i + 3 * L).fma(FloatVector.fromArray(S, b, bo + i + 3 * L), p3);
            }
        }
        p0.intoArray(lanes, 0);
        if (G > 1) {
            p1.intoArray(lanes, L);
        }
        if (G > 2) {
            p2.intoArray(lanes, 2 * L);
            p3.intoArray(lanes, 3 * L);
        }
        return FixedOrder.finish(lanes, a, ao + m, b, bo + m, n - m);
    }

    /** Writes the sum of partials in lanes plus row ao's tail from index m to out[o]. */
    private static void store(float[] lanes, float[] a, int ao, float[] b, int bo, int m, int n, float[] out, int o) {
        out[o] = FixedOrder.finish(lanes, a, ao + m, b, bo + m, n - m);
    }

    /** Rows ao, ao+n, ao+2n, ao+3n against b at 512 bits; writes out[o], out[o+stride], … */
    private static void four512(float[] a, int ao, float[] b, int bo, int n, float[] out, int o, int stride, float[] lanes) {
        int m = n - n % N;
        FloatVector p0 = FloatVector.zero(S);
        FloatVector p1 = p0;
        FloatVector p2 = p0;
        FloatVector p3 = p0;
        for (int i = 0; i < m; i += N) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + i);
            p0 = FloatVector.fromArray(S, a, ao + i).fma(bv, p0);
            p1 = FloatVector.fromArray(S, a, ao + n + i).fma(bv, p1);
            p2 = FloatVector.fromArray(S, a, ao + 2 * n + i).fma(bv, p2);
            p3 = FloatVector.fromArray(S, a, ao + 3 * n + i).fma(bv, p3);
        }
        p0.intoArray(lanes, 0);
        store(lanes, a, ao, b, bo, m, n, out, o);
        p1.intoArray(lanes, 0);
        store(lanes, a, ao + n, b, bo, m, n, out, o + stride);
        p2.intoArray(lanes, 0);
        store(lanes, a, ao + 2 * n, b, bo, m, n, out, o + 2 * stride);
        p3.intoArray(lanes, 0);
        store(lanes, a, ao + 3 * n, b, bo, m, n, out, o + 3 * stride);
    }

    /** As {@link #four512} at 256 bits: partials 0–7 in p, 8–15 in q. */
    private static void four256(float[] a, int ao, float[] b, int bo, int n, float[] out, int o, int stride, float[] lanes) {
        int m = n - n % N;
        FloatVector p0 = FloatVector.zero(S);
        FloatVector p1 = p0, p2 = p0, p3 = p0, q0 = p0, q1 = p0, q2 = p0, q3 = p0;
        for (int i = 0; i < m; i += N) {
            FloatVector bl = FloatVector.fromArray(S, b, bo + i);
            FloatVector bh = FloatVector.fromArray(S, b, bo + i + 8);
            p0 = FloatVector.fromArray(S, a, ao + i).fma(bl, p0);
            q0 = FloatVector.fromArray(S, a, ao + i + 8).fma(bh, q0);
            p1 = FloatVector.fromArray(S, a, ao + n + i).fma(bl, p1);
            q1 = FloatVector.fromArray(S, a, ao + n + i + 8).fma(bh, q1);
            p2 = FloatVector.fromArray(S, a, ao + 2 * n + i).fma(bl, p2);
            q2 = FloatVector.fromArray(S, a, ao + 2 * n + i + 8).fma(bh, q2);
            p3 = FloatVector.fromArray(S, a, ao + 3 * n + i).fma(bl, p3);
            q3 = FloatVector.fromArray(S, a, ao + 3 * n + i + 8).fma(bh, q3);
        }
        p0.intoArray(lanes, 0);
        q0.intoArray(lanes, 8);
        store(lanes, a, ao, b, bo, m, n, out, o);
        p1.intoArray(lanes, 0);
        q1.intoArray(lanes, 8);
        store(lanes, a, ao + n, b, bo, m, n, out, o + stride);
        p2.intoArray(lanes, 0);
        q2.intoArray(lanes, 8);
        store(lanes, a, ao + 2 * n, b, bo, m, n, out, o + 2 * stride);
        p3.intoArray(lanes, 0);
        q3.intoArray(lanes, 8);
        store(lanes, a, ao + 3 * n, b, bo, m, n, out, o + 3 * stride);
    }

    /** Rows ao and ao+n at 128 bits: partials 0–3, 4–7, 8–11, 12–15 in four registers per row. */
    private static void two128(float[] a, int ao, float[] b, int bo, int n, float[] out, int o, int stride, float[] lanes) {
        int m = n - n % N;
        int a1 = ao + n;
        FloatVector p0 = FloatVector.zero(S);
        FloatVector p1 = p0, p2 = p0, p3 = p0, q0 = p0, q1 = p0, q2 = p0, q3 = p0;
        for (int i = 0; i < m; i += N) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + i);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + i + 4);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + i + 8);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + i + 12);
            p0 = FloatVector.fromArray(S, a, ao + i).fma(b0, p0);
            p1 = FloatVector.fromArray(S, a, ao + i + 4).fma(b1, p1);
            p2 = FloatVector.fromArray(S, a, ao + i + 8).fma(b2, p2);
            p3 = FloatVector.fromArray(S, a, ao + i + 12).fma(b3, p3);
            q0 = FloatVector.fromArray(S, a, a1 + i).fma(b0, q0);
            q1 = FloatVector.fromArray(S, a, a1 + i + 4).fma(b1, q1);
            q2 = FloatVector.fromArray(S, a, a1 + i + 8).fma(b2, q2);
            q3 = FloatVector.fromArray(S, a, a1 + i + 12).fma(b3, q3);
        }
        p0.intoArray(lanes, 0);
        p1.intoArray(lanes, 4);
        p2.intoArray(lanes, 8);
        p3.intoArray(lanes, 12);
        store(lanes, a, ao, b, bo, m, n, out, o);
        q0.intoArray(lanes, 0);
        q1.intoArray(lanes, 4);
        q2.intoArray(lanes, 8);
        q3.intoArray(lanes, 12);
        store(lanes, a, a1, b, bo, m, n, out, o + stride);
    }
}
