package io.score4j.train;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import java.util.Objects;

/**
 * How {@link ModelSampling} draws: the sampler, steps (per level for annealed), the step size
 * ({@code null}: {@link SamplerDefaults}), particles starting U(startLow, startHigh)^d, the annealed
 * ladder's ends and level count ({@code null}: the model's ladder, or the mixture defaults) and the
 * {@link Parallelism} the chains run on (results are bit-identical for every thread count). For the
 * reverse-SDE samplers ({@code em}, {@code pc}): {@code steps} predictor steps, the SDE of a mixture's exact
 * score ({@code sde}: ve, vp or subvp; {@code null}: ve; the VE range is sigmaMin..sigmaMax, defaults
 * {@link SamplerDefaults#MIXTURE_SIGMA_MIN} and {@link SamplerDefaults#mixtureSigmaMax}), the corrector's
 * {@code snr} and the smallest time {@code eps}
 * ({@code null}: {@link SamplerDefaults}). User-facing checks (with flag names) are the caller's; this record
 * only refuses values no sampler can run.
 */
public record SamplingPlan(SamplerKind kind, int steps, Double stepSize, double startLow, double startHigh,
                           Double sigmaMax, Double sigmaMin, Integer levels, Parallelism parallelism, String sde,
                           Double snr, Double eps) {
    /** The SDE of a mixture's exact score when the plan names none. */
    public static final String MIXTURE_SDE = "ve";

    /** A plan for the Langevin-type samplers: no SDE settings. */
    public SamplingPlan(SamplerKind kind, int steps, Double stepSize, double startLow, double startHigh,
                        Double sigmaMax, Double sigmaMin, Integer levels, Parallelism parallelism) {
        this(kind, steps, stepSize, startLow, startHigh, sigmaMax, sigmaMin, levels, parallelism, null, null, null);
    }

    public SamplingPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parallelism, "parallelism");
        if ((snr != null && !(snr > 0 && Double.isFinite(snr))) || (eps != null && !(eps > 0 && eps < Sde.T))) {
            throw new IllegalArgumentException("sampling plan needs snr > 0 and 0 < eps < T; got " + snr + ", " + eps);
        }
        if (steps < 1 || !(startHigh > startLow) || (levels != null && levels < 1)) {
            throw new IllegalArgumentException("sampling plan needs steps >= 1, startHigh > startLow, levels >= 1; got "
                    + steps + ", " + startLow + ".." + startHigh + ", " + levels);
        }
    }

    /** The step size to use: the given one, or the sampler's default given the smallest noise level. */
    public double stepSize(double sigmaMin) {
        if (stepSize != null) {
            return stepSize;
        }
        return kind == SamplerKind.ANNEALED ? SamplerDefaults.annealedEpsilon(sigmaMin) : SamplerDefaults.STEP_SIZE;
    }

    /** The corrector's signal-to-noise ratio: {@code snr} or {@link SamplerDefaults#SNR}. */
    public double snrOrDefault() {
        return snr != null ? snr : SamplerDefaults.SNR;
    }

    /** The smallest time: {@code eps} or {@link SamplerDefaults#SAMPLING_EPS}. */
    public double epsOrDefault() {
        return eps != null ? eps : SamplerDefaults.SAMPLING_EPS;
    }

    /** The annealed sampler's level count: {@code levels}, or {@code otherwise}. */
    int levelsOr(int otherwise) {
        return levels != null ? levels : otherwise;
    }

    /**
     * The SDE of a mixture's exact score under this plan: its own ({@link SamplingPlan#MIXTURE_SDE} when unset), VE between
     * --sigma-min ({@link SamplerDefaults#MIXTURE_SIGMA_MIN}) and --sigma-max ({@link SamplerDefaults#mixtureVeSigmaMax}),
     * VP and sub-VP with β from {@value Sde.Betas#BETA_MIN} to {@value Sde.Betas#BETA_MAX}.
     */
    Sde mixtureSde(GaussianMixture mix) {
        String id = sde != null ? sde : SamplingPlan.MIXTURE_SDE;
        double lo = sigmaMin != null ? sigmaMin : SamplerDefaults.MIXTURE_SIGMA_MIN;
        double hi = sigmaMax != null ? sigmaMax : SamplerDefaults.mixtureVeSigmaMax(mix);
        if (id.equalsIgnoreCase("ve") && !(hi > lo)) {
            throw new InputException("--sigma-max " + hi + " must exceed --sigma-min " + lo + " for the VE SDE");
        }
        return Sde.parse(id, lo, Math.max(hi, 2 * lo), Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX);
    }

    /**
     * A mixture's annealing ladder: geometric from --sigma-max (default {@link SamplerDefaults#mixtureSigmaMax})
     * to --sigma-min (default {@link SamplerDefaults#MIXTURE_SIGMA_MIN}) over --levels (default
     * {@link SamplerDefaults#MIXTURE_LEVELS}).
     */
    NoiseLadder mixtureLadder(GaussianMixture mix) {
        double lo = sigmaMin != null ? sigmaMin : SamplerDefaults.MIXTURE_SIGMA_MIN;
        double hi = sigmaMax != null ? sigmaMax : SamplerDefaults.mixtureSigmaMax(mix);
        if (!(hi > lo)) {
            throw new InputException((sigmaMax != null ? "--sigma-max " + hi : "the largest noise level " + hi
                    + " derived from --mixture (largest distance between its means or to the origin + "
                    + SamplerDefaults.MIXTURE_SPREAD_STDS + " x its largest std)") + " must exceed the smallest, " + lo
                    + (sigmaMin != null ? " (--sigma-min)" : "") + "; set --sigma-max and --sigma-min");
        }
        return NoiseLadder.geometric(hi, lo, levelsOr(SamplerDefaults.MIXTURE_LEVELS));
    }
}
