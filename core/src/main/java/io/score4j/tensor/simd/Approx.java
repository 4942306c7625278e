package io.score4j.tensor.simd;

/**
 * Scalar float approximations shared by both providers. {@link PanamaMath} runs the very same
 * operation sequence lane by lane (fused multiply-adds included), so elementwise kernels of the two
 * providers agree bit for bit; the scalar versions also serve the vector kernels' tails.
 *
 * <p>exp: x = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite, two-part ln2), eʳ − 1 ≈ r + r²Q(r) with a
 * degree-4 Q fitted by Lawson's minimax iteration (polynomial error 3.8e-9 relative after rounding the
 * coefficients to float), then scaled by 2ⁿ built from exponent bits. log1p on [0, 1]:
 * log(1 + t) ≈ t + t²P(t) with degree-7 P (relative polynomial error 4.4e-8). The bounds quoted on
 * {@link MathProvider} include float rounding and are checked by tests over dense sweeps.
 */
final class Approx {
    private Approx() {}

    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.42860676533018e-6f;
    /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer held in the low bits. */
    static final float ROUND = 0x1.8p23f;
    static final int ROUND_BITS = 0x4B400000;
    /** Clamp of the general exp: below it the result underflows to 0, above it overflows to +Inf. */
    static final float EXP_LO = -104f;
    static final float EXP_HI = 89f;
    /** Floor of the argument of the activations' exp(−|h|·k): keeps 2ⁿ a normal float. */
    static final float NEG_FLOOR = -87f;

    static final float E0 = 0.4999999403953552f;
    static final float E1 = 0.1666652113199234f;
    static final float E2 = 0.04166838899254799f;
    static final float E3 = 0.008368710055947304f;
    static final float E4 = 0.001381461275741458f;

    static final float L0 = -0.49999648332595825f;
    static final float L1 = 0.3332132399082184f;
    static final float L2 = -0.24857163429260254f;
    static final float L3 = 0.191536545753479f;
    static final float L4 = -0.13753801584243774f;
    static final float L5 = 0.07920452207326889f;
    static final float L6 = -0.030065786093473434f;
    static final float L7 = 0.005364822689443827f;

    /** eʳ − 1 for |r| ≤ ln2/2. */
    static float expm1Poly(float r) {
        float q = Math.fma(E4, r, E3);
        q = Math.fma(q, r, E2);
        q = Math.fma(q, r, E1);
        q = Math.fma(q, r, E0);
        return Math.fma(r * r, q, r);
    }

    /** log(1 + t) for t in [0, 1]. */
    static float log1pUnit(float t) {
        float q = Math.fma(L7, t, L6);
        q = Math.fma(q, t, L5);
        q = Math.fma(q, t, L4);
        q = Math.fma(q, t, L3);
        q = Math.fma(q, t, L2);
        q = Math.fma(q, t, L1);
        q = Math.fma(q, t, L0);
        return Math.fma(t * t, q, t);
    }

    /** eˣ over all floats: 0 below about −103.3, +Inf above about 88.72, NaN for NaN. */
    static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_LO), EXP_HI);
        float t = Math.fma(xc, LOG2E, ROUND);
        float n = t - ROUND;
        int ni = Float.floatToRawIntBits(t) - ROUND_BITS;
        float r = Math.fma(n, -LN2_HI, xc);
        r = Math.fma(n, -LN2_LO, r);
        float p = 1f + expm1Poly(r);
        int n1 = ni >> 1;
        float s1 = Float.intBitsToFloat((n1 + 127) << 23);
        float s2 = Float.intBitsToFloat((ni - n1 + 127) << 23);
        return p * s1 * s2;
    }

    /** The reduced argument r = y − n·ln2 (two-part ln2). */
    static float reduce(float y, float n) {
        return Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, y));
    }

    /** Rounded y·log2e as an integral float, for y in [−87, 0]. */
    static float roundedExponent(float y) {
        return Math.fma(y, LOG2E, ROUND) - ROUND;
    }

    /** 2ⁿ for an integral float n in [−126, 127]. */
    static float scaleOf(float n) {
        return Float.intBitsToFloat((int) n + 127 << 23);
    }

    /** exp(max(y, −87)) for y ≤ 0. */
    static float expNonPositive(float y) {
        float yc = Math.max(y, NEG_FLOOR);
        float n = roundedExponent(yc);
        return (1f + expm1Poly(reduce(yc, n))) * scaleOf(n);
    }

    static float softplus(float h) {
        return Math.max(h, 0f) + log1pUnit(expNonPositive(-Math.abs(h)));
    }

    static float sigmoid(float h) {
        float e = expNonPositive(-Math.abs(h));
        float r = 1f / (1f + e);
        return h >= 0f ? r : e * r;
    }

    static float tanh(float h) {
        float y = Math.max(-2f * Math.abs(h), NEG_FLOOR);
        float n = roundedExponent(y);
        float s = scaleOf(n);
        float m = Math.fma(s, expm1Poly(reduce(y, n)), s - 1f);
        float t = (0f - m) / (2f + m);
        return h < 0f ? -t : t;
    }

    static float silu(float h) {
        return h * sigmoid(h);
    }

    /** Writes softplus(h), sigmoid(h), sigmoid(h)(1 − sigmoid(h)) at index i of v, d1, d2. */
    static void softplusDerivs(float h, float[] v, float[] d1, float[] d2, int i) {
        float e = expNonPositive(-Math.abs(h));
        float r = 1f / (1f + e);
        float er = e * r;
        v[i] = Math.max(h, 0f) + log1pUnit(e);
        d1[i] = h >= 0f ? r : er;
        d2[i] = er * r;
    }

    /** Writes tanh h, 1 − tanh²h = 4e/(1+e)² (e = exp(−2|h|)), and −2 tanh h (1 − tanh²h). */
    static void tanhDerivs(float h, float[] v, float[] d1, float[] d2, int i) {
        float y = Math.max(-2f * Math.abs(h), NEG_FLOOR);
        float n = roundedExponent(y);
        float s = scaleOf(n);
        float em = expm1Poly(reduce(y, n));
        float m = Math.fma(s, em, s - 1f);
        float e = (1f + em) * s;
        float q = 1f / (2f + m);
        float tabs = (0f - m) * q;
        float t = h < 0f ? -tabs : tabs;
        float g = 4f * e * q * q;
        v[i] = t;
        d1[i] = g;
        d2[i] = -2f * t * g;
    }

    /** Writes h·p, p(1 + h(1 − p)), p(1 − p)(2 + h(1 − 2p)) with p = sigmoid(h), 1 − p formed without cancellation. */
    static void siluDerivs(float h, float[] v, float[] d1, float[] d2, int i) {
        float e = expNonPositive(-Math.abs(h));
        float r = 1f / (1f + e);
        float er = e * r;
        boolean pos = h >= 0f;
        float p = pos ? r : er;
        float q = pos ? er : r;
        v[i] = h * p;
        d1[i] = p * Math.fma(h, q, 1f);
        d2[i] = p * q * Math.fma(h, q - p, 2f);
    }

    /** Writes max(h, 0), [h > 0], 0. */
    static void reluDerivs(float h, float[] v, float[] d1, float[] d2, int i) {
        v[i] = Math.max(h, 0f);
        d1[i] = h > 0f ? 1f : 0f;
        d2[i] = 0f;
    }
}
