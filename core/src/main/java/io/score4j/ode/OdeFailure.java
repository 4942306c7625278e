package io.score4j.ode;

/** A row of a batch of ODEs that an adaptive solver could not integrate (step underflow or step budget spent). */
public final class OdeFailure extends ArithmeticException {
    private final int id;

    public OdeFailure(int id, String message) {
        super(message);
        this.id = id;
    }

    /** The id of the failing row ({@link BatchOde}). */
    public int id() {
        return id;
    }
}
