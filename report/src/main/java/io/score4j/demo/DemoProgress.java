package io.score4j.demo;

/**
 * Where the demo reports progress: one {@link Phase} per long step (training, each sampling chain).
 * The library prints nothing itself; the CLI renders bars.
 */
@FunctionalInterface
public interface DemoProgress {
    /** Nothing is shown. */
    DemoProgress SILENT = (label, total) -> new Phase() {
        @Override
        public void update(long done, String status) {}

        @Override
        public void finish() {}
    };

    /** Starts a phase of {@code total} units of work named {@code label}. */
    Phase start(String label, long total);

    /** One long step; called from the thread that drives the work. */
    interface Phase {
        /** {@code done} of the phase's units are finished; {@code status} is extra text such as the loss. */
        void update(long done, String status);

        /** The phase has ended. */
        void finish();
    }
}
