package io.score4j;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * How many threads a computation may use (the calling thread counts as one), passed explicitly like a
 * {@link io.score4j.random.Key}; the one parallelism type of score4j (fused kernels, samplers, the
 * autodiff executor). All of them run on one shared pool of daemon threads.
 *
 * <p>Work is always a fixed list of tasks 0 … n−1 whose partition the caller chooses from shapes alone;
 * each task writes its own output (or its own partial slot, combined afterwards in a fixed order), so
 * which thread runs a task, and how many threads there are, never changes a result's bits. The caller
 * claims tasks too and waits for the tasks, never for a helper that has not started; a task that itself
 * calls {@link #run} from a pool thread runs that work inline.
 *
 * @param threads number of threads, at least 1
 */
public record Parallelism(int threads) {
    /** Work for task {@code index}; {@code worker} (below {@link #workers}) may pick per-thread scratch. */
    @FunctionalInterface
    public interface Task {
        void run(int index, int worker);
    }

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "score4j-worker");
        t.setDaemon(true);
        return t;
    });
    private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);

    public Parallelism {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@code threads} threads. */
    public static Parallelism of(int threads) {
        return new Parallelism(threads);
    }

    /** One thread: everything runs on the caller. */
    public static Parallelism single() {
        return new Parallelism(1);
    }

    /** As many threads as {@code Runtime.availableProcessors()}; the default. */
    public static Parallelism available() {
        return new Parallelism(Runtime.getRuntime().availableProcessors());
    }

    /** How many workers {@link #run} uses for {@code tasks} tasks (1 inside a pool thread); worker indices lie below it. */
    public int workers(int tasks) {
        return IN_POOL.get() ? 1 : Math.max(1, Math.min(threads, tasks));
    }

    /** Runs {@code body} for every index in [0, tasks); returns when all are done. */
    public void forEach(int tasks, IntConsumer body) {
        run(tasks, (index, worker) -> body.accept(index));
    }

    /**
     * Runs {@code task} for every index in [0, tasks) on {@link #workers}(tasks) workers; returns when
     * all are done. The first failure is rethrown (later tasks are skipped).
     */
    public void run(int tasks, Task task) {
        int workers = workers(tasks);
        if (workers <= 1) {
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
            LockSupport.parkNanos(done, 200_000L);
        }
        rethrow(failure.get());
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

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("parallel task failed", t);
        }
    }
}
