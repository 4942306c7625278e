package io.score4j.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a file's whole content to the stream it is given. Used by {@link AtomicFiles#write}; the
 * body must not close the stream (closing is harmless but unnecessary).
 */
@FunctionalInterface
public interface IoWriter {
    /** Writes the content to {@code out}; any exception aborts the write and keeps the old file. */
    void write(OutputStream out) throws IOException;
}
