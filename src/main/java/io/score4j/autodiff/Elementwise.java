package io.score4j.autodiff;

/**
 * Elementwise kernels over flat arrays: the one place to swap in Vector-API versions later.
 *
 * <p>Every method has the shape {@code op(a[, b], out)}: it reads {@code a} (and {@code b}), which
 * it never modifies, and overwrites {@code out[0 … a.length)}; {@code out} may alias an input.
 * F32 arithmetic is done in float; transcendental functions are evaluated in double and rounded
 * once to float (as accurate as a float kernel can be, and no slower in scalar code).
 */
final class Elementwise {
    private Elementwise() {}

    static void add(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
    }

    static void add(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
    }

    static void sub(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
    }

    static void sub(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
    }

    static void mul(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
    }

    static void mul(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
    }

    static void div(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
    }

    static void div(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
    }

    static void neg(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
    }

    static void neg(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
    }

    static void exp(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    static void exp(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.exp(a[i]);
        }
    }

    static void log(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.log(a[i]);
        }
    }

    static void log(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) Math.log(a[i]);
        }
    }

    static void tanh(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = tanh(a[i]);
        }
    }

    static void tanh(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) tanh(a[i]);
        }
    }

    static void sigmoid(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-a[i]));
        }
    }

    static void sigmoid(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (1.0 / (1.0 + Math.exp(-a[i])));
        }
    }

    static void softplus(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = softplus(a[i]);
        }
    }

    static void softplus(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) softplus(a[i]);
        }
    }

    static void relu(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    static void relu(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? a[i] : 0f;
        }
    }

    static void step(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? 1.0 : 0.0;
        }
    }

    static void step(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? 1f : 0f;
        }
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
