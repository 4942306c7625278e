package io.score4j.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DeepKernels} on the Vector API's preferred float species. Vectors run along the output columns
 * k; the summed index (j in {@link #affine}, r in {@link #accumulateOuter}) is walked one step at a time,
 * so each lane performs exactly the scalar fma chain and the bits do not depend on the lane count.
 * {@link #affine} and {@link #accumulateOuter} are register-blocked micro-kernels of 4 rows × 2 vectors
 * (8 accumulators, which fit the 16 registers of AVX2 and the 32 of AVX-512), with 1-row and 1-vector
 * edges. Reached only by reflection from {@link DeepKernels#select}; reports itself as "scalar" when the
 * species is wider than {@link DeepKernels#PAD} lanes so the caller falls back.
 */
final class PanamaDeepKernels implements DeepKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String name() {
        return L > PAD || PAD % L != 0 ? "scalar" : "vector(" + S.vectorBitSize() + ")";
    }

    @Override
    public void affine(float[] in, int inOff, int is, int inCols, int rows, float[] w, int ws, float[] bias,
                       float[] scale, float[] out, int outOff, int os, int cols) {
        int c = 0;
        for (; c + 2 * L <= cols; c += 2 * L) {
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                affine4x2(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
            }
            for (; r < rows; r++) {
                affine1(in, inOff + r * is, inCols, w, ws, bias, scale, out, outOff + r * os, c);
                affine1(in, inOff + r * is, inCols, w, ws, bias, scale, out, outOff + r * os, c + L);
            }
        }
        for (; c < cols; c += L) {
            for (int r = 0; r < rows; r++) {
                affine1(in, inOff + r * is, inCols, w, ws, bias, scale, out, outOff + r * os, c);
            }
        }
    }

    private static FloatVector start(float[] bias, int c) {
        return bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c);
    }

    private static void store(FloatVector v, float[] scale, float[] out, int at) {
        (scale == null ? v : v.mul(FloatVector.fromArray(S, scale, at))).intoArray(out, at);
    }

    /** Rows p, p+is, p+2is, p+3is of in; columns [c, c + 2L) of out rows o, o+os, …. */
    private static void affine4x2(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                  float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = start(bias, c);
        FloatVector b1 = start(bias, c + L);
        FloatVector a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
        int p1 = p + is;
        int p2 = p1 + is;
        int p3 = p2 + is;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + L);
            FloatVector x = FloatVector.broadcast(S, in[p + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            x = FloatVector.broadcast(S, in[p1 + j]);
            a10 = x.fma(w0, a10);
            a11 = x.fma(w1, a11);
            x = FloatVector.broadcast(S, in[p2 + j]);
            a20 = x.fma(w0, a20);
            a21 = x.fma(w1, a21);
            x = FloatVector.broadcast(S, in[p3 + j]);
            a30 = x.fma(w0, a30);
            a31 = x.fma(w1, a31);
        }
        store(a00, scale, out, o + c);
        store(a01, scale, out, o + c + L);
        store(a10, scale, out, o + os + c);
        store(a11, scale, out, o + os + c + L);
        store(a20, scale, out, o + 2 * os + c);
        store(a21, scale, out, o + 2 * os + c + L);
        store(a30, scale, out, o + 3 * os + c);
        store(a31, scale, out, o + 3 * os + c + L);
    }

    private static void affine1(float[] in, int p, int inCols, float[] w, int ws, float[] bias, float[] scale,
                                float[] out, int o, int c) {
        FloatVector a = start(bias, c);
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            a = FloatVector.broadcast(S, in[p + j]).fma(FloatVector.fromArray(S, w, wp), a);
        }
        store(a, scale, out, o + c);
    }

    @Override
    public void accumulateOuter(float[] in, int inOff, int is, int inCols, int rows, float[] d, int dOff, int ds,
                                int cols, float[] acc, int accOff, int as) {
        int c = 0;
        for (; c + 2 * L <= cols; c += 2 * L) {
            int j = 0;
            for (; j + 4 <= inCols; j += 4) {
                outer4x2(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
            }
            for (; j < inCols; j++) {
                outer1(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c);
                outer1(in, inOff + j, is, rows, d, dOff + c + L, ds, acc, accOff + j * as + c + L);
            }
        }
        for (; c < cols; c += L) {
            for (int j = 0; j < inCols; j++) {
                outer1(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c);
            }
        }
    }

    /** acc rows a, a+as, a+2as, a+3as (columns [0, 2L) from there) += Σ_r in[p + r·is + i]·d[q + r·ds + ·]. */
    private static void outer4x2(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc, int a,
                                 int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + L);
        FloatVector a10 = FloatVector.fromArray(S, acc, a + as);
        FloatVector a11 = FloatVector.fromArray(S, acc, a + as + L);
        FloatVector a20 = FloatVector.fromArray(S, acc, a + 2 * as);
        FloatVector a21 = FloatVector.fromArray(S, acc, a + 2 * as + L);
        FloatVector a30 = FloatVector.fromArray(S, acc, a + 3 * as);
        FloatVector a31 = FloatVector.fromArray(S, acc, a + 3 * as + L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q);
            FloatVector d1 = FloatVector.fromArray(S, d, q + L);
            FloatVector x = FloatVector.broadcast(S, in[p]);
            a00 = x.fma(d0, a00);
            a01 = x.fma(d1, a01);
            x = FloatVector.broadcast(S, in[p + 1]);
            a10 = x.fma(d0, a10);
            a11 = x.fma(d1, a11);
            x = FloatVector.broadcast(S, in[p + 2]);
            a20 = x.fma(d0, a20);
            a21 = x.fma(d1, a21);
            x = FloatVector.broadcast(S, in[p + 3]);
            a30 = x.fma(d0, a30);
            a31 = x.fma(d1, a31);
        }
        a00.intoArray(acc, a);
        a01.intoArray(acc, a + L);
        a10.intoArray(acc, a + as);
        a11.intoArray(acc, a + as + L);
        a20.intoArray(acc, a + 2 * as);
        a21.intoArray(acc, a + 2 * as + L);
        a30.intoArray(acc, a + 3 * as);
        a31.intoArray(acc, a + 3 * as + L);
    }

    private static void outer1(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc, int a) {
        FloatVector v = FloatVector.fromArray(S, acc, a);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            v = FloatVector.broadcast(S, in[p]).fma(FloatVector.fromArray(S, d, q), v);
        }
        v.intoArray(acc, a);
    }

    @Override
    public void sumRows(float[] d, int dOff, int ds, int rows, int cols, float[] acc, int accOff) {
        for (int c = 0; c < cols; c += L) {
            FloatVector v = FloatVector.fromArray(S, acc, accOff + c);
            for (int r = 0, q = dOff + c; r < rows; r++, q += ds) {
                v = v.add(FloatVector.fromArray(S, d, q));
            }
            v.intoArray(acc, accOff + c);
        }
    }

    @Override
    public void add(float[] a, int aOff, float[] acc, int accOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, acc, accOff + i).add(FloatVector.fromArray(S, a, aOff + i)).intoArray(acc, accOff + i);
        }
        for (; i < n; i++) {
            acc[accOff + i] += a[aOff + i];
        }
    }
}
