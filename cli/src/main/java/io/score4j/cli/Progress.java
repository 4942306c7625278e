package io.score4j.cli;

import io.score4j.demo.DemoProgress;
import io.score4j.train.ModelSampling;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, drawn only when stderr is an interactive terminal and not
 * {@code --quiet}; otherwise every method does nothing. Redraws at most 10 times a second.
 * Not thread-safe: call from the thread that drives the work.
 */
final class Progress implements DemoProgress.Phase {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 28;

    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final long total;
    private final long start;
    private long lastDraw;

    private Progress(PrintStream err, boolean enabled, String label, long total) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.total = Math.max(1, total);
        this.start = System.nanoTime();
    }

    /** A bar for {@code total} units of work; silent when {@code quiet} or when not on a terminal. */
    static Progress start(String label, long total, boolean quiet) {
        return new Progress(System.err, !quiet && onTerminal(), label, total);
    }

    /** Bars for {@link ModelSampling}'s phases, one at a time; silent when {@code quiet} or not on a terminal. */
    static ModelSampling.Progress forSampling(boolean quiet) {
        return new ModelSampling.Progress() {
            private Progress bar;

            @Override
            public void start(String label, long total) {
                bar = Progress.start(label, total, quiet);
            }

            @Override
            public void update(long done) {
                bar.update(done, "");
            }

            @Override
            public void finish() {
                bar.finish();
            }
        };
    }

    /** Redraws (rate-limited) after {@code done} units, with an extra status such as the loss. */
    @Override
    public void update(long done, String status) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        double secs = (now - start) / 1e9;
        double rate = done / Math.max(secs, 1e-9);
        double eta = rate > 0 ? (total - done) / rate : 0;
        int filled = (int) (WIDTH * Math.min(1.0, done / (double) total));
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        err.printf(Locale.ROOT, "\r%s [%s] %d/%d %s %.0f/s ETA %s   ", label, bar, done, total, status, rate, clock(eta));
        err.flush();
    }

    /** Ends the bar's line. */
    @Override
    public void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s / 60) % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Whether stderr/stdout is an interactive terminal (Console.isTerminal on JDK 22+). */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method m = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
