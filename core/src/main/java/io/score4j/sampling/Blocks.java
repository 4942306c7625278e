package io.score4j.sampling;

import io.score4j.Parallelism;

/**
 * A fixed partition of n particles into at most {@link #MAX_BLOCKS} contiguous blocks, run one task per
 * block on the shared pool of a {@link Parallelism}. The partition depends only on n, never on the thread
 * count, so per-block work (batched score calls included) is the same whatever the parallelism.
 */
final class Blocks {
    static final int MAX_BLOCKS = 64;

    /** Work on one block; blocks touch disjoint rows. */
    @FunctionalInterface
    interface Task {
        void run(int block);
    }

    private final int n;
    private final int count;
    private final Parallelism parallelism;

    Blocks(int n, Parallelism parallelism) {
        this.n = n;
        this.count = Math.min(n, MAX_BLOCKS);
        this.parallelism = parallelism;
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
        parallelism.forEach(count, task::run);
    }
}
