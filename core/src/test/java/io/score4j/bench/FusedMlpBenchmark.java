package io.score4j.bench;

import io.score4j.Parallelism;
import io.score4j.fused.FusedMlp;
import io.score4j.fused.Gradients;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
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
 * The founding pipeline's kernels: MLP [1, 1024, 1], softplus. {@code lossAndGradient}: one exact
 * score-matching training step's loss and gradient for a batch of 2048 (the optimizer update is not
 * included); {@code score10k}: scores of 10 000 particles, one Langevin step's network work;
 * {@code langevin10kx10}: 10 fused Langevin steps of 10 000 particles (noise included).
 *
 * <p>Run all benchmarks (this class and {@link ActivationBenchmark}) from the project root with
 * <pre>
 * mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main io.score4j.bench -f 1 -wi 5 -i 10"
 * </pre>
 * (append e.g. {@code -p threads=2} or a benchmark name regex to narrow it; {@code -wi 1 -i 1 -r 1s -w 1s}
 * for a smoke run). Forks get {@code --add-modules jdk.incubator.vector} from the {@link Fork} annotation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FusedMlpBenchmark {
    @Param({"1", "2"})
    public int threads;

    private FusedMlp net;
    private Parallelism parallelism;
    private Gradients grads;
    private float[] batch;
    private float[] particles;
    private float[] scores;
    private float[] state;
    private Key key;

    @Setup
    public void setUp() {
        MlpSpec spec = MlpSpec.scoreNet(1, Activation.SOFTPLUS, 1024);
        net = FusedMlp.of(spec, MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F32));
        parallelism = Parallelism.of(threads);
        grads = Gradients.zeros(spec);
        batch = Draw.normal(Key.of(2), 2048);
        particles = Draw.normal(Key.of(3), 10_000);
        scores = new float[10_000];
        state = particles.clone();
        key = Key.of(4);
    }

    @Benchmark
    public double lossAndGradient() {
        return net.lossAndGradient(batch, 2048, grads, parallelism);
    }

    @Benchmark
    public float[] score10k() {
        net.score(particles, 10_000, scores, parallelism);
        return scores;
    }

    @Benchmark
    public float[] langevin10kx10() {
        return io.score4j.sampling.Langevin.sample(io.score4j.sampling.Chain.fused(net), state, net.dim(),
                new io.score4j.sampling.LangevinConfig(1e-3, 10, 0, parallelism), key, null).samples().data32();
    }
}
