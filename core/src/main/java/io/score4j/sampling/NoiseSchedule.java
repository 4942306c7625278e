package io.score4j.sampling;

/**
 * A geometric noise ladder σ_1 = sigmaMax &gt; σ_2 &gt; … &gt; σ_L = sigmaMin with a constant ratio
 * σ_{i+1}/σ_i = (sigmaMin/sigmaMax)^{1/(L−1)} (NCSN, Song &amp; Ermon 2019). Levels are indexed 0 … L−1 here.
 *
 * @param sigmaMax σ_1, finite, ≥ sigmaMin
 * @param sigmaMin σ_L &gt; 0
 * @param levels   L ≥ 1; L = 1 requires sigmaMax = sigmaMin
 */
public record NoiseSchedule(double sigmaMax, double sigmaMin, int levels) {
    public NoiseSchedule {
        if (!(sigmaMin > 0) || !Double.isFinite(sigmaMin)) {
            throw new IllegalArgumentException("sigmaMin must be finite and > 0, got " + sigmaMin);
        }
        if (!(sigmaMax >= sigmaMin) || !Double.isFinite(sigmaMax)) {
            throw new IllegalArgumentException("sigmaMax must be finite and >= sigmaMin=" + sigmaMin + ", got " + sigmaMax);
        }
        if (levels < 1 || (levels == 1 && sigmaMax != sigmaMin)) {
            throw new IllegalArgumentException("levels must be >= 2 (or 1 when sigmaMax == sigmaMin), got " + levels);
        }
    }

    /** The geometric ladder from {@code sigmaMax} down to {@code sigmaMin} in {@code levels} levels. */
    public static NoiseSchedule geometric(double sigmaMax, double sigmaMin, int levels) {
        return new NoiseSchedule(sigmaMax, sigmaMin, levels);
    }

    /** σ of level i ∈ [0, L): exp of the linear interpolation of log σ; the end points are exact. */
    public double sigma(int i) {
        if (i < 0 || i >= levels) {
            throw new IllegalArgumentException("level must be in [0, " + levels + "), got " + i);
        }
        if (i == 0) {
            return sigmaMax;
        }
        if (i == levels - 1) {
            return sigmaMin;
        }
        double frac = (double) i / (levels - 1);
        return StrictMath.exp(StrictMath.log(sigmaMax) + frac * (StrictMath.log(sigmaMin) - StrictMath.log(sigmaMax)));
    }

    /** The whole ladder, σ_1 first (a fresh array of length L). */
    public double[] ladder() {
        double[] out = new double[levels];
        for (int i = 0; i < levels; i++) {
            out[i] = sigma(i);
        }
        return out;
    }

    /**
     * The annealed-Langevin step of level i: ε_i = ε·σ_i²/σ_L² (Song &amp; Ermon 2019, Algorithm 1), which
     * keeps the signal-to-noise ratio of a step about the same on every level.
     */
    public double stepSize(double epsilon, int i) {
        double r = sigma(i) / sigmaMin;
        return epsilon * r * r;
    }
}
