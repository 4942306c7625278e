package io.score4j.fused;

import static io.score4j.fused.PanamaDeepKernels.L;
import static io.score4j.fused.PanamaDeepKernels.S;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernels of {@link PanamaDeepKernels#affine}: {@code affRxC} computes R rows of
 * y = in·w + bias (⊙ scale) over C vectors of columns starting at column c.
 * Written out per block shape (R rows × C vectors of columns) so that every accumulator is a local the JIT
 * keeps in a register; generated, one method per shape. Each lane runs the sequential fma chain documented
 * on {@link DeepKernels}; only the grouping of lanes into registers differs between shapes, so every shape
 * gives the same bits.
 */
final class PanamaAffineBlocks {
    private PanamaAffineBlocks() {}

    static void aff6x4(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector b2 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 2 * L);
        FloatVector b3 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 3 * L);
        FloatVector a00 = b0; FloatVector a01 = b1; FloatVector a02 = b2; FloatVector a03 = b3;
        FloatVector a10 = b0; FloatVector a11 = b1; FloatVector a12 = b2; FloatVector a13 = b3;
        FloatVector a20 = b0; FloatVector a21 = b1; FloatVector a22 = b2; FloatVector a23 = b3;
        FloatVector a30 = b0; FloatVector a31 = b1; FloatVector a32 = b2; FloatVector a33 = b3;
        FloatVector a40 = b0; FloatVector a41 = b1; FloatVector a42 = b2; FloatVector a43 = b3;
        FloatVector a50 = b0; FloatVector a51 = b1; FloatVector a52 = b2; FloatVector a53 = b3;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wp + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, w, wp + 3 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            a02 = x.fma(w2, a02);
            a03 = x.fma(w3, a03);
            x = FloatVector.broadcast(S, in[p + 1 * is + j]);
            a10 = x.fma(w0, a10);
            a11 = x.fma(w1, a11);
            a12 = x.fma(w2, a12);
            a13 = x.fma(w3, a13);
            x = FloatVector.broadcast(S, in[p + 2 * is + j]);
            a20 = x.fma(w0, a20);
            a21 = x.fma(w1, a21);
            a22 = x.fma(w2, a22);
            a23 = x.fma(w3, a23);
            x = FloatVector.broadcast(S, in[p + 3 * is + j]);
            a30 = x.fma(w0, a30);
            a31 = x.fma(w1, a31);
            a32 = x.fma(w2, a32);
            a33 = x.fma(w3, a33);
            x = FloatVector.broadcast(S, in[p + 4 * is + j]);
            a40 = x.fma(w0, a40);
            a41 = x.fma(w1, a41);
            a42 = x.fma(w2, a42);
            a43 = x.fma(w3, a43);
            x = FloatVector.broadcast(S, in[p + 5 * is + j]);
            a50 = x.fma(w0, a50);
            a51 = x.fma(w1, a51);
            a52 = x.fma(w2, a52);
            a53 = x.fma(w3, a53);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
            a02 = a02.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 2 * L));
            a03 = a03.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 3 * L));
            a10 = a10.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 0 * L));
            a11 = a11.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 1 * L));
            a12 = a12.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 2 * L));
            a13 = a13.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 3 * L));
            a20 = a20.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 0 * L));
            a21 = a21.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 1 * L));
            a22 = a22.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 2 * L));
            a23 = a23.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 3 * L));
            a30 = a30.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 0 * L));
            a31 = a31.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 1 * L));
            a32 = a32.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 2 * L));
            a33 = a33.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 3 * L));
            a40 = a40.mul(FloatVector.fromArray(S, scale, o + 4 * os + c + 0 * L));
            a41 = a41.mul(FloatVector.fromArray(S, scale, o + 4 * os + c + 1 * L));
            a42 = a42.mul(FloatVector.fromArray(S, scale, o + 4 * os + c + 2 * L));
            a43 = a43.mul(FloatVector.fromArray(S, scale, o + 4 * os + c + 3 * L));
            a50 = a50.mul(FloatVector.fromArray(S, scale, o + 5 * os + c + 0 * L));
            a51 = a51.mul(FloatVector.fromArray(S, scale, o + 5 * os + c + 1 * L));
            a52 = a52.mul(FloatVector.fromArray(S, scale, o + 5 * os + c + 2 * L));
            a53 = a53.mul(FloatVector.fromArray(S, scale, o + 5 * os + c + 3 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
        a02.intoArray(out, o + 0 * os + c + 2 * L);
        a03.intoArray(out, o + 0 * os + c + 3 * L);
        a10.intoArray(out, o + 1 * os + c + 0 * L);
        a11.intoArray(out, o + 1 * os + c + 1 * L);
        a12.intoArray(out, o + 1 * os + c + 2 * L);
        a13.intoArray(out, o + 1 * os + c + 3 * L);
        a20.intoArray(out, o + 2 * os + c + 0 * L);
        a21.intoArray(out, o + 2 * os + c + 1 * L);
        a22.intoArray(out, o + 2 * os + c + 2 * L);
        a23.intoArray(out, o + 2 * os + c + 3 * L);
        a30.intoArray(out, o + 3 * os + c + 0 * L);
        a31.intoArray(out, o + 3 * os + c + 1 * L);
        a32.intoArray(out, o + 3 * os + c + 2 * L);
        a33.intoArray(out, o + 3 * os + c + 3 * L);
        a40.intoArray(out, o + 4 * os + c + 0 * L);
        a41.intoArray(out, o + 4 * os + c + 1 * L);
        a42.intoArray(out, o + 4 * os + c + 2 * L);
        a43.intoArray(out, o + 4 * os + c + 3 * L);
        a50.intoArray(out, o + 5 * os + c + 0 * L);
        a51.intoArray(out, o + 5 * os + c + 1 * L);
        a52.intoArray(out, o + 5 * os + c + 2 * L);
        a53.intoArray(out, o + 5 * os + c + 3 * L);
    }

    static void aff4x4(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector b2 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 2 * L);
        FloatVector b3 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 3 * L);
        FloatVector a00 = b0; FloatVector a01 = b1; FloatVector a02 = b2; FloatVector a03 = b3;
        FloatVector a10 = b0; FloatVector a11 = b1; FloatVector a12 = b2; FloatVector a13 = b3;
        FloatVector a20 = b0; FloatVector a21 = b1; FloatVector a22 = b2; FloatVector a23 = b3;
        FloatVector a30 = b0; FloatVector a31 = b1; FloatVector a32 = b2; FloatVector a33 = b3;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wp + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, w, wp + 3 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            a02 = x.fma(w2, a02);
            a03 = x.fma(w3, a03);
            x = FloatVector.broadcast(S, in[p + 1 * is + j]);
            a10 = x.fma(w0, a10);
            a11 = x.fma(w1, a11);
            a12 = x.fma(w2, a12);
            a13 = x.fma(w3, a13);
            x = FloatVector.broadcast(S, in[p + 2 * is + j]);
            a20 = x.fma(w0, a20);
            a21 = x.fma(w1, a21);
            a22 = x.fma(w2, a22);
            a23 = x.fma(w3, a23);
            x = FloatVector.broadcast(S, in[p + 3 * is + j]);
            a30 = x.fma(w0, a30);
            a31 = x.fma(w1, a31);
            a32 = x.fma(w2, a32);
            a33 = x.fma(w3, a33);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
            a02 = a02.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 2 * L));
            a03 = a03.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 3 * L));
            a10 = a10.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 0 * L));
            a11 = a11.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 1 * L));
            a12 = a12.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 2 * L));
            a13 = a13.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 3 * L));
            a20 = a20.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 0 * L));
            a21 = a21.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 1 * L));
            a22 = a22.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 2 * L));
            a23 = a23.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 3 * L));
            a30 = a30.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 0 * L));
            a31 = a31.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 1 * L));
            a32 = a32.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 2 * L));
            a33 = a33.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 3 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
        a02.intoArray(out, o + 0 * os + c + 2 * L);
        a03.intoArray(out, o + 0 * os + c + 3 * L);
        a10.intoArray(out, o + 1 * os + c + 0 * L);
        a11.intoArray(out, o + 1 * os + c + 1 * L);
        a12.intoArray(out, o + 1 * os + c + 2 * L);
        a13.intoArray(out, o + 1 * os + c + 3 * L);
        a20.intoArray(out, o + 2 * os + c + 0 * L);
        a21.intoArray(out, o + 2 * os + c + 1 * L);
        a22.intoArray(out, o + 2 * os + c + 2 * L);
        a23.intoArray(out, o + 2 * os + c + 3 * L);
        a30.intoArray(out, o + 3 * os + c + 0 * L);
        a31.intoArray(out, o + 3 * os + c + 1 * L);
        a32.intoArray(out, o + 3 * os + c + 2 * L);
        a33.intoArray(out, o + 3 * os + c + 3 * L);
    }

    static void aff1x4(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 1 * L);
        FloatVector b2 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 2 * L);
        FloatVector b3 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 3 * L);
        FloatVector a00 = b0; FloatVector a01 = b1; FloatVector a02 = b2; FloatVector a03 = b3;
        int wp = c;
        for (int j = 0; j < inCols; j++, wp += ws) {
            FloatVector w0 = FloatVector.fromArray(S, w, wp + 0 * L);
            FloatVector w1 = FloatVector.fromArray(S, w, wp + 1 * L);
            FloatVector w2 = FloatVector.fromArray(S, w, wp + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, w, wp + 3 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0 * is + j]);
            a00 = x.fma(w0, a00);
            a01 = x.fma(w1, a01);
            a02 = x.fma(w2, a02);
            a03 = x.fma(w3, a03);
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a01 = a01.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 1 * L));
            a02 = a02.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 2 * L));
            a03 = a03.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 3 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a01.intoArray(out, o + 0 * os + c + 1 * L);
        a02.intoArray(out, o + 0 * os + c + 2 * L);
        a03.intoArray(out, o + 0 * os + c + 3 * L);
    }

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
}
