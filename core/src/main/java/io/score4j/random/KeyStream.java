package io.score4j.random;

import java.util.random.RandomGenerator;

/**
 * A sequential generator over a {@link Key}: the {@code n}-th {@code nextLong()} is
 * {@code key.bits(n)}. Mutable (it holds a counter) and not thread-safe; give each thread its own
 * stream from its own child key. Exists so code that wants a {@link RandomGenerator} can be fed
 * from an explicit key.
 */
public final class KeyStream implements RandomGenerator {
    private final Key key;
    private long counter;

    KeyStream(Key key) {
        this.key = key;
    }

    @Override
    public long nextLong() {
        return key.bits(counter++);
    }

    /** The number of 64-bit words drawn so far. */
    public long position() {
        return counter;
    }
}
