package io.score4j.train;

/** Training produced a non-finite loss, gradient or parameter; the message names the step and what to try. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;

    TrainingDivergedException(int step, String what) {
        super("training diverged at step " + step + ": " + what
                + "; try a lower learning rate (--lr), gradient clipping (--clip), or the scaled init (--init scaled)");
        this.step = step;
    }

    /** The 1-based step whose result was non-finite. */
    public int step() {
        return step;
    }
}
