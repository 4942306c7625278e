package io.score4j.autodiff;

import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * Elementwise kernels over ranges of flat arrays, the only place elementwise primitives are
 * computed (eagerly or inside a fused {@link Plan}), so a value never depends on how it was
 * scheduled.
 *
 * <p>Each kernel reads elements [0, n) of its inputs (never modifying them) and overwrites
 * {@code out[0, n)}; {@code out} may be an input. All operands share one index (HotSpot's C2 only
 * vectorises loops whose arrays are indexed alike). Every element is computed by the same
 * operation sequence wherever a chunk starts, so computing a tensor in chunks gives the same bits
 * as computing it whole.
 *
 * <p>F64: exact formulas in double ({@link Math#exp}, {@link Math#log}, and the accurate
 * {@link #softplus(double)} and {@link #tanh(double)} below). F32: arithmetic in float, and
 * exp, softplus, sigmoid and tanh from {@link VectorMath#provider()} (Vector API where available,
 * bit-identical scalar fallback otherwise; error bounds in {@link MathProvider}); log in double,
 * rounded once.
 */
final class Elementwise {
    private static final MathProvider MATH = VectorMath.provider();

    private Elementwise() {}

    /** out[i] = a[i] op b[i] for i &lt; n, op one of ADD, SUB, MUL, DIV; modifies out. */
    static void binary(Primitive op, double[] a, double[] b, double[] out, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[i] - b[i]; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[i] * b[i]; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = a[i] / b[i]; }
            default -> throw new IllegalArgumentException(op + " is not elementwise binary");
        }
    }

    /** The float version of {@link #binary(Primitive, double[], double[], double[], int)}. */
    static void binary(Primitive op, float[] a, float[] b, float[] out, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[i] - b[i]; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[i] * b[i]; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = a[i] / b[i]; }
            default -> throw new IllegalArgumentException(op + " is not elementwise binary");
        }
    }

    /** out[i] = op(a[i]) for i &lt; n, op an elementwise unary primitive; modifies out. */
    static void unary(Primitive op, double[] a, double[] out, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[i] = -a[i]; }
            case EXP -> { for (int i = 0; i < n; i++) out[i] = Math.exp(a[i]); }
            case LOG -> { for (int i = 0; i < n; i++) out[i] = Math.log(a[i]); }
            case TANH -> { for (int i = 0; i < n; i++) out[i] = tanh(a[i]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) out[i] = 1.0 / (1.0 + Math.exp(-a[i])); }
            case SOFTPLUS -> { for (int i = 0; i < n; i++) out[i] = softplus(a[i]); }
            case RELU -> { for (int i = 0; i < n; i++) out[i] = a[i] > 0 ? a[i] : 0.0; }
            case STEP -> { for (int i = 0; i < n; i++) out[i] = a[i] > 0 ? 1.0 : 0.0; }
            default -> throw new IllegalArgumentException(op + " is not elementwise unary");
        }
    }

    /** The float version of {@link #unary(Primitive, double[], double[], int)}. */
    static void unary(Primitive op, float[] a, float[] out, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[i] = -a[i]; }
            case LOG -> { for (int i = 0; i < n; i++) out[i] = (float) Math.log(a[i]); }
            case RELU -> { for (int i = 0; i < n; i++) out[i] = a[i] > 0 ? a[i] : 0f; }
            case STEP -> { for (int i = 0; i < n; i++) out[i] = a[i] > 0 ? 1f : 0f; }
            case EXP -> MATH.exp(a, out, 0, n);
            case TANH -> MATH.tanh(a, out, 0, n);
            case SIGMOID -> MATH.sigmoid(a, out, 0, n);
            case SOFTPLUS -> MATH.softplus(a, out, 0, n);
            default -> throw new IllegalArgumentException(op + " is not elementwise unary");
        }
    }

    /**
     * softplus[i] = softplus(a[i]) and sigmoid[i] = σ(a[i]) for i &lt; n from one shared exponential
     * (F32: {@link MathProvider#softplusAndSigmoid}, which gives the bits of the two separate
     * kernels); modifies softplus and sigmoid, either of which may be a.
     */
    static void softplusAndSigmoid(float[] a, float[] softplus, float[] sigmoid, int n) {
        MATH.softplusAndSigmoid(a, softplus, sigmoid, 0, n);
    }

    /**
     * log(1 + eˣ) = max(x, 0) + log1p(e^−|x|), with log1p by Goldberg's trick
     * {@code log(u)·e/(u−1)}, u = 1 + e (accurate to a few ulp; JDK 17's Math.log1p is a slow
     * native call).
     */
    static double softplus(double x) {
        double e = Math.exp(-Math.abs(x));
        double u = 1.0 + e;
        double l = u == 1.0 ? e : Math.log(u) * (e / (u - 1.0));
        return Math.max(x, 0.0) + l;
    }

    /**
     * tanh x = sign(x)·(1 − t)/(1 + t), t = e^−2|x|; a Taylor polynomial for |x| &lt; 2⁻⁵ where
     * 1 − t would cancel (truncation error below 1e−17 relative; elsewhere the error is below
     * 2e−15 relative). JDK 17's Math.tanh is a slow native call.
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0x1p-5) {
            double x2 = x * x;
            return x * (1.0 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315 + x2 * (62.0 / 2835)))));
        }
        double t = Math.exp(-2.0 * ax);
        double r = (1.0 - t) / (1.0 + t);
        return x < 0 ? -r : r;
    }
}
