package io.score4j;

/**
 * A user's input is wrong: a file, a row, a column, a flag or a value. The message is one line
 * that names what is wrong and where (file, row, column, flag) and reads well after "error: ".
 * The CLI turns it into exit code 2 without a stack trace; the library throws it from readers
 * and validators of user-supplied data. Programming errors use the standard exceptions instead.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
