package io.score4j.autodiff;

import io.score4j.Parallelism;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.objective.ExactScoreMatching;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A plain timing harness (no JMH) for one generic-path exact-score-matching step (loss and
 * gradient) of the MLP [1, 1024, 1] softplus at batch 2048. Warms up, then times {@code reps}
 * steps and prints the median, min and max wall time and the process CPU time per step (all
 * threads, GC included, averaged over the timed steps; less sensitive to other load on the
 * machine than wall time).
 * Arguments: dtype (F32|F64), threads, repetitions, warm-up steps. Run from the project root
 * after {@code mvn -o -q test-compile}:
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.score4j.autodiff.StepTiming F32 2 50 30</pre>
 * where {@code cp.txt} comes from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class StepTiming {
    private StepTiming() {}

    public static void main(String[] args) {
        DType dt = DType.valueOf(args.length > 0 ? args[0] : "F32");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Parallelism.available().threads();
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Parallelism parallelism = Parallelism.of(threads);
        MlpSpec spec = new MlpSpec(new int[] {1, 1024, 1}, Activation.SOFTPLUS);
        Params params = MlpInit.init(spec, Init.NORMAL, Key.of(0), dt);
        Tensor batch = Tensor.wrap(Draw.normalDouble(Key.of(1), 2048), 2048, 1).astype(dt);
        ExactScoreMatching esm = new ExactScoreMatching();
        double sink = 0;
        for (int i = 0; i < warm; i++) {
            sink += esm.lossAndGrad(spec, params, batch, parallelism).loss();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[reps];
        long c0 = os.getProcessCpuTime();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink += esm.lossAndGrad(spec, params, batch, parallelism).loss();
            wall[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpu = (os.getProcessCpuTime() - c0) / 1e6 / reps;
        Arrays.sort(wall);
        System.out.printf("%s threads=%d reps=%d wall median=%.2f ms (min %.2f, max %.2f) cpu/step=%.2f ms"
                + " [loss sum %.6g]%n", dt, threads, reps, wall[reps / 2], wall[0], wall[reps - 1], cpu, sink);
    }
}
