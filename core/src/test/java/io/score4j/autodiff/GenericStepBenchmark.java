package io.score4j.autodiff;

import io.score4j.Parallelism;
import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.objective.ExactScoreMatching;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact-score-matching step (loss and gradient) of the MLP [1, 1024, 1] softplus at batch
 * 2048 through the generic autodiff path, per thread count and dtype. Sample time, so the JMH
 * report gives the median (p0.50). Run after {@code mvn -o -q test-compile} with
 * {@code java -cp target/classes:target/test-classes:<test deps> org.openjdk.jmh.Main GenericStepBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GenericStepBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"F32"})
    public String dtype;

    private final ExactScoreMatching esm = new ExactScoreMatching();
    private MlpSpec spec;
    private Params params;
    private Tensor batch;
    private Parallelism parallelism;

    @Setup
    public void setup() {
        parallelism = Parallelism.of(threads);
        DType dt = DType.valueOf(dtype);
        spec = new MlpSpec(new int[] {1, 1024, 1}, Activation.SOFTPLUS);
        params = MlpInit.init(spec, Init.NORMAL, Key.of(0), dt);
        batch = Tensor.wrap(Draw.normalDouble(Key.of(1), 2048), 2048, 1).astype(dt);
    }

    @Benchmark
    public LossAndGrad step() {
        return esm.lossAndGrad(spec, params, batch, parallelism);
    }
}
