package io.score4j.tensor.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Dot products follow {@link FixedOrder}'s documented order in both providers: checked bit for bit
 * against an independent transcription of the order (an array of 16 partials, then the halving tree),
 * on lengths with every tail, row counts that leave row remainders, and offsets.
 */
class FixedOrderTest {
    private static float[] input(long seed, int n) {
        double[] d = Draw.normalDouble(Key.of(seed), n);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (d[i] * (1 + i % 7));
        }
        return f;
    }

    /** The order as the Javadoc states it, written out independently of the code under test. */
    private static float reference(float[] a, int ao, float[] b, int bo, int n) {
        float[] l = new float[16];
        for (int i = 0; i < n; i++) {
            l[i % 16] = Math.fma(a[ao + i], b[bo + i], l[i % 16]);
        }
        for (int width = 8; width >= 1; width /= 2) {
            for (int j = 0; j < width; j++) {
                l[j] = l[j] + l[j + width];
            }
        }
        return l[0];
    }

    @Test
    void scalarDotIsTheDocumentedOrder() {
        float[] a = input(1, 2100);
        float[] b = input(2, 2100);
        for (int n = 0; n <= 2048; n += n < 70 ? 1 : 97) {
            float want = reference(a, 3, b, 5, n);
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(FixedOrder.dot(a, 3, b, 5, n)), "n=" + n);
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(VectorMath.scalar().dot(a, 3, b, 5, n)), "n=" + n);
        }
    }

    @Test
    void vectorDotsHaveTheScalarBits() {
        Optional<MathProvider> vector = VectorMath.vector();
        assumeTrue(vector.isPresent(), "Vector API module not present");
        MathProvider v = vector.get();
        float[] a = input(3, 12 * 1100);
        float[] b = input(4, 4 * 1100);
        for (int n : new int[] {0, 1, 4, 7, 8, 15, 16, 17, 31, 32, 33, 47, 64, 100, 1024, 1031}) {
            for (int rows = 1; rows <= 9; rows++) {
                for (int cols = 1; cols <= 3; cols++) {
                    float[] got = new float[rows * cols + 2];
                    v.rowDots(a, 7, rows, b, 3, cols, n, got, 2);
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < cols; j++) {
                            float want = reference(a, 7 + r * n, b, 3 + j * n, n);
                            String at = "n=" + n + " rows=" + rows + " cols=" + cols + " r=" + r + " j=" + j;
                            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got[2 + r * cols + j]), at);
                        }
                    }
                }
            }
            assertEquals(Float.floatToRawIntBits(reference(a, 1, b, 2, n)), Float.floatToRawIntBits(v.dot(a, 1, b, 2, n)), "dot n=" + n);
        }
    }
}
