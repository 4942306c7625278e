package io.score4j.optim;

/** The state of a stateless transformation ({@link Optimizers#scale}, {@link Optimizers#clipByGlobalNorm}, plain SGD). */
public record EmptyState() {
    /** The only value anyone needs. */
    public static final EmptyState INSTANCE = new EmptyState();
}
