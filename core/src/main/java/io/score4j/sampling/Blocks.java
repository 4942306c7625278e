package io.score4j.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed partition of n particles into at most {@link #MAX_BLOCKS} contiguous blocks, and a pool that
 * runs one task per block. The partition depends only on n, never on the thread count, so per-block
 * work (batched score calls included) is the same whatever the parallelism.
 */
final class Blocks implements AutoCloseable {
    static final int MAX_BLOCKS = 64;

    /** Work on one block; blocks touch disjoint rows. */
    @FunctionalInterface
    interface Task {
        void run(int block);
    }

    private final int n;
    private final int count;
    private final ExecutorService pool;

    Blocks(int n, int threads) {
        this.n = n;
        this.count = Math.min(n, MAX_BLOCKS);
        this.pool = threads > 1 && count > 1 ? Executors.newFixedThreadPool(Math.min(threads, count), daemons()) : null;
    }

    int count() {
        return count;
    }

    /** First row of block b. */
    int start(int b) {
        return (int) ((long) b * n / count);
    }

    /** One past the last row of block b. */
    int end(int b) {
        return start(b + 1);
    }

    /** Runs {@code task} for every block (in parallel when threads &gt; 1) and waits for all of them. */
    void forEach(Task task) {
        if (pool == null) {
            for (int b = 0; b < count; b++) {
                task.run(b);
            }
            return;
        }
        List<Callable<Void>> jobs = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            int block = b;
            jobs.add(() -> {
                task.run(block);
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sampling interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger id = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "score4j-sampler-" + id.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
