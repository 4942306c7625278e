package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.bench.BenchPhase;
import io.score4j.bench.BenchPhases;
import io.score4j.bench.BenchResult;
import io.score4j.bench.BenchTable;
import io.score4j.bench.BenchSettings;
import io.score4j.io.AtomicFiles;
import io.score4j.io.JsonText;
import io.score4j.io.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code score4j bench}: times the founding pipeline's phases and prints a table (or JSON).
 * Each phase runs once to warm up, then {@code --runs} timed runs; the table gives the median, min
 * and max of the runs, the median per step and the throughput.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time the founding pipeline's phases (training step, score evaluation, Langevin sampling).")
public final class BenchCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--phases", split = ",", defaultValue = "train,train-generic,score,langevin",
            description = "phases to run: train, train-generic, score, langevin, langevin-fused, pipeline, score-time, score-div "
                    + "(time-conditioned score, and score plus exact divergence as logp evaluates it; run score-time first for the ratio) (default: ${DEFAULT-VALUE})")
    List<String> phases;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs per phase (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--hidden", split = ",", defaultValue = "1024",
            description = "hidden widths, comma-separated for a deep network, e.g. 256,256 (default: ${DEFAULT-VALUE})")
    int[] hidden;

    @Option(names = "--activation", defaultValue = "softplus", converter = Converters.ActivationConverter.class,
            description = "hidden activation: softplus, tanh, silu or relu (default: ${DEFAULT-VALUE})")
    io.score4j.tensor.Activation activation;

    @Option(names = "--batch", defaultValue = "2048", description = "training batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--dim", defaultValue = "1", description = "data dimension D (default: ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--objective", defaultValue = "exact", converter = Converters.ObjectiveConverter.class,
            description = "objective of the train phase (default: ${DEFAULT-VALUE})")
    io.score4j.train.ObjectiveKind objective;

    @Option(names = "--steps", defaultValue = "100", description = "training steps per timed run (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--particles", defaultValue = "10000", description = "particles for score/langevin (default: ${DEFAULT-VALUE})")
    int particles;

    @Option(names = "--langevin-steps", defaultValue = "1000", description = "Langevin steps per run (default: ${DEFAULT-VALUE})")
    int langevinSteps;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (default: all cores)")
    int threads;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
    Path json;

    @Override
    public RunFiles files() {
        return RunFiles.none().withOutput("--json", json);
    }

    @Override
    public Integer call() {
        InputException.require(threads >= 0, "--threads", threads, "must be >= 0");
        Parallelism parallelism = RunOptions.parallelism(threads);
        BenchSettings settings = new BenchSettings(hidden, activation, batch, dim, objective, steps, particles,
                langevinSteps, runs, parallelism);
        int t = parallelism.threads();
        BenchPhases setup = new BenchPhases(settings);
        List<BenchResult> results = new ArrayList<>();
        for (String p : phases) {
            results.add(setup.run(BenchPhase.parse(p)));
        }
        System.out.print(BenchTable.text(results, t));
        if (json != null) {
            AtomicFiles.writeString(json, JsonText.indented(BenchTable.json(results, t)));
        }
        return 0;
    }
}
