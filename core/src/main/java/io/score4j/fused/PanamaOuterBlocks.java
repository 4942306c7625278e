package io.score4j.fused;

import static io.score4j.fused.PanamaDeepKernels.L;
import static io.score4j.fused.PanamaDeepKernels.S;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernels of {@link PanamaDeepKernels#accumulateOuter}: {@code outerRxC} adds to the R
 * accumulator rows a, a + as, … (C vectors each) the sums Σ_r in[p + r·is + i]·d[q + r·ds + ·], r in order.
 * Written out per block shape (R rows × C vectors of columns) so that every accumulator is a local the JIT
 * keeps in a register; generated, one method per shape. Each lane runs the sequential fma chain documented
 * on {@link DeepKernels}; only the grouping of lanes into registers differs between shapes, so every shape
 * gives the same bits.
 */
final class PanamaOuterBlocks {
    private PanamaOuterBlocks() {}

    static void outer6x4(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + 0 * as + 1 * L);
        FloatVector a02 = FloatVector.fromArray(S, acc, a + 0 * as + 2 * L);
        FloatVector a03 = FloatVector.fromArray(S, acc, a + 0 * as + 3 * L);
        FloatVector a10 = FloatVector.fromArray(S, acc, a + 1 * as + 0 * L);
        FloatVector a11 = FloatVector.fromArray(S, acc, a + 1 * as + 1 * L);
        FloatVector a12 = FloatVector.fromArray(S, acc, a + 1 * as + 2 * L);
        FloatVector a13 = FloatVector.fromArray(S, acc, a + 1 * as + 3 * L);
        FloatVector a20 = FloatVector.fromArray(S, acc, a + 2 * as + 0 * L);
        FloatVector a21 = FloatVector.fromArray(S, acc, a + 2 * as + 1 * L);
        FloatVector a22 = FloatVector.fromArray(S, acc, a + 2 * as + 2 * L);
        FloatVector a23 = FloatVector.fromArray(S, acc, a + 2 * as + 3 * L);
        FloatVector a30 = FloatVector.fromArray(S, acc, a + 3 * as + 0 * L);
        FloatVector a31 = FloatVector.fromArray(S, acc, a + 3 * as + 1 * L);
        FloatVector a32 = FloatVector.fromArray(S, acc, a + 3 * as + 2 * L);
        FloatVector a33 = FloatVector.fromArray(S, acc, a + 3 * as + 3 * L);
        FloatVector a40 = FloatVector.fromArray(S, acc, a + 4 * as + 0 * L);
        FloatVector a41 = FloatVector.fromArray(S, acc, a + 4 * as + 1 * L);
        FloatVector a42 = FloatVector.fromArray(S, acc, a + 4 * as + 2 * L);
        FloatVector a43 = FloatVector.fromArray(S, acc, a + 4 * as + 3 * L);
        FloatVector a50 = FloatVector.fromArray(S, acc, a + 5 * as + 0 * L);
        FloatVector a51 = FloatVector.fromArray(S, acc, a + 5 * as + 1 * L);
        FloatVector a52 = FloatVector.fromArray(S, acc, a + 5 * as + 2 * L);
        FloatVector a53 = FloatVector.fromArray(S, acc, a + 5 * as + 3 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector d1 = FloatVector.fromArray(S, d, q + 1 * L);
            FloatVector d2 = FloatVector.fromArray(S, d, q + 2 * L);
            FloatVector d3 = FloatVector.fromArray(S, d, q + 3 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
            a00 = x.fma(d0, a00);
            a01 = x.fma(d1, a01);
            a02 = x.fma(d2, a02);
            a03 = x.fma(d3, a03);
            x = FloatVector.broadcast(S, in[p + 1]);
            a10 = x.fma(d0, a10);
            a11 = x.fma(d1, a11);
            a12 = x.fma(d2, a12);
            a13 = x.fma(d3, a13);
            x = FloatVector.broadcast(S, in[p + 2]);
            a20 = x.fma(d0, a20);
            a21 = x.fma(d1, a21);
            a22 = x.fma(d2, a22);
            a23 = x.fma(d3, a23);
            x = FloatVector.broadcast(S, in[p + 3]);
            a30 = x.fma(d0, a30);
            a31 = x.fma(d1, a31);
            a32 = x.fma(d2, a32);
            a33 = x.fma(d3, a33);
            x = FloatVector.broadcast(S, in[p + 4]);
            a40 = x.fma(d0, a40);
            a41 = x.fma(d1, a41);
            a42 = x.fma(d2, a42);
            a43 = x.fma(d3, a43);
            x = FloatVector.broadcast(S, in[p + 5]);
            a50 = x.fma(d0, a50);
            a51 = x.fma(d1, a51);
            a52 = x.fma(d2, a52);
            a53 = x.fma(d3, a53);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a01.intoArray(acc, a + 0 * as + 1 * L);
        a02.intoArray(acc, a + 0 * as + 2 * L);
        a03.intoArray(acc, a + 0 * as + 3 * L);
        a10.intoArray(acc, a + 1 * as + 0 * L);
        a11.intoArray(acc, a + 1 * as + 1 * L);
        a12.intoArray(acc, a + 1 * as + 2 * L);
        a13.intoArray(acc, a + 1 * as + 3 * L);
        a20.intoArray(acc, a + 2 * as + 0 * L);
        a21.intoArray(acc, a + 2 * as + 1 * L);
        a22.intoArray(acc, a + 2 * as + 2 * L);
        a23.intoArray(acc, a + 2 * as + 3 * L);
        a30.intoArray(acc, a + 3 * as + 0 * L);
        a31.intoArray(acc, a + 3 * as + 1 * L);
        a32.intoArray(acc, a + 3 * as + 2 * L);
        a33.intoArray(acc, a + 3 * as + 3 * L);
        a40.intoArray(acc, a + 4 * as + 0 * L);
        a41.intoArray(acc, a + 4 * as + 1 * L);
        a42.intoArray(acc, a + 4 * as + 2 * L);
        a43.intoArray(acc, a + 4 * as + 3 * L);
        a50.intoArray(acc, a + 5 * as + 0 * L);
        a51.intoArray(acc, a + 5 * as + 1 * L);
        a52.intoArray(acc, a + 5 * as + 2 * L);
        a53.intoArray(acc, a + 5 * as + 3 * L);
    }

    static void outer1x4(float[] in, int p, int is, int rows, float[] d, int q, int ds, float[] acc,
                                   int a, int as) {
        FloatVector a00 = FloatVector.fromArray(S, acc, a + 0 * as + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, acc, a + 0 * as + 1 * L);
        FloatVector a02 = FloatVector.fromArray(S, acc, a + 0 * as + 2 * L);
        FloatVector a03 = FloatVector.fromArray(S, acc, a + 0 * as + 3 * L);
        for (int r = 0; r < rows; r++, p += is, q += ds) {
            FloatVector d0 = FloatVector.fromArray(S, d, q + 0 * L);
            FloatVector d1 = FloatVector.fromArray(S, d, q + 1 * L);
            FloatVector d2 = FloatVector.fromArray(S, d, q + 2 * L);
            FloatVector d3 = FloatVector.fromArray(S, d, q + 3 * L);
            FloatVector x;
            x = FloatVector.broadcast(S, in[p + 0]);
            a00 = x.fma(d0, a00);
            a01 = x.fma(d1, a01);
            a02 = x.fma(d2, a02);
            a03 = x.fma(d3, a03);
        }
        a00.intoArray(acc, a + 0 * as + 0 * L);
        a01.intoArray(acc, a + 0 * as + 1 * L);
        a02.intoArray(acc, a + 0 * as + 2 * L);
        a03.intoArray(acc, a + 0 * as + 3 * L);
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
