package io.score4j.cli;

/** A flag value the command cannot use; reported as one {@code error:} line, exit code 2. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    /**
     * Throws unless {@code ok}, naming the flag and the offending value; a {@code null} value (a flag
     * not given) is said as such, never printed as "null".
     */
    static void require(boolean ok, String flag, Object value, String rule) {
        if (!ok) {
            throw new UserError(flag + " " + rule + (value == null ? " (not given)" : ", got " + value));
        }
    }
}
