package io.score4j.fused;

/**
 * How many threads a fused kernel may use (the calling thread counts as one). Work is split into
 * fixed-size pieces whose results are combined in a fixed order, so the thread count changes speed,
 * never the bits of a result.
 *
 * @param threads number of threads, at least 1
 */
public record Parallelism(int threads) {
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
}
