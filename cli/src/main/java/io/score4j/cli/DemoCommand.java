package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.demo.DemoReport;
import io.score4j.demo.FoundingDemo;
import io.score4j.io.RunFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code score4j demo}: the founding pipeline with the seed's settings ({@link FoundingDemo}), end to end, into
 * one folder ({@link DemoReport#writeAll}): report.html, the four figures (PNG + SVG), model.safetensors,
 * samples.csv, exact_samples.csv, metrics.json.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the founding pipeline (1-D mixture, exact score matching, Langevin) and write a report.")
public final class DemoCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--out", defaultValue = "score4j-out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--epochs", defaultValue = "500", description = "training epochs (default: the seed's ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--langevin-steps", defaultValue = "1000", description = "Langevin steps (default: the seed's ${DEFAULT-VALUE})")
    int langevinSteps;

    @Mixin
    RunOptions run;

    @Override
    public RunFiles files() {
        return RunFiles.none().withFolder("--out", out, "model.safetensors", "samples.csv", "exact_samples.csv",
                "metrics.json", "report.html");
    }

    @Override
    public Integer call() {
        run.validate();
        InputException.require(epochs >= 1, "--epochs", epochs, "must be >= 1");
        InputException.require(langevinSteps >= 1, "--langevin-steps", langevinSteps, "must be >= 1");
        FoundingDemo.Settings s = FoundingDemo.Settings.seed(run.seed, epochs, langevinSteps, run.parallelism());
        s.memory().check();
        DemoReport.prepare(out, "--out");
        FoundingDemo.Result r = FoundingDemo.run(s, (label, total) -> Progress.start(label, total, run.quiet));
        run.say("%s", DemoReport.summary(r, DemoReport.writeAll(out, s, r)));
        return 0;
    }
}
