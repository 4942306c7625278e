package io.score4j.tensor.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.tensor.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every bound stated on {@link MathProvider} against double-precision {@code Math} over a dense
 * sweep: every 1999th float bit pattern of both signs up to the range limit (~1.1·10⁶ points, a relative
 * spacing of 2.4e-4, spread evenly in ulps, so tiny, mid and large magnitudes are
 * all covered), for both providers.
 */
class ApproximationBoundsTest {
    static Stream<MathProvider> providers() {
        List<MathProvider> ps = new ArrayList<>();
        ps.add(VectorMath.scalar());
        VectorMath.vector().ifPresent(ps::add);
        return ps.stream();
    }

    /** Floats x with |x| ≤ limit, every {@code stride}-th bit pattern, both signs, plus ±limit. */
    static float[] sweep(float limit, int stride) {
        int top = Float.floatToRawIntBits(limit);
        int count = top / stride + 1;
        float[] x = new float[2 * count + 2];
        for (int i = 0; i < count; i++) {
            float v = Float.intBitsToFloat(i * stride);
            x[2 * i] = v;
            x[2 * i + 1] = -v;
        }
        x[2 * count] = limit;
        x[2 * count + 1] = -limit;
        return x;
    }

    private static double maxRel(float[] got, float[] x, DoubleUnaryOperator exact) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double e = exact.applyAsDouble(x[i]);
            if (e != 0) {
                m = Math.max(m, Math.abs(got[i] - e) / Math.abs(e));
            }
        }
        return m;
    }

    private static double sigmoid(double h) {
        double e = Math.exp(-Math.abs(h));
        return h >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void expWithinBound(MathProvider p) {
        float[] x = sweep(87.3f, 1999);
        float[] y = new float[x.length];
        p.exp(x, y, 0, x.length);
        double err = maxRel(y, x, Math::exp);
        assertTrue(err <= MathProvider.EXP_REL, "exp rel " + err);
        float[] edge = {-200f, -104f, 89f, 200f, Float.NaN, 88.72f};
        float[] out = new float[edge.length];
        p.exp(edge, out, 0, edge.length);
        assertEquals(0f, out[0]);
        assertEquals(0f, out[1]);
        assertEquals(Float.POSITIVE_INFINITY, out[2]);
        assertEquals(Float.POSITIVE_INFINITY, out[3]);
        assertTrue(Float.isNaN(out[4]));
        assertEquals(Math.exp(88.72f), out[5], MathProvider.EXP_REL * Math.exp(88.72f));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void softplusFamilyWithinBounds(MathProvider p) {
        float[] x = sweep(87f, 1999);
        int n = x.length;
        float[] v = new float[n];
        float[] d1 = new float[n];
        float[] d2 = new float[n];
        p.applyWithDerivatives(Activation.SOFTPLUS, x, v, d1, d2, 0, n);
        assertTrue(maxRel(v, x, h -> Math.max(h, 0) + Math.log1p(Math.exp(-Math.abs(h)))) <= MathProvider.SOFTPLUS_REL);
        assertTrue(maxRel(d1, x, ApproximationBoundsTest::sigmoid) <= MathProvider.SIGMOID_REL);
        double d2err = maxRel(d2, x, h -> sigmoid(h) * sigmoid(-h));
        assertTrue(d2err <= MathProvider.SOFTPLUS_D2_REL, "d2 rel " + d2err);
        float[] sp = new float[n];
        float[] sg = new float[n];
        p.softplus(x, sp, 0, n);
        assertTrue(maxRel(sp, x, h -> Math.max(h, 0) + Math.log1p(Math.exp(-Math.abs(h)))) <= MathProvider.SOFTPLUS_REL);
        p.sigmoid(x, sg, 0, n);
        assertTrue(maxRel(sg, x, ApproximationBoundsTest::sigmoid) <= MathProvider.SIGMOID_REL);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void tanhWithinBounds(MathProvider p) {
        float[] x = sweep(87f, 1999);
        int n = x.length;
        float[] v = new float[n];
        float[] d1 = new float[n];
        float[] d2 = new float[n];
        float[] t = new float[n];
        p.applyWithDerivatives(Activation.TANH, x, v, d1, d2, 0, n);
        p.tanh(x, t, 0, n);
        double abs = 0;
        double d2abs = 0;
        double d1rel = 0;
        for (int i = 0; i < n; i++) {
            double th = Math.tanh(x[i]);
            double g = 1 / (Math.cosh(x[i]) * Math.cosh(x[i]));
            abs = Math.max(abs, Math.max(Math.abs(v[i] - th), Math.abs(t[i] - th)));
            d2abs = Math.max(d2abs, Math.abs(d2[i] + 2 * th * g));
            if (Math.abs(x[i]) <= 43) {
                d1rel = Math.max(d1rel, Math.abs(d1[i] - g) / g);
            }
        }
        double rel = Math.max(maxRel(v, x, Math::tanh), maxRel(t, x, Math::tanh));
        assertTrue(abs <= MathProvider.TANH_ABS, "tanh abs " + abs);
        assertTrue(rel <= MathProvider.TANH_REL, "tanh rel " + rel);
        assertTrue(d1rel <= MathProvider.TANH_D1_REL, "tanh' rel " + d1rel);
        assertTrue(d2abs <= MathProvider.TANH_D2_ABS, "tanh'' abs " + d2abs);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void siluAndReluWithinBounds(MathProvider p) {
        float[] x = sweep(87f, 1999);
        int n = x.length;
        float[] v = new float[n];
        float[] d1 = new float[n];
        float[] d2 = new float[n];
        float[] s = new float[n];
        p.applyWithDerivatives(Activation.SILU, x, v, d1, d2, 0, n);
        p.silu(x, s, 0, n);
        double err = 0;
        for (int i = 0; i < n; i++) {
            double h = x[i];
            double q = sigmoid(h);
            double q1 = sigmoid(-h);
            double scale = Math.max(1, Math.abs(h));
            err = Math.max(err, Math.abs(v[i] - h * q) / scale);
            err = Math.max(err, Math.abs(s[i] - h * q) / scale);
            err = Math.max(err, Math.abs(d1[i] - q * (1 + h * q1)) / scale);
            err = Math.max(err, Math.abs(d2[i] - q * q1 * (2 + h * (q1 - q))) / scale);
        }
        assertTrue(err <= MathProvider.SILU_ABS, "silu abs " + err);
        p.applyWithDerivatives(Activation.RELU, x, v, d1, d2, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.max(x[i], 0f), v[i]);
            assertEquals(x[i] > 0 ? 1f : 0f, d1[i]);
            assertEquals(0f, d2[i]);
        }
    }
}
