package io.score4j.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels of {@link PanamaDeepKernels}, written out per block shape (rows ×
 * vectors of columns) so every accumulator is a local the JIT keeps in a register. {@code affRxC}: R rows of
 * y = in·w + bias (⊙ scale) over C vectors of columns starting at c; {@code outerRxC}: acc rows
 * a, a + as, … (R of them, C vectors each) += Σ_r in[p + r·is + i]·d[q + r·ds + ·]. In both, each lane runs
 * the documented sequential fma chain of {@link DeepKernels}; only the grouping of lanes into registers
 * differs between shapes, so every shape gives the same bits.
 */
final class PanamaDeepBlocks {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private PanamaDeepBlocks() {}

    static void aff8x2(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector a00 = b0; FloatVector a01 = b1;
        FloatVector a10 = b0; FloatVector a11 = b1;
        FloatVector a20 = b0; FloatVector a21 = b1;
        FloatVector a30 = b0; FloatVector a31 = b1;
        FloatVector a40 = b0; FloatVector a41 = b1;
        FloatVector a50 = b0; FloatVector a51 = b1;
        FloatVector a60 = b0; FloatVector a61 = b1;
        FloatVector a70 = b0; FloatVector a71 = b1;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            x = FloatVector.broadcast(S, in[p + 1 * is + j]);
            a10 = x.fma(w0, a10);
            a11 = x.fma(w1, a11);
            x = FloatVector.broadcast(S, in[p + 2 * is + j]);
            a20 = x.fma(w0, a20);
            a21 = x.fma(w1, a21);
            x = FloatVector.broadcast(S, in[p + 3 * is + j]);
            a30 = x.fma(w0, a30);
            a31 = x.fma(w1, a31);
            x = FloatVector.broadcast(S, in[p + 4 * is + j]);
            a40 = x.fma(w0, a40);
            a41 = x.fma(w1, a41);
            x = FloatVector.broadcast(S, in[p + 5 * is + j]);
            a50 = x.fma(w0, a50);
            a51 = x.fma(w1, a51);
            x = FloatVector.broadcast(S, in[p + 6 * is + j]);
            a60 = x.fma(w0, a60);
            a61 = x.fma(w1, a61);
            x = FloatVector.broadcast(S, in[p + 7 * is + j]);
            a70 = x.fma(w0, a70);
            a71 = x.fma(w1, a71);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
            a10 = a10.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 0 * L));
            a11 = a11.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 1 * L));
            a20 = a20.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 0 * L));
            a21 = a21.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 1 * L));
            a30 = a30.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 0 * L));
            a31 = a31.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 1 * L));
            a40 = a40.mul(FloatVector.fromArray(S, scale, o + 4 * os + c + 0 * L));
            a41 = a41.mul(FloatVector.fromArray(S, scale, o + 4 * os + c + 1 * L));
            a50 = a50.mul(FloatVector.fromArray(S, scale, o + 5 * os + c + 0 * L));
            a51 = a51.mul(FloatVector.fromArray(S, scale, o + 5 * os + c + 1 * L));
            a60 = a60.mul(FloatVector.fromArray(S, scale, o + 6 * os + c + 0 * L));
            a61 = a61.mul(FloatVector.fromArray(S, scale, o + 6 * os + c + 1 * L));
            a70 = a70.mul(FloatVector.fromArray(S, scale, o + 7 * os + c + 0 * L));
            a71 = a71.mul(FloatVector.fromArray(S, scale, o + 7 * os + c + 1 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
        a10.intoArray(out, o + 1 * os + c + 0 * L);
        a11.intoArray(out, o + 1 * os + c + 1 * L);
        a20.intoArray(out, o + 2 * os + c + 0 * L);
        a21.intoArray(out, o + 2 * os + c + 1 * L);
        a30.intoArray(out, o + 3 * os + c + 0 * L);
        a31.intoArray(out, o + 3 * os + c + 1 * L);
        a40.intoArray(out, o + 4 * os + c + 0 * L);
        a41.intoArray(out, o + 4 * os + c + 1 * L);
        a50.intoArray(out, o + 5 * os + c + 0 * L);
        a51.intoArray(out, o + 5 * os + c + 1 * L);
        a60.intoArray(out, o + 6 * os + c + 0 * L);
        a61.intoArray(out, o + 6 * os + c + 1 * L);
        a70.intoArray(out, o + 7 * os + c + 0 * L);
        a71.intoArray(out, o + 7 * os + c + 1 * L);
    }

    static void outer8x2(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + 0 * as + 1 * L);
        FloatVector a10 = FloatVector.fromArray(S, acc, a + 1 * as + 0 * L);
        FloatVector a11 = FloatVector.fromArray(S, acc, a + 1 * as + 1 * L);
        FloatVector a20 = FloatVector.fromArray(S, acc, a + 2 * as + 0 * L);
        FloatVector a21 = FloatVector.fromArray(S, acc, a + 2 * as + 1 * L);
        FloatVector a30 = FloatVector.fromArray(S, acc, a + 3 * as + 0 * L);
        FloatVector a31 = FloatVector.fromArray(S, acc, a + 3 * as + 1 * L);
        FloatVector a40 = FloatVector.fromArray(S, acc, a + 4 * as + 0 * L);
        FloatVector a41 = FloatVector.fromArray(S, acc, a + 4 * as + 1 * L);
        FloatVector a50 = FloatVector.fromArray(S, acc, a + 5 * as + 0 * L);
        FloatVector a51 = FloatVector.fromArray(S, acc, a + 5 * as + 1 * L);
        FloatVector a60 = FloatVector.fromArray(S, acc, a + 6 * as + 0 * L);
        FloatVector a61 = FloatVector.fromArray(S, acc, a + 6 * as + 1 * L);
        FloatVector a70 = FloatVector.fromArray(S, acc, a + 7 * as + 0 * L);
        FloatVector a71 = FloatVector.fromArray(S, acc, a + 7 * as + 1 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector d1 = FloatVector.fromArray(S, d, q + 1 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
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
            x = FloatVector.broadcast(S, in[p + 4]);
            a40 = x.fma(d0, a40);
            a41 = x.fma(d1, a41);
            x = FloatVector.broadcast(S, in[p + 5]);
            a50 = x.fma(d0, a50);
            a51 = x.fma(d1, a51);
            x = FloatVector.broadcast(S, in[p + 6]);
            a60 = x.fma(d0, a60);
            a61 = x.fma(d1, a61);
            x = FloatVector.broadcast(S, in[p + 7]);
            a70 = x.fma(d0, a70);
            a71 = x.fma(d1, a71);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a01.intoArray(acc, a + 0 * as + 1 * L);
        a10.intoArray(acc, a + 1 * as + 0 * L);
        a11.intoArray(acc, a + 1 * as + 1 * L);
        a20.intoArray(acc, a + 2 * as + 0 * L);
        a21.intoArray(acc, a + 2 * as + 1 * L);
        a30.intoArray(acc, a + 3 * as + 0 * L);
        a31.intoArray(acc, a + 3 * as + 1 * L);
        a40.intoArray(acc, a + 4 * as + 0 * L);
        a41.intoArray(acc, a + 4 * as + 1 * L);
        a50.intoArray(acc, a + 5 * as + 0 * L);
        a51.intoArray(acc, a + 5 * as + 1 * L);
        a60.intoArray(acc, a + 6 * as + 0 * L);
        a61.intoArray(acc, a + 6 * as + 1 * L);
        a70.intoArray(acc, a + 7 * as + 0 * L);
        a71.intoArray(acc, a + 7 * as + 1 * L);
    }

    static void aff4x2(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector a00 = b0; FloatVector a01 = b1;
        FloatVector a10 = b0; FloatVector a11 = b1;
        FloatVector a20 = b0; FloatVector a21 = b1;
        FloatVector a30 = b0; FloatVector a31 = b1;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            x = FloatVector.broadcast(S, in[p + 1 * is + j]);
            a10 = x.fma(w0, a10);
            a11 = x.fma(w1, a11);
            x = FloatVector.broadcast(S, in[p + 2 * is + j]);
            a20 = x.fma(w0, a20);
            a21 = x.fma(w1, a21);
            x = FloatVector.broadcast(S, in[p + 3 * is + j]);
            a30 = x.fma(w0, a30);
            a31 = x.fma(w1, a31);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
            a10 = a10.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 0 * L));
            a11 = a11.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 1 * L));
            a20 = a20.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 0 * L));
            a21 = a21.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 1 * L));
            a30 = a30.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 0 * L));
            a31 = a31.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 1 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
        a10.intoArray(out, o + 1 * os + c + 0 * L);
        a11.intoArray(out, o + 1 * os + c + 1 * L);
        a20.intoArray(out, o + 2 * os + c + 0 * L);
        a21.intoArray(out, o + 2 * os + c + 1 * L);
        a30.intoArray(out, o + 3 * os + c + 0 * L);
        a31.intoArray(out, o + 3 * os + c + 1 * L);
    }

    static void outer4x2(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + 0 * as + 1 * L);
        FloatVector a10 = FloatVector.fromArray(S, acc, a + 1 * as + 0 * L);
        FloatVector a11 = FloatVector.fromArray(S, acc, a + 1 * as + 1 * L);
        FloatVector a20 = FloatVector.fromArray(S, acc, a + 2 * as + 0 * L);
        FloatVector a21 = FloatVector.fromArray(S, acc, a + 2 * as + 1 * L);
        FloatVector a30 = FloatVector.fromArray(S, acc, a + 3 * as + 0 * L);
        FloatVector a31 = FloatVector.fromArray(S, acc, a + 3 * as + 1 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector d1 = FloatVector.fromArray(S, d, q + 1 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
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
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a01.intoArray(acc, a + 0 * as + 1 * L);
        a10.intoArray(acc, a + 1 * as + 0 * L);
        a11.intoArray(acc, a + 1 * as + 1 * L);
        a20.intoArray(acc, a + 2 * as + 0 * L);
        a21.intoArray(acc, a + 2 * as + 1 * L);
        a30.intoArray(acc, a + 3 * as + 0 * L);
        a31.intoArray(acc, a + 3 * as + 1 * L);
    }

    static void aff4x3(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector b2 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 2 * L);
        FloatVector a00 = b0; FloatVector a01 = b1; FloatVector a02 = b2;
        FloatVector a10 = b0; FloatVector a11 = b1; FloatVector a12 = b2;
        FloatVector a20 = b0; FloatVector a21 = b1; FloatVector a22 = b2;
        FloatVector a30 = b0; FloatVector a31 = b1; FloatVector a32 = b2;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wp + 2 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            a02 = x.fma(w2, a02);
            x = FloatVector.broadcast(S, in[p + 1 * is + j]);
            a10 = x.fma(w0, a10);
            a11 = x.fma(w1, a11);
            a12 = x.fma(w2, a12);
            x = FloatVector.broadcast(S, in[p + 2 * is + j]);
            a20 = x.fma(w0, a20);
            a21 = x.fma(w1, a21);
            a22 = x.fma(w2, a22);
            x = FloatVector.broadcast(S, in[p + 3 * is + j]);
            a30 = x.fma(w0, a30);
            a31 = x.fma(w1, a31);
            a32 = x.fma(w2, a32);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
            a02 = a02.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 2 * L));
            a10 = a10.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 0 * L));
            a11 = a11.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 1 * L));
            a12 = a12.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 2 * L));
            a20 = a20.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 0 * L));
            a21 = a21.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 1 * L));
            a22 = a22.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 2 * L));
            a30 = a30.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 0 * L));
            a31 = a31.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 1 * L));
            a32 = a32.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 2 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
        a02.intoArray(out, o + 0 * os + c + 2 * L);
        a10.intoArray(out, o + 1 * os + c + 0 * L);
        a11.intoArray(out, o + 1 * os + c + 1 * L);
        a12.intoArray(out, o + 1 * os + c + 2 * L);
        a20.intoArray(out, o + 2 * os + c + 0 * L);
        a21.intoArray(out, o + 2 * os + c + 1 * L);
        a22.intoArray(out, o + 2 * os + c + 2 * L);
        a30.intoArray(out, o + 3 * os + c + 0 * L);
        a31.intoArray(out, o + 3 * os + c + 1 * L);
        a32.intoArray(out, o + 3 * os + c + 2 * L);
    }

    static void outer4x3(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + 0 * as + 1 * L);
        FloatVector a02 = FloatVector.fromArray(S, acc, a + 0 * as + 2 * L);
        FloatVector a10 = FloatVector.fromArray(S, acc, a + 1 * as + 0 * L);
        FloatVector a11 = FloatVector.fromArray(S, acc, a + 1 * as + 1 * L);
        FloatVector a12 = FloatVector.fromArray(S, acc, a + 1 * as + 2 * L);
        FloatVector a20 = FloatVector.fromArray(S, acc, a + 2 * as + 0 * L);
        FloatVector a21 = FloatVector.fromArray(S, acc, a + 2 * as + 1 * L);
        FloatVector a22 = FloatVector.fromArray(S, acc, a + 2 * as + 2 * L);
        FloatVector a30 = FloatVector.fromArray(S, acc, a + 3 * as + 0 * L);
        FloatVector a31 = FloatVector.fromArray(S, acc, a + 3 * as + 1 * L);
        FloatVector a32 = FloatVector.fromArray(S, acc, a + 3 * as + 2 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector d1 = FloatVector.fromArray(S, d, q + 1 * L);
            FloatVector d2 = FloatVector.fromArray(S, d, q + 2 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
            a00 = x.fma(d0, a00);
            a01 = x.fma(d1, a01);
            a02 = x.fma(d2, a02);
            x = FloatVector.broadcast(S, in[p + 1]);
            a10 = x.fma(d0, a10);
            a11 = x.fma(d1, a11);
            a12 = x.fma(d2, a12);
            x = FloatVector.broadcast(S, in[p + 2]);
            a20 = x.fma(d0, a20);
            a21 = x.fma(d1, a21);
            a22 = x.fma(d2, a22);
            x = FloatVector.broadcast(S, in[p + 3]);
            a30 = x.fma(d0, a30);
            a31 = x.fma(d1, a31);
            a32 = x.fma(d2, a32);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a01.intoArray(acc, a + 0 * as + 1 * L);
        a02.intoArray(acc, a + 0 * as + 2 * L);
        a10.intoArray(acc, a + 1 * as + 0 * L);
        a11.intoArray(acc, a + 1 * as + 1 * L);
        a12.intoArray(acc, a + 1 * as + 2 * L);
        a20.intoArray(acc, a + 2 * as + 0 * L);
        a21.intoArray(acc, a + 2 * as + 1 * L);
        a22.intoArray(acc, a + 2 * as + 2 * L);
        a30.intoArray(acc, a + 3 * as + 0 * L);
        a31.intoArray(acc, a + 3 * as + 1 * L);
        a32.intoArray(acc, a + 3 * as + 2 * L);
    }

    static void aff1x2(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector a00 = b0; FloatVector a01 = b1;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
    }

    static void outer1x2(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + 0 * as + 1 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector d1 = FloatVector.fromArray(S, d, q + 1 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
            a00 = x.fma(d0, a00);
            a01 = x.fma(d1, a01);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a01.intoArray(acc, a + 0 * as + 1 * L);
    }

    static void aff1x3(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector b2 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 2 * L);
        FloatVector a00 = b0; FloatVector a01 = b1; FloatVector a02 = b2;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wp + 2 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            a02 = x.fma(w2, a02);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
            a02 = a02.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 2 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
        a02.intoArray(out, o + 0 * os + c + 2 * L);
    }

    static void outer1x3(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + 0 * as + 1 * L);
        FloatVector a02 = FloatVector.fromArray(S, acc, a + 0 * as + 2 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector d1 = FloatVector.fromArray(S, d, q + 1 * L);
            FloatVector d2 = FloatVector.fromArray(S, d, q + 2 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
            a00 = x.fma(d0, a00);
            a01 = x.fma(d1, a01);
            a02 = x.fma(d2, a02);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a01.intoArray(acc, a + 0 * as + 1 * L);
        a02.intoArray(acc, a + 0 * as + 2 * L);
    }

    static void aff8x1(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector a00 = b0;
        FloatVector a10 = b0;
        FloatVector a20 = b0;
        FloatVector a30 = b0;
        FloatVector a40 = b0;
        FloatVector a50 = b0;
        FloatVector a60 = b0;
        FloatVector a70 = b0;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            x = FloatVector.broadcast(S, in[p + 1 * is + j]);
            a10 = x.fma(w0, a10);
            x = FloatVector.broadcast(S, in[p + 2 * is + j]);
            a20 = x.fma(w0, a20);
            x = FloatVector.broadcast(S, in[p + 3 * is + j]);
            a30 = x.fma(w0, a30);
            x = FloatVector.broadcast(S, in[p + 4 * is + j]);
            a40 = x.fma(w0, a40);
            x = FloatVector.broadcast(S, in[p + 5 * is + j]);
            a50 = x.fma(w0, a50);
            x = FloatVector.broadcast(S, in[p + 6 * is + j]);
            a60 = x.fma(w0, a60);
            x = FloatVector.broadcast(S, in[p + 7 * is + j]);
            a70 = x.fma(w0, a70);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a10 = a10.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 0 * L));
            a20 = a20.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 0 * L));
            a30 = a30.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 0 * L));
            a40 = a40.mul(FloatVector.fromArray(S, scale, o + 4 * os + c + 0 * L));
            a50 = a50.mul(FloatVector.fromArray(S, scale, o + 5 * os + c + 0 * L));
            a60 = a60.mul(FloatVector.fromArray(S, scale, o + 6 * os + c + 0 * L));
            a70 = a70.mul(FloatVector.fromArray(S, scale, o + 7 * os + c + 0 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a10.intoArray(out, o + 1 * os + c + 0 * L);
        a20.intoArray(out, o + 2 * os + c + 0 * L);
        a30.intoArray(out, o + 3 * os + c + 0 * L);
        a40.intoArray(out, o + 4 * os + c + 0 * L);
        a50.intoArray(out, o + 5 * os + c + 0 * L);
        a60.intoArray(out, o + 6 * os + c + 0 * L);
        a70.intoArray(out, o + 7 * os + c + 0 * L);
    }

    static void outer8x1(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a10 = FloatVector.fromArray(S, acc, a + 1 * as + 0 * L);
        FloatVector a20 = FloatVector.fromArray(S, acc, a + 2 * as + 0 * L);
        FloatVector a30 = FloatVector.fromArray(S, acc, a + 3 * as + 0 * L);
        FloatVector a40 = FloatVector.fromArray(S, acc, a + 4 * as + 0 * L);
        FloatVector a50 = FloatVector.fromArray(S, acc, a + 5 * as + 0 * L);
        FloatVector a60 = FloatVector.fromArray(S, acc, a + 6 * as + 0 * L);
        FloatVector a70 = FloatVector.fromArray(S, acc, a + 7 * as + 0 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
            a00 = x.fma(d0, a00);
            x = FloatVector.broadcast(S, in[p + 1]);
            a10 = x.fma(d0, a10);
            x = FloatVector.broadcast(S, in[p + 2]);
            a20 = x.fma(d0, a20);
            x = FloatVector.broadcast(S, in[p + 3]);
            a30 = x.fma(d0, a30);
            x = FloatVector.broadcast(S, in[p + 4]);
            a40 = x.fma(d0, a40);
            x = FloatVector.broadcast(S, in[p + 5]);
            a50 = x.fma(d0, a50);
            x = FloatVector.broadcast(S, in[p + 6]);
            a60 = x.fma(d0, a60);
            x = FloatVector.broadcast(S, in[p + 7]);
            a70 = x.fma(d0, a70);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a10.intoArray(acc, a + 1 * as + 0 * L);
        a20.intoArray(acc, a + 2 * as + 0 * L);
        a30.intoArray(acc, a + 3 * as + 0 * L);
        a40.intoArray(acc, a + 4 * as + 0 * L);
        a50.intoArray(acc, a + 5 * as + 0 * L);
        a60.intoArray(acc, a + 6 * as + 0 * L);
        a70.intoArray(acc, a + 7 * as + 0 * L);
    }

    static void aff1x1(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector a00 = b0;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
    }

    static void outer1x1(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
            a00 = x.fma(d0, a00);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
    }
}
