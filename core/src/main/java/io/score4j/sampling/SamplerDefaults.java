package io.score4j.sampling;

import io.score4j.noise.NoiseLadder;
import io.score4j.random.Draw;
import io.score4j.random.Key;

/**
 * The one home of every sampler default, used by {@code score4j sample}, {@code score4j report}, the demo
 * and library callers alike:
 * <ul>
 *   <li>Langevin and MALA: {@value #STEPS} steps of α = {@value #STEP_SIZE};</li>
 *   <li>annealed Langevin: {@value #STEPS} steps per level, ε = {@value #ANNEALED_EPSILON_RATIO}·σ_L² (so level
 *       i steps α_i = {@value #ANNEALED_EPSILON_RATIO}·σ_i²); for an analytic mixture without a model ladder,
 *       σ_L = {@value #MIXTURE_SIGMA_MIN} and {@value #MIXTURE_LEVELS} levels;</li>
 *   <li>particles start uniform in [{@value #START_LOW}, {@value #START_HIGH})^d (in the model's standardised
 *       units).</li>
 * </ul>
 */
public final class SamplerDefaults {
    /** Langevin / MALA step size α. */
    public static final double STEP_SIZE = 1e-2;
    /** Steps (per level for annealed Langevin). */
    public static final int STEPS = 1000;
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

    /** The default Langevin settings on {@code threads} threads, no history. */
    public static LangevinConfig langevin(int threads) {
        return new LangevinConfig(STEP_SIZE, STEPS, 0, threads);
    }

    /** The default annealed settings over {@code ladder} on {@code threads} threads, no history. */
    public static AnnealedLangevinConfig annealed(NoiseLadder ladder, int threads) {
        return new AnnealedLangevinConfig(ladder, annealedEpsilon(ladder.sigmaMin()), STEPS, 0, threads);
    }

    /** The default MALA settings on {@code threads} threads. */
    public static MalaConfig mala(int threads) {
        return new MalaConfig(STEP_SIZE, STEPS, threads);
    }

    /** n·d starting coordinates uniform in [{@value #START_LOW}, {@value #START_HIGH}), drawn with {@code key}. */
    public static float[] start(Key key, int n, int d) {
        return Draw.uniform(key, n * d, START_LOW, START_HIGH);
    }
}
