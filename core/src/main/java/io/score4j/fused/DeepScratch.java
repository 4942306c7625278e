package io.score4j.fused;

/**
 * Per-thread reusable buffers of the deep kernels, so hot paths allocate nothing after warm-up. A buffer
 * is valid until the same thread asks for the same id again.
 */
final class DeepScratch {
    /** Input tile of a score call. */
    static final int INPUT = 0;
    /** Hidden activations of a score call, alternating between PING and PING + 1. */
    static final int PING = 1;
    /** Output layer of a forward pass. */
    static final int OUTPUT = 3;
    /** σ'' (unused by first-order objectives, written by the activation kernel). */
    static final int D2 = 4;
    /** Backward-pass deltas, alternating between DELTA and DELTA + 1. */
    static final int DELTA = 5;
    private static final int COUNT = 7;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[COUNT][0]);

    private DeepScratch() {}

    /** This thread's buffer {@code id}, at least {@code n} long; contents are arbitrary. */
    static float[] floats(int id, int n) {
        float[][] b = BUFFERS.get();
        if (b[id].length < n) {
            b[id] = new float[n];
        }
        return b[id];
    }
}
