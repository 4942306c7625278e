package io.score4j.model;

/**
 * The sinusoidal time embedding of a time-conditioned score network (the DDPM/score_sde
 * {@code get_timestep_embedding} applied to 999·t, as score_sde's continuous DDPM models do):
 * with K = E/2 and ω_k = exp(−ln(10000)·k/(K−1)) for k = 0 … K−1 (ω_0 = 1 when K = 1),
 *
 * <pre>  e(t) = [sin(999·t·ω_0), …, sin(999·t·ω_{K−1}), cos(999·t·ω_0), …, cos(999·t·ω_{K−1})]  ∈ ℝ^E</pre>
 *
 * Frequencies run from 999 rad per unit time down to about 0.1, so both the fine structure near t = 0 and
 * the slow change near t = 1 are visible to the network. Deterministic: nothing to store but E.
 *
 * @param size E, even, 2 … 256
 */
public record TimeEmbedding(int size) {
    /** The default E. */
    public static final int DEFAULT_SIZE = 16;

    public TimeEmbedding {
        if (size < 2 || size > 256 || size % 2 != 0) {
            throw new IllegalArgumentException("the time embedding size must be even and in [2, 256], got " + size);
        }
    }

    /**
     * Writes e(t) as floats into {@code out[off, off + E)} (modified only there). StrictMath, so the bits do
     * not depend on the JVM.
     */
    public void embed(double t, float[] out, int off) {
        embed(t, frequencies(), out, off);
    }

    /** The K = E/2 frequencies ω_k (a new array): computing them once saves an exp and a log per entry per call. */
    public double[] frequencies() {
        int k = size / 2;
        double[] omega = new double[k];
        for (int i = 0; i < k; i++) {
            omega[i] = k == 1 ? 1.0 : StrictMath.exp(-StrictMath.log(10000.0) * i / (k - 1));
        }
        return omega;
    }

    /**
     * {@link #embed(double, float[], int)} with the frequencies of {@link #frequencies()} given (same bits):
     * writes out[off, off + 2K) for K = omega.length.
     */
    public static void embed(double t, double[] omega, float[] out, int off) {
        int k = omega.length;
        double scaled = 999.0 * t;
        for (int i = 0; i < k; i++) {
            out[off + i] = (float) StrictMath.sin(scaled * omega[i]);
            out[off + k + i] = (float) StrictMath.cos(scaled * omega[i]);
        }
    }
}
