package io.score4j.fused;

/**
 * Per-thread reusable float buffers, so hot paths allocate nothing after warm-up. A buffer is valid
 * until the same thread asks for the same id again; kernels never hold one across a call that might
 * ask for it.
 */
final class Scratch {
    /** Tile buffers of the chunk and score kernels: activations, σ', σ'', u/δ (each [tile, H]), scores, traces. */
    static final int A = 0;
    static final int D1 = 1;
    static final int D2 = 2;
    static final int U = 3;
    static final int S = 4;
    static final int TRACE = 5;
    /** Per-chunk partial sums held by the thread that started a loss-and-gradient call. */
    static final int PARTIALS = 6;
    /** Scores of a Langevin block. */
    static final int BLOCK_SCORES = 7;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[8][0]);

    private Scratch() {}

    /** This thread's buffer {@code id}, at least {@code n} long; contents are arbitrary. */
    static float[] floats(int id, int n) {
        float[][] b = BUFFERS.get();
        if (b[id].length < n) {
            b[id] = new float[n];
        }
        return b[id];
    }
}
