package io.score4j.bench;

import java.util.Arrays;
import java.util.Objects;

/**
 * One timed phase: its name, the timed runs, the steps (units) per run, the seconds of each run
 * (shape [runs]) and the throughput as text ("1.23e+06 examples/s", from the median).
 */
public record BenchResult(String phase, int runs, int steps, double[] seconds, String throughput) {
    public BenchResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(throughput, "throughput");
        if (seconds == null || seconds.length != runs || runs < 1 || steps < 1) {
            throw new IllegalArgumentException("a bench result needs runs >= 1 seconds and steps >= 1");
        }
        seconds = seconds.clone();
    }

    /** The seconds of each run (a copy). */
    @Override
    public double[] seconds() {
        return seconds.clone();
    }

    /** Median seconds of the runs (the mean of the middle two for an even count). */
    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    public double min() {
        return Arrays.stream(seconds).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(seconds).max().orElse(Double.NaN);
    }

    /** Median milliseconds per step: 1000 · median / steps. */
    public double perStepMs() {
        return 1e3 * median() / steps;
    }
}
