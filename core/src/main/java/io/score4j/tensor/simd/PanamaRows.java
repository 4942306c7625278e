package io.score4j.tensor.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.FMA;

/**
 * Row accumulation (acc += Mᵀw and acc += column sums of M) on the Vector API. Four column blocks are
 * carried in registers through the row loop to hide the fused-multiply-add latency; per element the
 * rows are still added one at a time in order, exactly as the scalar provider does.
 */
final class PanamaRows {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private PanamaRows() {}

    static void accumulate(float[] m, int mOff, int rows, int n, float[] w, int wOff, int wStride,
                           float[] acc, int accOff) {
        int k = 0;
        for (; k + 4 * L <= n; k += 4 * L) {
            FloatVector c0 = FloatVector.fromArray(S, acc, accOff + k);
            FloatVector c1 = FloatVector.fromArray(S, acc, accOff + k + L);
            FloatVector c2 = FloatVector.fromArray(S, acc, accOff + k + 2 * L);
            FloatVector c3 = FloatVector.fromArray(S, acc, accOff + k + 3 * L);
            for (int r = 0; r < rows; r++) {
                float wr = w[wOff + r * wStride];
                int o = mOff + r * n + k;
                c0 = FloatVector.fromArray(S, m, o).lanewise(FMA, wr, c0);
                c1 = FloatVector.fromArray(S, m, o + L).lanewise(FMA, wr, c1);
                c2 = FloatVector.fromArray(S, m, o + 2 * L).lanewise(FMA, wr, c2);
                c3 = FloatVector.fromArray(S, m, o + 3 * L).lanewise(FMA, wr, c3);
            }
            c0.intoArray(acc, accOff + k);
            c1.intoArray(acc, accOff + k + L);
            c2.intoArray(acc, accOff + k + 2 * L);
            c3.intoArray(acc, accOff + k + 3 * L);
        }
        for (; k + L <= n; k += L) {
            FloatVector c0 = FloatVector.fromArray(S, acc, accOff + k);
            for (int r = 0; r < rows; r++) {
                c0 = FloatVector.fromArray(S, m, mOff + r * n + k).lanewise(FMA, w[wOff + r * wStride], c0);
            }
            c0.intoArray(acc, accOff + k);
        }
        for (; k < n; k++) {
            float c = acc[accOff + k];
            for (int r = 0; r < rows; r++) {
                c = Math.fma(w[wOff + r * wStride], m[mOff + r * n + k], c);
            }
            acc[accOff + k] = c;
        }
    }

    static void sum(float[] m, int mOff, int rows, int n, float[] acc, int accOff) {
        int k = 0;
        for (; k + 4 * L <= n; k += 4 * L) {
            FloatVector c0 = FloatVector.fromArray(S, acc, accOff + k);
            FloatVector c1 = FloatVector.fromArray(S, acc, accOff + k + L);
            FloatVector c2 = FloatVector.fromArray(S, acc, accOff + k + 2 * L);
            FloatVector c3 = FloatVector.fromArray(S, acc, accOff + k + 3 * L);
            for (int r = 0; r < rows; r++) {
                int o = mOff + r * n + k;
                c0 = c0.add(FloatVector.fromArray(S, m, o));
                c1 = c1.add(FloatVector.fromArray(S, m, o + L));
                c2 = c2.add(FloatVector.fromArray(S, m, o + 2 * L));
                c3 = c3.add(FloatVector.fromArray(S, m, o + 3 * L));
            }
            c0.intoArray(acc, accOff + k);
            c1.intoArray(acc, accOff + k + L);
            c2.intoArray(acc, accOff + k + 2 * L);
            c3.intoArray(acc, accOff + k + 3 * L);
        }
        for (; k + L <= n; k += L) {
            FloatVector c0 = FloatVector.fromArray(S, acc, accOff + k);
            for (int r = 0; r < rows; r++) {
                c0 = c0.add(FloatVector.fromArray(S, m, mOff + r * n + k));
            }
            c0.intoArray(acc, accOff + k);
        }
        for (; k < n; k++) {
            float c = acc[accOff + k];
            for (int r = 0; r < rows; r++) {
                c += m[mOff + r * n + k];
            }
            acc[accOff + k] = c;
        }
    }
}
