package io.score4j.autodiff;

import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * Scalar helpers of the elementwise kernels, which live with their ops in {@link Primitive} and
 * are the only code computing elementwise primitives (alone or inside a fused executor plan), so a
 * value never depends on how it was scheduled. Kernels index all operands alike (HotSpot's C2 only
 * vectorises loops whose arrays are indexed alike).
 *
 * <p>F64: exact formulas in double ({@link Math#exp}, {@link Math#log}, and the accurate
 * {@link #softplus(double)} and {@link #tanh(double)} below). F32: arithmetic in float, and
 * exp, softplus, sigmoid and tanh from {@link VectorMath#provider()} (Vector API where available,
 * bit-identical scalar fallback otherwise; error bounds in {@link MathProvider}); log in double,
 * rounded once.
 */
final class Elementwise {
    static final MathProvider MATH = VectorMath.provider();

    private Elementwise() {}

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
