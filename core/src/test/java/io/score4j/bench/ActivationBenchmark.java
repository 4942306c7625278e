package io.score4j.bench;

import io.score4j.tensor.Activation;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Softplus over 4096 floats, reported per element: {@code provider=scalar|vector} runs the
 * {@link MathProvider} kernels, {@code mathLibrary} the plain {@code Math.exp}/{@code Math.log1p} loop
 * they replace. Run command: see {@link FusedMlpBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationBenchmark {
    private static final int N = 4096;

    @Param({"scalar", "vector"})
    public String provider;

    private MathProvider math;
    private final float[] in = new float[N];
    private final float[] value = new float[N];
    private final float[] d1 = new float[N];
    private final float[] d2 = new float[N];

    @Setup
    public void setUp() {
        math = "vector".equals(provider)
                ? VectorMath.vector().orElseThrow(() -> new IllegalStateException("jdk.incubator.vector not present"))
                : VectorMath.scalar();
        for (int i = 0; i < N; i++) {
            in[i] = (float) (8 * Math.sin(0.37 * i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] softplus() {
        math.softplus(in, value, 0, N);
        return value;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] softplusWithDerivatives() {
        math.applyWithDerivatives(Activation.SOFTPLUS, in, value, d1, d2, 0, N);
        return d2;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] mathLibrary() {
        for (int i = 0; i < N; i++) {
            float h = in[i];
            value[i] = (float) (Math.max(h, 0) + Math.log1p(Math.exp(-Math.abs(h))));
        }
        return value;
    }
}
