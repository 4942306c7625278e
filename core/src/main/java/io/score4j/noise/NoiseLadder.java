package io.score4j.noise;

import java.util.Arrays;

/**
 * The noise ladder σ₁ &gt; σ₂ &gt; … &gt; σ_L of noise-conditional score matching (NCSN, Song &amp; Ermon
 * 2019): the one type shared by the objective ({@code objective.NoiseConditionalScoreMatching}), the
 * model file ({@code train.ScoreModel}, metadata key {@code sigmas}) and the samplers
 * ({@code sampling.AnnealedLangevin}). It is validated here, once: at least one level, every σ finite
 * and &gt; 0, strictly decreasing. Levels are indexed 0 … L−1 (0 is the largest σ).
 *
 * <p>The usual ladder is {@link #geometric}: the variance-exploding SDE of Song et al. (2021),
 * σ(t) = σ_min (σ_max/σ_min)^t, discretised at L points; σ_max from the data is {@link #dataSigmaMax}.
 *
 * @param sigmas σ₁ … σ_L (copied; {@link #sigmas()} returns a copy)
 */
public record NoiseLadder(double[] sigmas) {
    /** Rows over which {@link #dataSigmaMax} takes the diameter exactly. */
    public static final int DIAMETER_ROWS = 4096;

    public NoiseLadder {
        if (sigmas == null || sigmas.length == 0) {
            throw new IllegalArgumentException("sigmas must hold at least one noise level, got "
                    + (sigmas == null ? "null" : "none"));
        }
        sigmas = sigmas.clone();
        for (int i = 0; i < sigmas.length; i++) {
            if (!(sigmas[i] > 0) || !Double.isFinite(sigmas[i])) {
                throw new IllegalArgumentException("sigmas[" + i + "] is " + sigmas[i]
                        + "; every noise level must be finite and > 0");
            }
            if (i > 0 && !(sigmas[i] < sigmas[i - 1])) {
                throw new IllegalArgumentException("sigmas must decrease strictly (largest first), but sigmas[" + i
                        + "] = " + sigmas[i] + " follows " + sigmas[i - 1]);
            }
        }
    }

    /** The ladder σ₁ … σ_L given largest first. */
    public static NoiseLadder of(double... sigmas) {
        return new NoiseLadder(sigmas);
    }

    /**
     * The geometric ladder σ_1 = sigmaMax &gt; … &gt; σ_L = sigmaMin with constant ratio
     * σ_{i+1}/σ_i = (sigmaMin/sigmaMax)^{1/(L−1)}: σ_i = exp(log σ_max + (i/(L−1))·(log σ_min − log σ_max)),
     * with both end points exact.
     *
     * @param sigmaMax σ_1, finite, ≥ sigmaMin
     * @param sigmaMin σ_L &gt; 0
     * @param levels   L ≥ 1; L = 1 requires sigmaMax = sigmaMin
     */
    public static NoiseLadder geometric(double sigmaMax, double sigmaMin, int levels) {
        if (!(sigmaMin > 0) || !Double.isFinite(sigmaMin)) {
            throw new IllegalArgumentException("sigmaMin must be finite and > 0, got " + sigmaMin);
        }
        if (!(sigmaMax >= sigmaMin) || !Double.isFinite(sigmaMax)) {
            throw new IllegalArgumentException("sigmaMax must be finite and >= sigmaMin=" + sigmaMin + ", got " + sigmaMax);
        }
        if (levels < 1 || (levels == 1 && sigmaMax != sigmaMin)) {
            throw new IllegalArgumentException("levels must be >= 2 (or 1 when sigmaMax == sigmaMin), got " + levels);
        }
        double[] out = new double[levels];
        for (int i = 0; i < levels; i++) {
            double frac = (double) i / (levels - 1);
            out[i] = i == 0 ? sigmaMax : i == levels - 1 ? sigmaMin
                    // Math, not StrictMath: the bits every model file and checkpoint written so far holds
                    // (StrictMath differs by 1–2 ulp; ModelFileCompatibilityTest keeps resumes exact).
                    : Math.exp(Math.log(sigmaMax) + frac * (Math.log(sigmaMin) - Math.log(sigmaMax)));
        }
        return new NoiseLadder(out);
    }

    /**
     * The geometric ladder whose σ_max is {@link #dataSigmaMax} of {@code data} (Song &amp; Ermon 2020,
     * Technique 1). A pure function of its arguments.
     *
     * @param data flat [n, d], as the network sees it (after any standardisation); not modified
     * @throws IllegalArgumentException when the data's diameter is not above {@code sigmaMin}
     */
    public static NoiseLadder fromData(float[] data, int n, int d, double sigmaMin, int levels) {
        double sigmaMax = dataSigmaMax(data, n, d);
        if (!(sigmaMax > sigmaMin)) {
            throw new IllegalArgumentException("sigmaMin " + sigmaMin + " must be below the data-derived sigmaMax "
                    + sigmaMax + " (the largest distance between two rows)");
        }
        return geometric(sigmaMax, sigmaMin, levels);
    }

    /**
     * The data-derived σ₁ of Song &amp; Ermon (2020), Technique 1: the largest Euclidean distance
     * between two rows of {@code data} (flat [n, d], not modified). Exact for n ≤
     * {@value #DIAMETER_ROWS}; for larger n it is taken over {@value #DIAMETER_ROWS} evenly spaced
     * rows (row ⌊k·n/{@value #DIAMETER_ROWS}⌋), a lower bound that keeps the cost O(d) · 8·10⁶.
     *
     * @return the diameter, 0 for a single point (or identical points)
     */
    public static double dataSigmaMax(float[] data, int n, int d) {
        if (n < 1 || d < 1 || data.length < (long) n * d) {
            throw new IllegalArgumentException("data must hold n >= 1 rows of d >= 1 values, got n=" + n + ", d=" + d
                    + ", length " + data.length);
        }
        int m = Math.min(n, DIAMETER_ROWS);
        double[] rows = new double[m * d];
        for (int k = 0; k < m; k++) {
            int src = (int) ((long) k * n / m);
            for (int j = 0; j < d; j++) {
                rows[k * d + j] = data[src * d + j];
            }
        }
        double best = 0;
        for (int a = 0; a < m; a++) {
            for (int c = a + 1; c < m; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = rows[a * d + j] - rows[c * d + j];
                    s += t * t;
                }
                best = Math.max(best, s);
            }
        }
        return Math.sqrt(best);
    }

    /** L, the number of levels. */
    public int levels() {
        return sigmas.length;
    }

    /** σ of level i ∈ [0, L). */
    public double sigma(int i) {
        if (i < 0 || i >= sigmas.length) {
            throw new IllegalArgumentException("level must be in [0, " + sigmas.length + "), got " + i);
        }
        return sigmas[i];
    }

    /** σ₁, the largest level. */
    public double sigmaMax() {
        return sigmas[0];
    }

    /** σ_L, the smallest level. */
    public double sigmaMin() {
        return sigmas[sigmas.length - 1];
    }

    /** Whether this is {@link #geometric}(σ_max, σ_min, L), bit for bit. */
    public boolean isGeometric() {
        return equals(geometric(sigmaMax(), sigmaMin(), levels()));
    }

    /**
     * The annealed-Langevin step of level i: ε_i = ε·σ_i²/σ_L² (Song &amp; Ermon 2019, Algorithm 1), which
     * keeps the signal-to-noise ratio of a step about the same on every level.
     */
    public double stepSize(double epsilon, int i) {
        double r = sigma(i) / sigmaMin();
        return epsilon * r * r;
    }

    /** The ladder σ₁ … σ_L (a copy). */
    @Override
    public double[] sigmas() {
        return sigmas.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseLadder l && Arrays.equals(sigmas, l.sigmas);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sigmas);
    }

    @Override
    public String toString() {
        return "NoiseLadder" + Arrays.toString(sigmas);
    }
}
