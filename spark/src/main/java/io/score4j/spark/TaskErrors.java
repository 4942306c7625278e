package io.score4j.spark;

import io.score4j.InputException;
import java.util.function.Supplier;

/**
 * A user error thrown in a Spark task reaches the driver wrapped in Spark's job failure; {@link #unwrap} gives it
 * back as the one {@link InputException} it was (Spark keeps the cause when it can deserialize it; otherwise the
 * message is recovered from the failure's text), so the CLI prints one {@code error:} line.
 */
public final class TaskErrors {
    private static final String MARK = InputException.class.getName() + ": ";

    private TaskErrors() {}

    /** Runs {@code job}, rethrowing a task's {@link InputException} as itself. */
    public static <T> T unwrap(Supplier<T> job) {
        try {
            return job.get();
        } catch (InputException e) {
            throw e;
        } catch (Exception e) {
            // Spark's job failure (SparkException) is a checked exception that Scala code throws undeclared.
            InputException user = find(e);
            if (user != null) {
                throw user;
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException("Spark job failed: " + e.getMessage(), e);
        }
    }

    /** The {@link InputException} inside {@code t}'s causes or its message, else null. */
    static InputException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InputException ie) {
                return new InputException(ie.getMessage(), t);
            }
        }
        String msg = t.getMessage();
        int at = msg == null ? -1 : msg.indexOf(MARK);
        if (at < 0) {
            return null;
        }
        int end = msg.indexOf('\n', at);
        return new InputException(msg.substring(at + MARK.length(), end < 0 ? msg.length() : end).trim(), t);
    }
}
