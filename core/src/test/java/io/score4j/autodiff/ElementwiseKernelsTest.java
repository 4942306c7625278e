package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
import org.junit.jupiter.api.Test;

/** The package-private kernels against plain reference loops, on ranges that start and end mid-row. */
/** The elementwise kernels of {@link Primitive} against plain references and the provider bounds. */
final class ElementwiseKernelsTest {

    @Test
    void f64ElementwiseIsExact() {
        double[] x = Draw.normalDouble(Key.of(3), 1000);
        double[] out = new double[x.length];
        Primitive.EXP.compute(x, out, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.exp(x[i]), out[i], 0.0);
        }
        Primitive.SIGMOID.compute(x, out, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(1.0 / (1.0 + Math.exp(-x[i])), out[i], 0.0);
        }
        double[] y = Draw.normalDouble(Key.of(4), 1000);
        Primitive.DIV.compute(x, y, out, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] / y[i], out[i], 0.0);
        }
    }

    @Test
    void softplusAndTanhAreAccurateToAFewUlps() {
        for (int i = -4000; i <= 4000; i++) {
            double x = i * 0.01 + 1e-3;
            double sp = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            assertEquals(sp, Elementwise.softplus(x), 4 * Math.ulp(sp));
            double th = Math.tanh(x);
            assertEquals(th, Elementwise.tanh(x), 2e-15 * Math.abs(th) + Double.MIN_VALUE);
        }
        assertEquals(1e-9, Elementwise.tanh(1e-9), 0.0);
        assertEquals(Math.exp(-50), Elementwise.softplus(-50), 4 * Math.ulp(Math.exp(-50)));
    }

    /** F32 transcendentals come from the MathProvider; its documented bounds hold over [−20, 20]. */
    @Test
    void f32TranscendentalsStayWithinTheProviderBounds() {
        int n = 40001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i - 20000) * 1e-3f + 1.7e-4f;
        }
        float[] out = new float[n];
        Primitive.EXP.compute(x, out, n);
        for (int i = 0; i < n; i++) {
            double e = Math.exp(x[i]);
            assertEquals(e, out[i], MathProvider.EXP_REL * e);
        }
        Primitive.SOFTPLUS.compute(x, out, n);
        for (int i = 0; i < n; i++) {
            double sp = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs((double) x[i])));
            assertEquals(sp, out[i], MathProvider.SOFTPLUS_REL * sp);
        }
        Primitive.SIGMOID.compute(x, out, n);
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-(double) x[i]));
            assertEquals(s, out[i], MathProvider.SIGMOID_REL * s);
        }
        Primitive.TANH.compute(x, out, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.tanh(x[i]), out[i], MathProvider.TANH_ABS);
        }
        Primitive.EXP.compute(x, out, n);
        float[] back = new float[n];
        Primitive.LOG.compute(out, back, n);
        for (int i = 0; i < n; i++) {
            assertEquals((float) Math.log(out[i]), back[i], 0f);
        }
    }

    /** Plans compute a softplus and a sigmoid of one input together; that must not change a bit. */
    @Test
    void sharedSoftplusAndSigmoidEqualTheSeparateKernels() {
        float[] x = toFloat(Draw.normalDouble(Key.of(8), 1031));
        for (int i = 0; i < x.length; i++) {
            x[i] *= 30;
        }
        float[] sp = new float[x.length];
        float[] sg = new float[x.length];
        VectorMath.provider().softplusAndSigmoid(x, sp, sg, 0, x.length);
        float[] sp1 = new float[x.length];
        float[] sg1 = new float[x.length];
        Primitive.SOFTPLUS.compute(x, sp1, x.length);
        Primitive.SIGMOID.compute(x, sg1, x.length);
        assertArrayEquals(sp1, sp, 0f);
        assertArrayEquals(sg1, sg, 0f);
    }

    @Test
    void f32ArithmeticIsPlainFloatArithmetic() {
        float[] a = toFloat(Draw.normalDouble(Key.of(5), 257));
        float[] b = toFloat(Draw.normalDouble(Key.of(6), 257));
        float[] out = new float[257];
        Primitive.MUL.compute(a, b, out, 257);
        float[] ref = new float[257];
        for (int i = 0; i < 257; i++) {
            ref[i] = a[i] * b[i];
        }
        assertArrayEquals(ref, out, 0f);
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
