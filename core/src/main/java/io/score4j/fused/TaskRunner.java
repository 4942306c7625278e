package io.score4j.fused;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs tasks 0 … n−1 on the caller plus up to {@code threads − 1} pooled daemon helpers. Tasks are
 * claimed from a shared counter; the caller claims too and then waits only for tasks already
 * claimed, so a job finishes even when every helper is busy elsewhere (no deadlock when nested).
 * Which thread runs a task is arbitrary: callers make each task's output depend only on its index.
 */
final class TaskRunner {
    private static final ConcurrentHashMap<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    private TaskRunner() {}

    static void run(Parallelism parallelism, int tasks, IntConsumer body) {
        int helpers = Math.min(parallelism.threads(), tasks) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        Job job = new Job(tasks, body, Thread.currentThread());
        ExecutorService pool = POOLS.computeIfAbsent(parallelism.threads(), TaskRunner::newPool);
        for (int h = 0; h < helpers; h++) {
            pool.execute(job::work);
        }
        job.work();
        job.await();
    }

    private static ExecutorService newPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "score4j-fused-" + threads + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static final class Job {
        private final int tasks;
        private final IntConsumer body;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> error = new AtomicReference<>();

        Job(int tasks, IntConsumer body, Thread caller) {
            this.tasks = tasks;
            this.body = body;
            this.caller = caller;
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                } finally {
                    if (done.incrementAndGet() == tasks) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        void await() {
            while (done.get() < tasks) {
                LockSupport.parkNanos(this, 200_000L);
            }
            Throwable t = error.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException("fused task failed", t);
            }
        }
    }
}
