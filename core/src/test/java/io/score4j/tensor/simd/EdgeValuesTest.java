package io.score4j.tensor.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.score4j.tensor.Activation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The vector activations keep the scalar twins' bits on edge values too (±0, NaN, the −87 floor of
 * exp's argument and beyond, tiny and huge magnitudes), where compare-and-blend replaces {@code max}.
 * A NaN must stay NaN (a NaN with its sign bit set too, which the integer positive part and −|h| see as
 * negative); its sign and payload bits are the hardware's and not compared.
 */
class EdgeValuesTest {
    private static final float[] EDGES = {-0f, 0f, Float.NaN, -87f, -43.5f, -43.6f, -87.01f, -100f, 100f, 43.6f,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, 88f, -88f, 1f, -1f, 3e38f, -3e38f,
        Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0xff800001)};

    @Test
    void vectorActivationsMatchScalarBitsOnEdgeValues() {
        Optional<MathProvider> vector = VectorMath.vector();
        assumeTrue(vector.isPresent(), "Vector API module not present");
        MathProvider v = vector.get();
        MathProvider s = VectorMath.scalar();
        int n = 64 * EDGES.length;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = EDGES[(i * 7 + i / EDGES.length) % EDGES.length];
        }
        for (Activation f : Activation.values()) {
            float[][] a = {new float[n], new float[n], new float[n], new float[n]};
            float[][] b = {new float[n], new float[n], new float[n], new float[n]};
            s.apply(f, x, a[0], 0, n);
            v.apply(f, x, b[0], 0, n);
            s.applyWithDerivatives(f, x, a[1], a[2], a[3], 0, n);
            v.applyWithDerivatives(f, x, b[1], b[2], b[3], 0, n);
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < n; i++) {
                    assertSame(a[k][i], b[k][i], f + " output " + k + " at h = " + x[i]);
                }
            }
        }
        float[] sp = new float[n];
        float[] sg = new float[n];
        float[] spS = new float[n];
        s.softplus(x, spS, 0, n);
        v.softplusAndSigmoid(x, sp, sg, 0, n);
        for (int i = 0; i < n; i++) {
            assertSame(spS[i], sp[i], "softplusAndSigmoid at h = " + x[i]);
        }
    }

    private static void assertSame(float want, float got, String what) {
        if (Float.isNaN(want)) {
            assertEquals(true, Float.isNaN(got), what + ": want NaN, got " + got);
        } else {
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got), what);
        }
    }
}
