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

    /**
     * Throws unless {@code ok}, naming the flag (or field) and the offending value; a {@code null} value
     * (a flag not given) is said as such, never printed as "null".
     */
    public static void require(boolean ok, String flag, Object value, String rule) {
        if (!ok) {
            throw new InputException(flag + " " + rule + (value == null ? " (not given)" : ", got " + value));
        }
    }
}
