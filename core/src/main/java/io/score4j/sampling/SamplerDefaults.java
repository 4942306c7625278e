package io.score4j.sampling;

import io.score4j.Parallelism;
import io.score4j.density.GaussianMixture;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.random.Draw;
import io.score4j.random.Key;

/**
 * The one home of every sampler default, used by {@code score4j sample}, {@code score4j report}, the demo
 * and library callers alike:
 * <ul>
 *   <li>Langevin and MALA: {@value #STEPS} steps of α = {@value #STEP_SIZE};</li>
 *   <li>annealed Langevin: {@value #ANNEALED_STEPS} steps per level (as NCSN), ε = {@value #ANNEALED_EPSILON_RATIO}·σ_L² (so level
 *       i steps α_i = {@value #ANNEALED_EPSILON_RATIO}·σ_i²); for an analytic mixture without a model ladder,
 *       σ_L = {@value #MIXTURE_SIGMA_MIN}, {@value #MIXTURE_LEVELS} levels and σ_1 = {@link #mixtureSigmaMax};</li>
 *   <li>reverse-SDE samplers ({@code em}, {@code pc}): {@value #SDE_STEPS} predictor steps down to
 *       ε = {@link Sde#DEFAULT_EPS}; {@code pc} adds {@value #CORRECTOR_STEPS} Langevin corrector step per
 *       predictor step at signal-to-noise ratio {@value #SNR} (score_sde's); for a mixture's exact score under
 *       the VE SDE, σ_min = {@value #MIXTURE_SIGMA_MIN} and σ_max = {@link #mixtureVeSigmaMax}, under VP and
 *       sub-VP β from {@value Sde.Betas#BETA_MIN} to {@value Sde.Betas#BETA_MAX};</li>
 *   <li>particles start uniform in [{@value #START_LOW}, {@value #START_HIGH})^d (in the model's standardised
 *       units).</li>
 * </ul>
 */
public final class SamplerDefaults {
    /** Langevin / MALA step size α. */
    public static final double STEP_SIZE = 1e-2;
    /** Langevin / MALA steps. */
    public static final int STEPS = 1000;
    /** Annealed Langevin steps per level (NCSN's T = 100). */
    public static final int ANNEALED_STEPS = 100;
    /** Predictor steps N of the reverse-SDE samplers (score_sde uses 1000; 500 measured enough: see README). */
    public static final int SDE_STEPS = 500;
    /** Signal-to-noise ratio of the predictor–corrector sampler's Langevin corrector (score_sde's 0.16). */
    public static final double SNR = 0.16;
    /** Langevin corrector steps per predictor step (score_sde's 1). */
    public static final int CORRECTOR_STEPS = 1;
    /**
     * The smallest time ε every sampler of a score SDE stops at (em, pc, ode) when none is given: the one place
     * that sets it (today the training ε, {@link Sde#DEFAULT_EPS}; score_sde samples VP and sub-VP to 1e-3).
     */
    public static final double SAMPLING_EPS = Sde.DEFAULT_EPS;
    /** Standard deviations of spread added to the largest distance in {@link #mixtureSigmaMax}. */
    public static final double MIXTURE_SPREAD_STDS = 3;
    /** Bound on the total variation between the VE prior and p_T for a mixture ({@link #mixtureVeSigmaMax}). */
    public static final double MIXTURE_PRIOR_TV = 0.01;
    /** ε / σ_L² of annealed Langevin. */
    public static final double ANNEALED_EPSILON_RATIO = 0.05;
    /** Lower end of the uniform start box. */
    public static final double START_LOW = 0;
    /** Upper end of the uniform start box. */
    public static final double START_HIGH = 1;
    /** Smallest σ of an analytic mixture's annealing ladder. */
    public static final double MIXTURE_SIGMA_MIN = 0.01;
    /** Levels of an analytic mixture's annealing ladder. */
    public static final int MIXTURE_LEVELS = 10;

    private SamplerDefaults() {}

    /** ε = {@value #ANNEALED_EPSILON_RATIO}·σ_L², the annealed step at the smallest noise level σ_L. */
    public static double annealedEpsilon(double sigmaMin) {
        return ANNEALED_EPSILON_RATIO * sigmaMin * sigmaMin;
    }

    /** The default Langevin settings on {@code parallelism}, no history. */
    public static LangevinConfig langevin(Parallelism parallelism) {
        return new LangevinConfig(STEP_SIZE, STEPS, 0, parallelism);
    }

    /** The default annealed settings over {@code ladder} on {@code parallelism}, no history. */
    public static AnnealedLangevinConfig annealed(NoiseLadder ladder, Parallelism parallelism) {
        return new AnnealedLangevinConfig(ladder, annealedEpsilon(ladder.sigmaMin()), ANNEALED_STEPS, 0, parallelism);
    }

    /** The default steps of {@code kind}: {@link #STEPS}, {@link #ANNEALED_STEPS} (per level), {@link #SDE_STEPS} or the ode sampler's Heun steps. */
    public static int steps(SamplerKind kind) {
        return switch (kind) {
            case ANNEALED -> ANNEALED_STEPS;
            case EM, PC -> SDE_STEPS;
            case ODE -> ProbabilityFlow.DEFAULT_HEUN_STEPS;
            case LANGEVIN, MALA -> STEPS;
        };
    }

    /** The default Euler–Maruyama settings for {@code sde} on {@code parallelism}. */
    public static EulerMaruyamaConfig em(Sde sde, Parallelism parallelism) {
        return new EulerMaruyamaConfig(sde, SDE_STEPS, SAMPLING_EPS, parallelism);
    }

    /** The default predictor–corrector settings for {@code sde} on {@code parallelism}. */
    public static PredictorCorrectorConfig pc(Sde sde, Parallelism parallelism) {
        return new PredictorCorrectorConfig(sde, SDE_STEPS, SNR, CORRECTOR_STEPS, SAMPLING_EPS, parallelism);
    }

    /**
     * The largest noise level of a mixture's annealing ladder (σ_1; the VE SDE's floor): the largest
     * Euclidean distance between two component means, or between a mean and the origin (where annealed
     * particles start and the VE prior is centred), plus {@value #MIXTURE_SPREAD_STDS} times the largest
     * component std. Song &amp; Ermon (2020) advise σ_1 about the largest distance between data points; the
     * spread term covers points in the components' tails.
     */
    public static double mixtureSigmaMax(GaussianMixture mix) {
        int d = mix.dim();
        double far = 0;
        double spread = 0;
        for (int a = 0; a < mix.components(); a++) {
            far = Math.max(far, distance(mix, a, -1, d));
            for (int b = a + 1; b < mix.components(); b++) {
                far = Math.max(far, distance(mix, a, b, d));
            }
            for (int j = 0; j < d; j++) {
                spread = Math.max(spread, mix.std(a, j));
            }
        }
        return far + MIXTURE_SPREAD_STDS * spread;
    }

    /**
     * The VE SDE's σ_max for a mixture's exact score: the larger of {@link #mixtureSigmaMax} and
     * rms/(2·{@value #MIXTURE_PRIOR_TV}), rms = √E‖x‖² of the mixture. The reverse SDE starts from N(0, σ_max² I)
     * instead of p_T = p_data ⊛ N(0, σ_max² I); KL(p_T ‖ prior) ≤ E‖x‖²/(2σ_max²), so by Pinsker the total variation
     * between them, a bound on the error of every mode's mass, is at most rms/(2σ_max) = {@value #MIXTURE_PRIOR_TV}.
     * (With σ_max = {@link #mixtureSigmaMax} alone, Euler–Maruyama put 0.777 instead of 0.8 on the heavy mode of
     * a 0.8/0.2 mixture at ±(5, 5): the prior's offset, not the step count, which did not change it.)
     */
    public static double mixtureVeSigmaMax(GaussianMixture mix) {
        double second = 0;
        for (int c = 0; c < mix.components(); c++) {
            double q = 0;
            for (int j = 0; j < mix.dim(); j++) {
                q += mix.mean(c, j) * mix.mean(c, j) + mix.std(c, j) * mix.std(c, j);
            }
            second += mix.weight(c) * q;
        }
        return Math.max(mixtureSigmaMax(mix), Math.sqrt(second) / (2 * MIXTURE_PRIOR_TV));
    }

    /** ‖μ_a − μ_b‖ (μ_{-1} = 0), computed in double with scaling to avoid overflow. */
    private static double distance(GaussianMixture mix, int a, int b, int d) {
        double q = 0;
        for (int j = 0; j < d; j++) {
            q = Math.hypot(q, mix.mean(a, j) - (b < 0 ? 0 : mix.mean(b, j)));
        }
        return q;
    }

    /** The default MALA settings on {@code parallelism}. */
    public static MalaConfig mala(Parallelism parallelism) {
        return new MalaConfig(STEP_SIZE, STEPS, parallelism);
    }

    /** n·d starting coordinates uniform in [{@value #START_LOW}, {@value #START_HIGH}), drawn with {@code key}. */
    public static float[] start(Key key, int n, int d) {
        return Draw.uniform(key, n * d, START_LOW, START_HIGH);
    }
}
