package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.io.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score4j sweep}: train the settings of a grid as Spark tasks, evaluate each on held-out rows, keep the best. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train every setting of a JSON grid on one CSV as Spark tasks, evaluate each on held-out rows "
                + "(held-out loss, MMD² of its samples against them) and write DIR/sweep.csv and DIR/best.safetensors "
                + "(the lowest MMD²).")
public final class SweepCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--grid", required = true, paramLabel = "GRID.json",
            description = "settings: {\"objective\": [\"denoising\", \"sliced\"], \"hidden\": [[32], [64, 64]], "
                    + "\"lr\": [0.001, 0.003], \"seed\": [1, 2], \"epochs\": 20}; every combination is one run")
    Path grid;

    @Option(names = "--csv", required = true, paramLabel = "DATA.csv", description = "the data (every column is used)")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for sweep.csv and best.safetensors")
    Path out;

    @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "F",
            description = "fraction of rows held out for evaluation (default: ${DEFAULT-VALUE})")
    double holdout;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "M",
            description = "particles each model samples for its MMD² against the held-out rows (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "0", description = "the split's and the samplers' seed (a grid 'seed' seeds training)")
    long seed;

    @Option(names = {"-q", "--quiet"}, description = "no summary line")
    boolean quiet;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    /** What a sweep needs, checked. */
    public record Request(Path grid, Path csv, Path out, double holdout, int samples, long seed) {
        public Request {
            if (!(holdout > 0 && holdout < 1) || samples < 2) {
                throw new IllegalArgumentException("holdout in (0, 1) and samples >= 2, got " + holdout + ", " + samples);
            }
        }

        /** The table the sweep writes. */
        public Path table() {
            return out.resolve("sweep.csv");
        }

        /** The best model the sweep writes. */
        public Path best() {
            return out.resolve("best.safetensors");
        }
    }

    @Override
    public RunFiles files() {
        return RunFiles.none().withInput("--grid", grid).withInput("--csv", csv);
    }

    @Override
    public Integer call() {
        InputException.require(spark.on(), "--spark", null, "is required: sweep runs its settings as Spark tasks "
                + "(--spark local[N] runs an embedded Spark)");
        InputException.require(holdout > 0 && holdout < 1, "--holdout", holdout, "must be in (0, 1)");
        InputException.require(samples >= 2, "--samples", samples, "must be >= 2");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException("--out " + out + ": exists and is not a directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException("--out " + out + ": directory " + parent + " does not exist");
        }
        String line = SparkRunner.load().sweep(spark.cluster(), new Request(grid, csv, out, holdout, samples, seed));
        if (!quiet) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
