package io.score4j.autodiff.executor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one executor of the autodiff kernels: a shared pool of daemon threads and a thread count
 * that can be set explicitly ({@link Autodiff#setThreads}). Work is always a fixed list of tasks
 * whose partition depends only on shapes; tasks write disjoint outputs (or their own partial
 * slot), so which thread runs which task never changes a result: outputs are bit-identical for
 * every thread count.
 *
 * <p>The calling thread takes part; helpers claim task indices from a shared counter and the
 * caller waits for the tasks (not the helpers), so a call never waits for a helper that did not
 * start. A task that itself calls {@link #run} from a pool thread runs its work inline.
 */
public final class Parallel {
    /** Work for one task {@code index}; {@code worker} (below the worker count) picks per-thread scratch. */
    @FunctionalInterface
    interface Task {
        void run(int index, int worker);
    }

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "score4j-autodiff");
        t.setDaemon(true);
        return t;
    });
    private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);
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
        return IN_POOL.get() ? 1 : Math.max(1, Math.min(threads, tasks));
    }

    /** Runs {@code task} for every index in [0, tasks) with {@link #workers}(tasks) workers; returns when all are done. */
    static void run(int tasks, Task task) {
        run(tasks, workers(tasks), task);
    }

    /**
     * Runs {@code task} for every index in [0, tasks) on {@code workers} workers (worker indices
     * below it; one means the calling thread alone); returns when all are done.
     */
    static void run(int tasks, int workers, Task task) {
        if (workers <= 1 || IN_POOL.get()) {
            for (int i = 0; i < tasks; i++) {
                task.run(i, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        for (int w = 1; w < workers; w++) {
            int worker = w;
            POOL.execute(() -> {
                IN_POOL.set(true);
                drain(tasks, task, worker, next, done, failure, caller);
            });
        }
        drain(tasks, task, 0, next, done, failure, null);
        while (done.get() < tasks) {
            LockSupport.park(done);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private static void drain(int tasks, Task task, int worker, AtomicInteger next, AtomicInteger done,
                              AtomicReference<Throwable> failure, Thread waiter) {
        for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
            try {
                if (failure.get() == null) {
                    task.run(i, worker);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            if (done.incrementAndGet() == tasks && waiter != null) {
                LockSupport.unpark(waiter);
            }
        }
    }
}
