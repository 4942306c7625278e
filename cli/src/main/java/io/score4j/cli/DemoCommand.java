package io.score4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.demo.DemoProgress;
import io.score4j.demo.DemoReport;
import io.score4j.demo.FoundingDemo;
import io.score4j.io.AtomicFiles;
import io.score4j.io.RunFiles;
import io.score4j.nn.MlpSpec;
import io.score4j.tensor.Activation;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.RunMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code score4j demo}: the founding pipeline with the seed's settings, end to end, into one folder:
 * report.html, the four figures (PNG + SVG), model.safetensors, samples.csv, exact_samples.csv,
 * metrics.json.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the founding pipeline (1-D mixture, exact score matching, Langevin) and write a report.")
public final class DemoCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--out", defaultValue = "score4j-out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", defaultValue = "500", description = "training epochs (default: the seed's ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--langevin-steps", defaultValue = "1000", description = "Langevin steps (default: the seed's ${DEFAULT-VALUE})")
    int langevinSteps;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (default: all cores); results do not depend on it")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress bars or summary")
    boolean quiet;

    @Override
    public RunFiles files() {
        return RunFiles.none().withFolder("--out", out, "model.safetensors", "samples.csv", "exact_samples.csv",
                "metrics.json", "report.html");
    }

    @Override
    public Integer call() throws IOException {
        InputException.require(epochs >= 1, "--epochs", epochs, "must be >= 1");
        InputException.require(langevinSteps >= 1, "--langevin-steps", langevinSteps, "must be >= 1");
        InputException.require(threads >= 0, "--threads", threads, "must be >= 0");
        FoundingDemo.Settings s = FoundingDemo.Settings.seed(seed, epochs, langevinSteps,
                threads > 0 ? Parallelism.of(threads) : Parallelism.available());
        RunMemory.data(s.n(), 1).plus(RunMemory.training(MlpSpec.scoreNet(1, Activation.SOFTPLUS, s.hidden()),
                ObjectiveKind.EXACT, 1, 0, s.batch(), (long) s.epochs() * (s.n() / s.batch()))).check();
        prepare(out);
        FoundingDemo.Result r = FoundingDemo.run(s, (label, total) -> bar(label, total, quiet));
        Path report = DemoReport.writeAll(out, s, r);
        if (!quiet) {
            System.out.printf(java.util.Locale.ROOT,
                    "fisher_divergence %.4f  fraction_positive %.3f  sample_std %.3f  (exact score: fraction_positive %.3f)%n"
                            + "train %.1f s, sample %.1f s; report: %s%n",
                    r.metrics().get("fisher_divergence"), r.metrics().get("fraction_positive"), r.metrics().get("sample_std"),
                    r.metrics().get("exact_fraction_positive"), r.metrics().get("train_seconds"),
                    r.metrics().get("sample_seconds"), report.toAbsolutePath());
        }
        return 0;
    }

    /** A terminal progress bar as the demo's progress phase. */
    private static DemoProgress.Phase bar(String label, long total, boolean quiet) {
        Progress p = Progress.start(label, total, quiet);
        return new DemoProgress.Phase() {
            @Override
            public void update(long done, String status) {
                p.update(done, status);
            }

            @Override
            public void finish() {
                p.finish();
            }
        };
    }

    private static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException("--out " + dir + ": cannot create folder (" + UserFiles.reason(e) + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException("--out " + dir + ": folder is not writable");
        }
    }

    static void writeJson(Path file, Map<String, ?> values) {
        try {
            byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(values);
            AtomicFiles.writeBytes(file, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
