package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.Parallelism;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Seed, threads and verbosity flags shared by the long-running commands. */
final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "0", description = "random seed; same seed, same bits (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "worker threads (default: all cores); results do not depend on it")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress bars or summaries")
    boolean quiet;

    /** Checks the flags. */
    void validate() {
        InputException.require(threads >= 0, "--threads", threads, "must be >= 0 (0: all cores)");
    }

    /** The {@link Parallelism} of {@code --threads} (0: {@link Parallelism#available}). */
    Parallelism parallelism() {
        return parallelism(threads);
    }

    /** A {@code --threads} value as a {@link Parallelism}: N ≥ 1 threads, or 0 for all cores. */
    static Parallelism parallelism(int threads) {
        return threads > 0 ? Parallelism.of(threads) : Parallelism.available();
    }

    /** A {@code warning:} line on stderr, even with --quiet. */
    void warn(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(line);
        err.flush();
    }

    /** A line on stdout unless --quiet. */
    void say(String format, Object... args) {
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }
}
