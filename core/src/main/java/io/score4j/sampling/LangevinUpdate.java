package io.score4j.sampling;

/**
 * The unadjusted Langevin update, written once for every sampler and strategy:
 * <pre>
 *   x_k ← x_k + α·s_k + √(2α)·z_k
 * </pre>
 * in one of two arithmetics: {@link Precision#DOUBLE} evaluates the right side in double and rounds to
 * float ({@code (float) (x + α·s + √(2α)·z)}); {@link Precision#FLOAT} rounds α, √(2α) and z to float and
 * evaluates {@code x + (α·s + √(2α)·z)} in float (the fused chain). The two differ by rounding only.
 * {@link Mala}'s proposal is the same update in double ({@link #proposal}), before its accept/reject step.
 */
public final class LangevinUpdate {
    /** The arithmetic of the update. */
    public enum Precision { DOUBLE, FLOAT }

    private LangevinUpdate() {}

    /**
     * Applies one step to {@code x[lo, lo + len)}, with scores {@code s} at the same indices and normals
     * {@code z[0, len)}. Modifies only those elements of x.
     */
    static void apply(Precision precision, double alpha, float[] x, float[] s, double[] z, int lo, int len) {
        double noise = noiseScale(alpha);
        if (precision == Precision.DOUBLE) {
            for (int m = 0; m < len; m++) {
                int k = lo + m;
                x[k] = (float) proposal(x[k], s[k], z[m], alpha, noise);
            }
        } else {
            float a = (float) alpha;
            float sigma = (float) noise;
            for (int m = 0; m < len; m++) {
                int k = lo + m;
                x[k] = x[k] + (a * s[k] + sigma * (float) z[m]);
            }
        }
    }

    /** √(2α), the scale of the noise. */
    static double noiseScale(double alpha) {
        return Math.sqrt(2 * alpha);
    }

    /** x + α·s + √(2α)·z in double, {@code noise} = {@link #noiseScale}(α). */
    static double proposal(double x, double s, double z, double alpha, double noise) {
        return x + alpha * s + noise * z;
    }
}
