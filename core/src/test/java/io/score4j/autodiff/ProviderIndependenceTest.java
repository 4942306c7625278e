package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine's F32 results must not depend on whether the Vector API is available (a run without
 * {@code --add-modules jdk.incubator.vector} must reproduce a run with it, e.g. when a killed
 * training resumes in another JVM). So it only uses the {@link MathProvider} kernels whose
 * vector and scalar implementations agree bit for bit; this checks each of them on lengths
 * that leave vector tails.
 */
final class ProviderIndependenceTest {

    @Test
    void everyProviderKernelTheEngineUsesGivesTheSameBitsScalarOrVector() {
        Optional<MathProvider> vector = VectorMath.vector();
        assumeTrue(vector.isPresent(), "Vector API module not present");
        MathProvider v = vector.get();
        MathProvider s = VectorMath.scalar();
        float[] x = ElementwiseKernelsTest.toFloat(Draw.normalDouble(Key.of(1), 4099));
        for (int i = 0; i < x.length; i++) {
            x[i] *= 12;
        }
        int n = x.length;
        assertArrayEquals(run(s, 0, x, n), run(v, 0, x, n), 0f, "exp");
        assertArrayEquals(run(s, 1, x, n), run(v, 1, x, n), 0f, "softplus");
        assertArrayEquals(run(s, 2, x, n), run(v, 2, x, n), 0f, "sigmoid");
        assertArrayEquals(run(s, 3, x, n), run(v, 3, x, n), 0f, "tanh");
        float[] sp = new float[n];
        float[] sg = new float[n];
        v.softplusAndSigmoid(x, sp, sg, 0, n);
        assertArrayEquals(run(s, 1, x, n), sp, 0f, "softplusAndSigmoid softplus");
        assertArrayEquals(run(s, 2, x, n), sg, 0f, "softplusAndSigmoid sigmoid");
        for (int[] shape : new int[][] {{7, 1, 33}, {5, 3, 40}, {9, 40, 17}, {3, 2, 1000}}) {
            int rows = shape[0];
            int in = shape[1];
            int cols = shape[2];
            float[] w = ElementwiseKernelsTest.toFloat(Draw.normalDouble(Key.of(2), in * cols));
            float[] a = new float[rows * cols];
            float[] b = new float[rows * cols];
            s.affineRows(x, 3, rows, in, w, null, a, 0, cols);
            v.affineRows(x, 3, rows, in, w, null, b, 0, cols);
            assertArrayEquals(a, b, 0f, "affineRows");
            float[] accS = ElementwiseKernelsTest.toFloat(Draw.normalDouble(Key.of(3), cols));
            float[] accV = accS.clone();
            s.accumulateRows(x, 5, rows, cols, w, 1, in, accS, 0);
            v.accumulateRows(x, 5, rows, cols, w, 1, in, accV, 0);
            assertArrayEquals(accS, accV, 0f, "accumulateRows");
            s.sumRows(x, 2, rows, cols, accS, 0);
            v.sumRows(x, 2, rows, cols, accV, 0);
            assertArrayEquals(accS, accV, 0f, "sumRows");
        }
    }

    private static float[] run(MathProvider p, int f, float[] x, int n) {
        float[] out = new float[n];
        switch (f) {
            case 0 -> p.exp(x, out, 0, n);
            case 1 -> p.softplus(x, out, 0, n);
            case 2 -> p.sigmoid(x, out, 0, n);
            default -> p.tanh(x, out, 0, n);
        }
        return out;
    }
}
