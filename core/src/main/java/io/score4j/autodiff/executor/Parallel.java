package io.score4j.autodiff.executor;

import io.score4j.Parallelism;

/**
 * The autodiff kernels' view of {@link Parallelism}: the thread count set by {@link Autodiff#setThreads}
 * (the generic engine's one setting) and the shared pool every score4j computation runs on. Work is
 * always a fixed list of tasks whose partition depends only on shapes; tasks write disjoint outputs (or
 * their own partial slot), so which thread runs which task never changes a result: outputs are
 * bit-identical for every thread count. A task that itself calls {@link #run} from a pool thread runs
 * its work inline.
 */
public final class Parallel {
    /** Work for one task {@code index}; {@code worker} (below the worker count) picks per-thread scratch. */
    @FunctionalInterface
    interface Task {
        void run(int index, int worker);
    }

    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Parallel() {}

    public static int threads() {
        return threads;
    }

    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        threads = n;
    }

    /** How many workers {@link #run} uses for {@code tasks} tasks: worker indices lie below it. */
    static int workers(int tasks) {
        return Parallelism.of(threads).workers(tasks);
    }

    /** Runs {@code task} for every index in [0, tasks) with {@link #workers}(tasks) workers; returns when all are done. */
    static void run(int tasks, Task task) {
        run(tasks, workers(tasks), task);
    }

    /**
     * Runs {@code task} for every index in [0, tasks) on at most {@code workers} workers (worker indices
     * below it; one means the calling thread alone); returns when all are done.
     */
    static void run(int tasks, int workers, Task task) {
        Parallelism.of(Math.max(1, workers)).run(tasks, task::run);
    }
}
