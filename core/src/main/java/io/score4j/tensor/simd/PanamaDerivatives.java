package io.score4j.tensor.simd;

import static io.score4j.tensor.simd.PanamaApprox.expNonPositive;
import static io.score4j.tensor.simd.PanamaApprox.expm1Poly;
import static io.score4j.tensor.simd.PanamaApprox.log1pUnit;
import static io.score4j.tensor.simd.PanamaApprox.scaleFromRounded;

import io.score4j.tensor.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static jdk.incubator.vector.VectorOperators.FMA;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels for (σ, σ', σ'') of each {@link Activation}: lane-wise twins of
 * {@code Approx.*Derivs}. Each loads in[i] before storing, so outputs may alias the input.
 */
final class PanamaDerivatives {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private PanamaDerivatives() {}

    static void softplus(float[] in, float[] value, float[] d1, float[] d2, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            FloatVector e = expNonPositive(h.abs().neg());
            FloatVector r = one.div(e.add(1f));
            FloatVector er = e.mul(r);
            PanamaApprox.positivePart(h).add(log1pUnit(e)).intoArray(value, i);
            er.blend(r, h.compare(VectorOperators.GE, 0f)).intoArray(d1, i);
            er.mul(r).intoArray(d2, i);
        }
        for (; i < to; i++) {
            Approx.softplusDerivs(in[i], value, d1, d2, i);
        }
    }

    static void tanh(float[] in, float[] value, float[] d1, float[] d2, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            FloatVector y = PanamaApprox.floorNeg(h.abs().mul(-2f));
            FloatVector t = y.fma(Approx.LOG2E, Approx.ROUND);
            FloatVector n = t.sub(Approx.ROUND);
            FloatVector s = scaleFromRounded(t);
            FloatVector em = expm1Poly(n.lanewise(FMA, -Approx.LN2_LO, n.lanewise(FMA, -Approx.LN2_HI, y)));
            FloatVector m = s.fma(em, s.sub(1f));
            FloatVector e = em.add(1f).mul(s);
            FloatVector q = one.div(m.add(2f));
            FloatVector tabs = zero.sub(m).mul(q);
            FloatVector th = tabs.blend(tabs.neg(), h.compare(VectorOperators.LT, 0f));
            FloatVector g = e.mul(4f).mul(q).mul(q);
            th.intoArray(value, i);
            g.intoArray(d1, i);
            th.mul(-2f).mul(g).intoArray(d2, i);
        }
        for (; i < to; i++) {
            Approx.tanhDerivs(in[i], value, d1, d2, i);
        }
    }

    static void silu(float[] in, float[] value, float[] d1, float[] d2, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            FloatVector e = expNonPositive(h.abs().neg());
            FloatVector r = one.div(e.add(1f));
            FloatVector er = e.mul(r);
            VectorMask<Float> pos = h.compare(VectorOperators.GE, 0f);
            FloatVector p = er.blend(r, pos);
            FloatVector q = r.blend(er, pos);
            h.mul(p).intoArray(value, i);
            p.mul(h.lanewise(FMA, q, 1f)).intoArray(d1, i);
            p.mul(q).mul(h.lanewise(FMA, q.sub(p), 2f)).intoArray(d2, i);
        }
        for (; i < to; i++) {
            Approx.siluDerivs(in[i], value, d1, d2, i);
        }
    }

    static void relu(float[] in, float[] value, float[] d1, float[] d2, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            h.max(0f).intoArray(value, i);
            zero.blend(one, h.compare(VectorOperators.GT, 0f)).intoArray(d1, i);
            zero.intoArray(d2, i);
        }
        for (; i < to; i++) {
            Approx.reluDerivs(in[i], value, d1, d2, i);
        }
    }
}
