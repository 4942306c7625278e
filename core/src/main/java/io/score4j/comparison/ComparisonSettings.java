package io.score4j.comparison;

import io.score4j.metrics.Mmd;

/**
 * Every setting of a {@link Comparison}. The defaults ({@link #defaults(long)}) are the ones
 * {@code score4j eval} and {@code score4j report} use.
 *
 * @param subsample    most rows per side for MMD² and energy distance (both O(subsample²·d)); a side
 *                     with more rows is subsampled without replacement; default {@value #DEFAULT_SUBSAMPLE}
 * @param bandwidth    the MMD kernel's bandwidth rule; default the median heuristic
 * @param projections  random directions of sliced W₁; default {@value #DEFAULT_PROJECTIONS}
 * @param mixtureDraws i.i.d. draws that stand in for a mixture reference in MMD², energy distance and
 *                     sliced W₁ (per-column KS, moments, correlation and mode masses use the mixture
 *                     exactly); default {@value #DEFAULT_MIXTURE_DRAWS}
 * @param ksAlpha      significance level of the reported KS critical values; default {@value #DEFAULT_KS_ALPHA}
 * @param seed         the seed every random choice derives from (see {@link Comparison})
 */
public record ComparisonSettings(int subsample, Bandwidth bandwidth, int projections, int mixtureDraws,
                                 double ksAlpha, long seed) {
    /** Default most rows per side for MMD² and energy distance. */
    public static final int DEFAULT_SUBSAMPLE = Mmd.DEFAULT_CAP;
    /** Default random directions of sliced W₁. */
    public static final int DEFAULT_PROJECTIONS = 64;
    /**
     * Default draws standing in for a mixture. MMD² and energy use at most {@link #DEFAULT_SUBSAMPLE} of
     * them; sliced W₁ uses all, so the draws add about 1/√{@value} relative noise to it, below that of
     * the samples themselves.
     */
    public static final int DEFAULT_MIXTURE_DRAWS = 10_000;
    /** Default significance of the KS critical values. */
    public static final double DEFAULT_KS_ALPHA = 0.05;

    public ComparisonSettings {
        if (subsample < 2) {
            throw new IllegalArgumentException("subsample must be >= 2, got " + subsample);
        }
        if (bandwidth == null) {
            throw new IllegalArgumentException("bandwidth rule must be given");
        }
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1, got " + projections);
        }
        if (mixtureDraws < 2) {
            throw new IllegalArgumentException("mixtureDraws must be >= 2, got " + mixtureDraws);
        }
        if (!(ksAlpha > 0 && ksAlpha < 1)) {
            throw new IllegalArgumentException("ksAlpha must be in (0, 1), got " + ksAlpha);
        }
    }

    /** The defaults with {@code seed}. */
    public static ComparisonSettings defaults(long seed) {
        return new ComparisonSettings(DEFAULT_SUBSAMPLE, Bandwidth.median(), DEFAULT_PROJECTIONS, DEFAULT_MIXTURE_DRAWS,
                DEFAULT_KS_ALPHA, seed);
    }

    /** These settings with {@code projections} directions. */
    public ComparisonSettings withProjections(int projections) {
        return new ComparisonSettings(subsample, bandwidth, projections, mixtureDraws, ksAlpha, seed);
    }

    /** These settings with at most {@code subsample} rows per side for MMD² and energy distance. */
    public ComparisonSettings withSubsample(int subsample) {
        return new ComparisonSettings(subsample, bandwidth, projections, mixtureDraws, ksAlpha, seed);
    }

    /** These settings with another bandwidth rule. */
    public ComparisonSettings withBandwidth(Bandwidth bandwidth) {
        return new ComparisonSettings(subsample, bandwidth, projections, mixtureDraws, ksAlpha, seed);
    }
}
