package io.score4j.tensor.simd;

import static io.score4j.tensor.simd.Approx.E0;
import static io.score4j.tensor.simd.Approx.E1;
import static io.score4j.tensor.simd.Approx.E2;
import static io.score4j.tensor.simd.Approx.E3;
import static io.score4j.tensor.simd.Approx.E4;
import static io.score4j.tensor.simd.Approx.L0;
import static io.score4j.tensor.simd.Approx.L1;
import static io.score4j.tensor.simd.Approx.L2;
import static io.score4j.tensor.simd.Approx.L3;
import static io.score4j.tensor.simd.Approx.L4;
import static io.score4j.tensor.simd.Approx.L5;
import static io.score4j.tensor.simd.Approx.L6;
import static io.score4j.tensor.simd.Approx.L7;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import static jdk.incubator.vector.VectorOperators.FMA;

/**
 * Lane-wise twins of {@link Approx}: the same operations in the same order, so each lane equals the
 * scalar result bit for bit. Loaded only through {@link PanamaMath}.
 */
final class PanamaApprox {
    private PanamaApprox() {}

    static FloatVector expm1Poly(FloatVector r) {
        FloatVector q = r.fma(E4, E3);
        q = q.lanewise(FMA, r, E2);
        q = q.lanewise(FMA, r, E1);
        q = q.lanewise(FMA, r, E0);
        return r.mul(r).fma(q, r);
    }

    static FloatVector log1pUnit(FloatVector t) {
        FloatVector q = t.fma(L7, L6);
        q = q.lanewise(FMA, t, L5);
        q = q.lanewise(FMA, t, L4);
        q = q.lanewise(FMA, t, L3);
        q = q.lanewise(FMA, t, L2);
        q = q.lanewise(FMA, t, L1);
        q = q.lanewise(FMA, t, L0);
        return t.mul(t).fma(q, t);
    }

    /** 2ⁿ from t = fma(y, log2e, 1.5·2²³), whose low bits hold n (n in [−126, 127]). */
    static FloatVector scaleFromRounded(FloatVector t) {
        return t.reinterpretAsInts().sub(Approx.ROUND_BITS - 127)
                .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(Approx.EXP_LO).min(Approx.EXP_HI);
        FloatVector t = xc.fma(Approx.LOG2E, Approx.ROUND);
        FloatVector n = t.sub(Approx.ROUND);
        IntVector ni = t.reinterpretAsInts().sub(Approx.ROUND_BITS);
        FloatVector p = expm1Poly(n.lanewise(FMA, -Approx.LN2_LO, n.lanewise(FMA, -Approx.LN2_HI, xc))).add(1f);
        IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = ni.sub(n1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    /**
     * max(y, −87) as compare and blend: the same bits as {@code y.max(−87)} for every y (NaN stays NaN,
     * −0 stays −0), but C2 compiles {@code FloatVector.max} on x86 to a longer NaN- and −0-correct
     * sequence of blends.
     */
    static FloatVector floorNeg(FloatVector y) {
        return y.blend(Approx.NEG_FLOOR, y.compare(VectorOperators.LT, Approx.NEG_FLOOR));
    }

    /**
     * The positive part h⁺ as compare and blend, where it is added to a positive term: it keeps −0 where
     * {@code max(h, 0)} gives +0, and −0 + t = +0 + t for t &gt; 0, so the sum has the scalar twin's bits.
     */
    static FloatVector positivePart(FloatVector h) {
        return h.blend(0f, h.compare(VectorOperators.LT, 0f));
    }

    /** exp(max(y, −87)) for y ≤ 0. */
    static FloatVector expNonPositive(FloatVector y) {
        FloatVector yc = floorNeg(y);
        FloatVector t = yc.fma(Approx.LOG2E, Approx.ROUND);
        FloatVector n = t.sub(Approx.ROUND);
        FloatVector em = expm1Poly(n.lanewise(FMA, -Approx.LN2_LO, n.lanewise(FMA, -Approx.LN2_HI, yc)));
        return em.add(1f).mul(scaleFromRounded(t));
    }
}
