package io.score4j.fused;

import static io.score4j.fused.PanamaDeepKernels.L;
import static io.score4j.fused.PanamaDeepKernels.S;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernels of {@link PanamaDeepKernels#affine} for the narrow tails of a layer: R rows × 3 or 1 vectors
 * of columns (the output layer of a low-dimensional score, the last columns of a hidden layer), in the same form
 * as {@link PanamaAffineBlocks} (one local per accumulator, generated, one method per shape; every lane the
 * sequential fma chain of {@link DeepKernels}, so every shape gives the same bits).
 */
final class PanamaNarrowBlocks {
    private PanamaNarrowBlocks() {}

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

    static void aff4x1(float[] in, int p, int is, int inCols, float[] w, int ws, float[] bias,
                                 float[] scale, float[] out, int o, int os, int c) {
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, c + 0 * L);
        FloatVector a00 = b0;
        FloatVector a10 = b0;
        FloatVector a20 = b0;
        FloatVector a30 = b0;
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
        }
        if (scale != null) {
            a00 = a00.mul(FloatVector.fromArray(S, scale, o + 0 * os + c + 0 * L));
            a10 = a10.mul(FloatVector.fromArray(S, scale, o + 1 * os + c + 0 * L));
            a20 = a20.mul(FloatVector.fromArray(S, scale, o + 2 * os + c + 0 * L));
            a30 = a30.mul(FloatVector.fromArray(S, scale, o + 3 * os + c + 0 * L));
        }
        a00.intoArray(out, o + 0 * os + c + 0 * L);
        a10.intoArray(out, o + 1 * os + c + 0 * L);
        a20.intoArray(out, o + 2 * os + c + 0 * L);
        a30.intoArray(out, o + 3 * os + c + 0 * L);
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
}
