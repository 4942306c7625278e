package io.score4j.tensor.simd;

import io.score4j.tensor.Activation;

/**
 * Float array kernels with two implementations chosen once at start-up by {@link VectorMath}: a
 * scalar one and one on the JDK Vector API. Both run the same operation sequence per element, and the
 * reductions ({@link #dot}, {@link #rowDots}) sum in {@link FixedOrder}'s one order, so every kernel
 * gives bit-identical results on either provider and at every vector width (512, 256, 128 bits): the
 * bits of a result do not depend on the CPU.
 *
 * <p>Shape convention: kernels of the form {@code kernel(in, out, from, to)} read {@code in[i]} and
 * write {@code out[i]} for {@code from <= i < to} and touch nothing else; an output may be the same
 * array as the input (in place). Matrices are flat row-major arrays.
 *
 * <p>Error bounds, measured by the tests against {@code Math.exp}/{@code Math.log1p}/{@code Math.tanh}
 * in double over dense sweeps of float arguments ({@code rel} = |approx − exact| / |exact|,
 * {@code abs} = |approx − exact|); they hold for both providers, which agree bit for bit here:
 * <ul>
 *   <li>{@link #exp}: rel ≤ {@value #EXP_REL} for x in [−87.3, 88.7] (normal results); 0 below about
 *       −103.3 with denormal results between; +Inf above about 88.72.</li>
 *   <li>softplus value: rel ≤ {@value #SOFTPLUS_REL}; sigmoid (also softplus' σ'): rel ≤
 *       {@value #SIGMOID_REL}; softplus' σ'' = p(1 − p): rel ≤ {@value #SOFTPLUS_D2_REL}; all for |h| ≤ 87.
 *       Beyond, exp(−|h|) is floored at e⁻⁸⁷ ≈ 1.6e-38 (an abs error below 2e-38).</li>
 *   <li>tanh: abs ≤ {@value #TANH_ABS}, rel ≤ {@value #TANH_REL} (no cancellation near 0: it is formed
 *       from expm1); σ' = 1 − tanh²: rel ≤ {@value #TANH_D1_REL} for |h| ≤ 43; σ'': abs ≤ {@value #TANH_D2_ABS}.</li>
 *   <li>silu value, σ' and σ'': abs ≤ {@value #SILU_ABS}·max(1, |h|).</li>
 *   <li>relu: exact.</li>
 * </ul>
 * Arguments are assumed finite; NaN propagates in exp, softplus, sigmoid and tanh.
 */
public sealed interface MathProvider permits ScalarMath, PanamaMath {
    /** Relative error bound of {@link #exp} in the normal range. */
    double EXP_REL = 1.5e-7;
    /** Relative error bound of softplus values. */
    double SOFTPLUS_REL = 2.5e-7;
    /** Relative error bound of sigmoid, which is also softplus' first derivative. */
    double SIGMOID_REL = 2.5e-7;
    /** Relative error bound of softplus' second derivative p(1 − p). */
    double SOFTPLUS_D2_REL = 4e-7;
    /** Absolute error bound of tanh. */
    double TANH_ABS = 2.5e-7;
    /** Relative error bound of tanh. */
    double TANH_REL = 3e-7;
    /** Relative error bound of tanh' = 1 − tanh² for |h| ≤ 43. */
    double TANH_D1_REL = 5e-7;
    /** Absolute error bound of tanh'' = −2 tanh (1 − tanh²). */
    double TANH_D2_ABS = 5e-7;
    /** Absolute error bound, relative to max(1, |h|), of silu, silu' and silu''. */
    double SILU_ABS = 2.5e-7;

    /** "scalar" or "vector(&lt;bits&gt;)". */
    String name();

    /** out[i] = eˣ for x = in[i]; modifies out[from, to). */
    void exp(float[] in, float[] out, int from, int to);

    /** out[i] = log(1 + e^in[i]); modifies out[from, to). */
    void softplus(float[] in, float[] out, int from, int to);

    /** out[i] = 1 / (1 + e^−in[i]); modifies out[from, to). */
    void sigmoid(float[] in, float[] out, int from, int to);

    /** Softplus and its derivative (sigmoid) from one shared exp; modifies softplus[from, to) and sigmoid[from, to). */
    void softplusAndSigmoid(float[] in, float[] softplus, float[] sigmoid, int from, int to);

    /** out[i] = tanh in[i]; modifies out[from, to). */
    void tanh(float[] in, float[] out, int from, int to);

    /** out[i] = in[i]·sigmoid(in[i]); modifies out[from, to). */
    void silu(float[] in, float[] out, int from, int to);

    /** out[i] = max(in[i], 0); modifies out[from, to). */
    void relu(float[] in, float[] out, int from, int to);

    /** out[i] = f(in[i]); modifies out[from, to). */
    default void apply(Activation f, float[] in, float[] out, int from, int to) {
        switch (f) {
            case SOFTPLUS -> softplus(in, out, from, to);
            case TANH -> tanh(in, out, from, to);
            case SILU -> silu(in, out, from, to);
            case RELU -> relu(in, out, from, to);
        }
    }

    /**
     * value[i] = f(h), d1[i] = f'(h), d2[i] = f''(h) for h = in[i] (formulas on {@link Activation});
     * modifies value, d1 and d2 on [from, to). Each output may be {@code in} itself.
     */
    void applyWithDerivatives(Activation f, float[] in, float[] value, float[] d1, float[] d2, int from, int to);

    /** Σ_{i<n} a[aOff+i]·b[bOff+i] in {@link FixedOrder}'s order (16 interleaved partials); modifies nothing. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /**
     * out[outOff + r·cols + j] = Σ_{k<n} a[aOff + r·n + k] · b[bOff + j·n + k] for r < rows, j < cols
     * (A·Bᵀ with A [rows, n], B [cols, n]), each entry {@link #dot}'s bits; modifies out[outOff, outOff + rows·cols).
     */
    void rowDots(float[] a, int aOff, int rows, float[] b, int bOff, int cols, int n, float[] out, int outOff);

    /**
     * out[outOff + r·n + k] = bias[k] + Σ_{j<in} x[xOff + r·in + j] · w[j·n + k], the sum taken in order
     * j = 0, 1, … with fused multiply-adds (x [rows, in] times w [in, n] plus bias [n]; a null bias is 0);
     * modifies out[outOff, outOff + rows·n).
     */
    void affineRows(float[] x, int xOff, int rows, int in, float[] w, float[] bias, float[] out, int outOff, int n);

    /**
     * acc[accOff + k] += Σ_{r<rows} weights[wOff + r·wStride] · m[mOff + r·n + k] for k < n, added one row at a
     * time in order r = 0, 1, … with fused multiply-adds (acc += Mᵀw); modifies acc[accOff, accOff + n).
     */
    void accumulateRows(float[] m, int mOff, int rows, int n, float[] weights, int wOff, int wStride,
                        float[] acc, int accOff);

    /** acc[accOff + k] += Σ_{r<rows} m[mOff + r·n + k], one row at a time in order; modifies acc[accOff, accOff + n). */
    void sumRows(float[] m, int mOff, int rows, int n, float[] acc, int accOff);

    /**
     * out[off + r·n + k] = a[off + r·n + k]·b[off + r·n + k] + c[off + r·n + k]·v[k] (v broadcast over the rows),
     * computed as fma(a, b, c·v); modifies out[off, off + rows·n). out may be a, b or c.
     */
    void productSum(float[] a, float[] b, float[] c, float[] v, float[] out, int off, int rows, int n);

    /**
     * Backward accumulation of a [1, n, 1] network over rows r = 0, 1, … in order: for k < n, with
     * δ = fma(d1[r·n+k], g[gOff+r]·v[k], d2[r·n+k]·c[k]), adds fma(x[xOff+r], δ, ·) to acc[accX + k], δ to
     * acc[accDelta + k], fma(g[gOff+r], a[r·n+k], ·) to acc[accGA + k] and d1[r·n+k] to acc[accD1 + k].
     * Modifies those four ranges of acc. Each element's additions are in row order, identically for
     * both providers (bit-identical results).
     */
    void ridgeBackward(float[] x, int xOff, float[] g, int gOff, int rows, float[] v, float[] c, int n,
                       float[] a, float[] d1, float[] d2, float[] acc, int accX, int accDelta, int accGA, int accD1);
}
