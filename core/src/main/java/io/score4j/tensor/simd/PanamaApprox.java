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

    /** exp(max(y, −87)) for y ≤ 0. */
    static FloatVector expNonPositive(FloatVector y) {
        FloatVector yc = y.max(Approx.NEG_FLOOR);
        FloatVector t = yc.fma(Approx.LOG2E, Approx.ROUND);
        FloatVector n = t.sub(Approx.ROUND);
        FloatVector em = expm1Poly(n.lanewise(FMA, -Approx.LN2_LO, n.lanewise(FMA, -Approx.LN2_HI, yc)));
        return em.add(1f).mul(scaleFromRounded(t));
    }
}
