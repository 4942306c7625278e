package io.score4j.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DeepKernels} on the Vector API's preferred float species. Vectors run along the output columns
 * k; the summed index (j in {@link #affine}, r in {@link #accumulateOuter}) is walked one step at a time,
 * so each lane performs exactly the scalar fma chain and the bits do not depend on the lane count.
 * {@link #affine} and {@link #accumulateOuter} run register-blocked micro-kernels ({@link PanamaAffineBlocks},
 * {@link PanamaNarrowBlocks}, {@link PanamaOuterBlocks}): at 512 bits blocks of 6 rows × 4 vectors (24 of the 32 registers), then
 * 8 × 2; below, 4 rows × 3 vectors (12 of AVX2's 16) — the shapes that measured fastest in thread CPU time
 * on a loaded 2-core AVX-512 Xeon; a remainder of 4 or 5 rows of the 6-row blocks (a 64-row tile leaves 4)
 * runs as one 4 × 4 block, not as single rows, which cost about 4× as much per row. A last single vector of
 * columns (the narrow output layer) runs in blocks of 8 rows × 1 vector, so eight independent chains hide the
 * fma latency, then one of 4 rows; single rows are the edge.
 * Reached only by reflection from {@link DeepKernels#select}; reports itself as "scalar" when the species
 * is wider than {@link DeepKernels#PAD} lanes so the caller falls back.
 */
final class PanamaDeepKernels implements DeepKernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** 16 lanes or more (512-bit): main blocks of 6 rows × 4 vectors; narrower: 4 rows × 3 vectors. */
    private static final boolean WIDE = L >= 16;

    @Override
    public String name() {
        return L > PAD || PAD % L != 0 ? "scalar" : "vector(" + S.vectorBitSize() + ")";
    }

    @Override
    public void affine(float[] in, int inOff, int is, int inCols, int rows, float[] w, int ws, float[] bias,
                       float[] scale, float[] out, int outOff, int os, int cols) {
        int c = 0;
        if (WIDE) {
            for (; c + 4 * L <= cols; c += 4 * L) {
                int r = 0;
                for (; r + 6 <= rows; r += 6) {
                    PanamaAffineBlocks.aff6x4(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                }
                if (r + 4 <= rows) {
                    PanamaAffineBlocks.aff4x4(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                    r += 4;
                }
                for (; r < rows; r++) {
                    PanamaAffineBlocks.aff1x4(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                }
            }
            for (; c + 2 * L <= cols; c += 2 * L) {
                int r = 0;
                for (; r + 8 <= rows; r += 8) {
                    PanamaAffineBlocks.aff8x2(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                }
                if (r + 4 <= rows) {
                    PanamaAffineBlocks.aff4x2(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                    r += 4;
                }
                for (; r < rows; r++) {
                    PanamaAffineBlocks.aff1x2(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                }
            }
        } else {
            for (; c + 3 * L <= cols; c += 3 * L) {
                int r = 0;
                for (; r + 4 <= rows; r += 4) {
                    PanamaNarrowBlocks.aff4x3(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                }
                for (; r < rows; r++) {
                    PanamaNarrowBlocks.aff1x3(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                }
            }
        }
        for (; c < cols; c += L) {
            int r = 0;
            for (; r + 8 <= rows; r += 8) {
                PanamaNarrowBlocks.aff8x1(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
            }
            if (r + 4 <= rows) {
                PanamaNarrowBlocks.aff4x1(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
                r += 4;
            }
            for (; r < rows; r++) {
                PanamaNarrowBlocks.aff1x1(in, inOff + r * is, is, inCols, w, ws, bias, scale, out, outOff + r * os, os, c);
            }
        }
    }

    @Override
    public void accumulateOuter(float[] in, int inOff, int is, int inCols, int rows, float[] d, int dOff, int ds,
                                int cols, float[] acc, int accOff, int as) {
        int c = 0;
        if (WIDE) {
            for (; c + 4 * L <= cols; c += 4 * L) {
                int j = 0;
                for (; j + 6 <= inCols; j += 6) {
                    PanamaOuterBlocks.outer6x4(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
                }
                for (; j < inCols; j++) {
                    PanamaOuterBlocks.outer1x4(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
                }
            }
            for (; c + 2 * L <= cols; c += 2 * L) {
                int j = 0;
                for (; j + 8 <= inCols; j += 8) {
                    PanamaOuterBlocks.outer8x2(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
                }
                if (j + 4 <= inCols) {
                    PanamaOuterBlocks.outer4x2(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
                    j += 4;
                }
                for (; j < inCols; j++) {
                    PanamaOuterBlocks.outer1x2(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
                }
            }
        } else {
            for (; c + 3 * L <= cols; c += 3 * L) {
                int j = 0;
                for (; j + 4 <= inCols; j += 4) {
                    PanamaOuterBlocks.outer4x3(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
                }
                for (; j < inCols; j++) {
                    PanamaOuterBlocks.outer1x3(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
                }
            }
        }
        for (; c < cols; c += L) {
            int j = 0;
            for (; j + 8 <= inCols; j += 8) {
                PanamaOuterBlocks.outer8x1(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
            }
            for (; j < inCols; j++) {
                PanamaOuterBlocks.outer1x1(in, inOff + j, is, rows, d, dOff + c, ds, acc, accOff + j * as + c, as);
            }
        }
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
