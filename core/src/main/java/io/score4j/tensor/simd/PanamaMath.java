package io.score4j.tensor.simd;

import static io.score4j.tensor.simd.PanamaApprox.expNonPositive;
import static io.score4j.tensor.simd.PanamaApprox.expm1Poly;
import static io.score4j.tensor.simd.PanamaApprox.log1pUnit;
import static io.score4j.tensor.simd.PanamaApprox.scaleFromRounded;

import io.score4j.tensor.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static jdk.incubator.vector.VectorOperators.FMA;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MathProvider} on the JDK Vector API ({@code FloatVector.SPECIES_PREFERRED}): a vector loop and
 * a scalar tail that calls {@link Approx}. Only {@link VectorMath} instantiates it, reflectively and
 * only when the module {@code jdk.incubator.vector} is in the boot layer.
 */
final class PanamaMath implements MathProvider {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    PanamaMath() {}

    @Override
    public String name() {
        return "vector(" + S.vectorBitSize() + ")";
    }

    @Override
    public void exp(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            PanamaApprox.exp(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Approx.exp(in[i]);
        }
    }

    @Override
    public void softplus(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            PanamaApprox.positivePart(h).add(log1pUnit(expNonPositive(h.abs().neg()))).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Approx.softplus(in[i]);
        }
    }

    @Override
    public void sigmoid(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            sigmoid(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Approx.sigmoid(in[i]);
        }
    }

    private static FloatVector sigmoid(FloatVector h) {
        FloatVector e = expNonPositive(h.abs().neg());
        FloatVector r = FloatVector.broadcast(S, 1f).div(e.add(1f));
        return e.mul(r).blend(r, h.compare(VectorOperators.GE, 0f));
    }

    @Override
    public void softplusAndSigmoid(float[] in, float[] softplus, float[] sigmoid, int from, int to) {
        int i = from;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            FloatVector e = expNonPositive(h.abs().neg());
            FloatVector r = one.div(e.add(1f));
            PanamaApprox.positivePart(h).add(log1pUnit(e)).intoArray(softplus, i);
            e.mul(r).blend(r, h.compare(VectorOperators.GE, 0f)).intoArray(sigmoid, i);
        }
        for (; i < to; i++) {
            float h = in[i];
            float e = Approx.expNonPositive(-Math.abs(h));
            float r = 1f / (1f + e);
            softplus[i] = Math.max(h, 0f) + Approx.log1pUnit(e);
            sigmoid[i] = h >= 0f ? r : e * r;
        }
    }

    @Override
    public void tanh(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            FloatVector y = PanamaApprox.floorNeg(h.abs().mul(-2f));
            FloatVector t = y.fma(Approx.LOG2E, Approx.ROUND);
            FloatVector n = t.sub(Approx.ROUND);
            FloatVector s = scaleFromRounded(t);
            FloatVector m = s.fma(expm1Poly(n.lanewise(FMA, -Approx.LN2_LO, n.lanewise(FMA, -Approx.LN2_HI, y))), s.sub(1f));
            FloatVector tabs = FloatVector.zero(S).sub(m).div(m.add(2f));
            tabs.blend(tabs.neg(), h.compare(VectorOperators.LT, 0f)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Approx.tanh(in[i]);
        }
    }

    @Override
    public void silu(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector h = FloatVector.fromArray(S, in, i);
            h.mul(sigmoid(h)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Approx.silu(in[i]);
        }
    }

    @Override
    public void relu(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector.fromArray(S, in, i).max(0f).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Math.max(in[i], 0f);
        }
    }

    @Override
    public void applyWithDerivatives(Activation f, float[] in, float[] value, float[] d1, float[] d2,
                                     int from, int to) {
        switch (f) {
            case SOFTPLUS -> PanamaDerivatives.softplus(in, value, d1, d2, from, to);
            case TANH -> PanamaDerivatives.tanh(in, value, d1, d2, from, to);
            case SILU -> PanamaDerivatives.silu(in, value, d1, d2, from, to);
            case RELU -> PanamaDerivatives.relu(in, value, d1, d2, from, to);
        }
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return PanamaDots.dot(a, aOff, b, bOff, n);
    }

    @Override
    public void rowDots(float[] a, int aOff, int rows, float[] b, int bOff, int cols, int n, float[] out, int outOff) {
        PanamaDots.rowDots(a, aOff, rows, b, bOff, cols, n, out, outOff);
    }

    @Override
    public void affineRows(float[] x, int xOff, int rows, int in, float[] w, float[] bias, float[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        for (int r = 0; r < rows; r++) {
            int o = outOff + r * n;
            int xr = xOff + r * in;
            int k = 0;
            for (; k < bound; k += L) {
                FloatVector acc = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, k);
                for (int j = 0; j < in; j++) {
                    acc = FloatVector.fromArray(S, w, j * n + k).lanewise(FMA, x[xr + j], acc);
                }
                acc.intoArray(out, o + k);
            }
            for (; k < n; k++) {
                float acc = bias == null ? 0f : bias[k];
                for (int j = 0; j < in; j++) {
                    acc = Math.fma(x[xr + j], w[j * n + k], acc);
                }
                out[o + k] = acc;
            }
        }
    }

    @Override
    public void accumulateRows(float[] m, int mOff, int rows, int n, float[] weights, int wOff, int wStride,
                               float[] acc, int accOff) {
        PanamaRows.accumulate(m, mOff, rows, n, weights, wOff, wStride, acc, accOff);
    }

    @Override
    public void sumRows(float[] m, int mOff, int rows, int n, float[] acc, int accOff) {
        PanamaRows.sum(m, mOff, rows, n, acc, accOff);
    }

    @Override
    public void productSum(float[] a, float[] b, float[] c, float[] v, float[] out, int off, int rows, int n) {
        int bound = S.loopBound(n);
        for (int r = 0; r < rows; r++) {
            int o = off + r * n;
            int k = 0;
            for (; k < bound; k += L) {
                FloatVector cv = FloatVector.fromArray(S, c, o + k).mul(FloatVector.fromArray(S, v, k));
                FloatVector.fromArray(S, a, o + k).fma(FloatVector.fromArray(S, b, o + k), cv).intoArray(out, o + k);
            }
            for (; k < n; k++) {
                out[o + k] = Math.fma(a[o + k], b[o + k], c[o + k] * v[k]);
            }
        }
    }

    @Override
    public void ridgeBackward(float[] x, int xOff, float[] g, int gOff, int rows, float[] v, float[] c, int n,
                              float[] a, float[] d1, float[] d2, float[] acc, int accX, int accDelta, int accGA, int accD1) {
        PanamaRidge.backward(x, xOff, g, gOff, rows, v, c, n, a, d1, d2, acc, accX, accDelta, accGA, accD1);
    }
}
