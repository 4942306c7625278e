package io.score4j.noise;

import java.util.Locale;

/**
 * A score SDE of Song et al. (ICLR 2021) on t ∈ [0, {@link #T}]: the forward diffusion
 *
 * <pre>  dx = f(t)·x dt + g(t) dw</pre>
 *
 * with a linear drift, so the perturbation kernel is Gaussian and the same in every coordinate:
 *
 * <pre>  p_t(x(t) | x(0)) = N(x(t); m(t)·x(0), σ(t)² I)</pre>
 *
 * ({@link #meanCoefficient m(t)}, {@link #marginalStd σ(t)}). The prior p_T ≈ N(0, {@link #priorStd}² I).
 * Reverse-time SDE: dx = [f(t)x − g(t)² ∇ₓ log p_t(x)] dt + g(t) dw̄; probability-flow ODE:
 * dx/dt = f(t)x − ½ g(t)² ∇ₓ log p_t(x). Conventions follow the {@code score_sde} repository
 * ({@code sde_lib.py}): in particular the VE marginal std is σ(t) itself, not √(σ(t)² − σ_min²).
 *
 * <p>A pure value type: depends on nothing else in score4j. Every parameter is validated once, here.
 */
public sealed interface Sde permits Sde.Ve, Sde.Vp, Sde.SubVp {
    /** The end time T of every SDE. */
    double T = 1.0;

    /** The default smallest time ε of training and sampling (score_sde's {@code sampling_eps} for VP/sub-VP). */
    double DEFAULT_EPS = 1e-5;

    /** The command-line and metadata name: {@code ve}, {@code vp} or {@code subvp}. */
    String id();

    /** f(t): the drift is f(t)·x. */
    double driftCoefficient(double t);

    /** g(t) ≥ 0, the diffusion coefficient. */
    double diffusion(double t);

    /** m(t): E[x(t) | x(0)] = m(t)·x(0). */
    double meanCoefficient(double t);

    /** σ(t): the standard deviation of x(t) given x(0), in every coordinate. */
    double marginalStd(double t);

    /** The prior's standard deviation: p_T = N(0, priorStd² I). */
    double priorStd();

    /**
     * log N(x; 0, priorStd² I) of row {@code x[off, off + d)} (nats; not modified).
     */
    default double priorLogDensity(double[] x, int off, int d) {
        double s = priorStd();
        double q = 0;
        for (int j = 0; j < d; j++) {
            double z = x[off + j] / s;
            q += z * z;
        }
        return -0.5 * q - d * (Math.log(s) + 0.5 * Math.log(2 * Math.PI));
    }

    /**
     * The forward step from t − dt to t discretised as x_t = x_{t−dt} + a·x_{t−dt} + G·z (score_sde's
     * {@code SDE.discretize}), with the Langevin corrector's α at this step. The default is Euler–Maruyama:
     * a = f(t)·dt, G = g(t)·√dt, α = 1; VE and VP override it with their exact DDPM/NCSN discretisations.
     *
     * @param t  the step's later time, in (dt, T]
     * @param dt the step, &gt; 0
     */
    default Discrete discretize(double t, double dt) {
        return new Discrete(driftCoefficient(t) * dt, diffusion(t) * Math.sqrt(dt), 1);
    }

    /**
     * One discretised forward step: drift a·x, noise standard deviation G and the corrector's α
     * (score_sde's {@code alphas[i]} for VP-type SDEs, 1 for VE).
     */
    record Discrete(double drift, double noise, double alpha) {
        public Discrete {
            if (!Double.isFinite(drift) || !(noise >= 0) || !Double.isFinite(noise) || !(alpha > 0) || !(alpha <= 1)) {
                throw new IllegalArgumentException("a discretised step needs a finite drift, finite noise >= 0 and "
                        + "0 < alpha <= 1, got " + drift + ", " + noise + ", " + alpha);
            }
        }
    }

    /** Parses {@code ve}, {@code vp} or {@code subvp} (case-insensitive) with the given VE range or VP β range. */
    static Sde parse(String id, double sigmaMin, double sigmaMax, double betaMin, double betaMax) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "ve" -> new Ve(sigmaMin, sigmaMax);
            case "vp" -> new Vp(betaMin, betaMax);
            case "subvp", "sub-vp" -> new SubVp(betaMin, betaMax);
            default -> throw new IllegalArgumentException("unknown SDE '" + id + "' (use ve, vp, subvp)");
        };
    }

    /**
     * Variance exploding: f = 0, σ(t) = σ_min (σ_max/σ_min)^t, g(t) = σ(t) √(2 ln(σ_max/σ_min)), m = 1,
     * prior N(0, σ_max² I). The NCSN ladder is this SDE discretised ({@link #ladder}).
     */
    record Ve(double sigmaMin, double sigmaMax) implements Sde {
        public Ve {
            if (!(sigmaMin > 0) || !Double.isFinite(sigmaMin)) {
                throw new IllegalArgumentException("the VE SDE needs a finite sigma_min > 0, got " + sigmaMin);
            }
            if (!(sigmaMax > sigmaMin) || !Double.isFinite(sigmaMax)) {
                throw new IllegalArgumentException("the VE SDE needs a finite sigma_max > sigma_min=" + sigmaMin
                        + ", got " + sigmaMax);
            }
        }

        @Override
        public String id() {
            return "ve";
        }

        @Override
        public double driftCoefficient(double t) {
            return 0;
        }

        @Override
        public double diffusion(double t) {
            return marginalStd(t) * Math.sqrt(2 * (Math.log(sigmaMax) - Math.log(sigmaMin)));
        }

        @Override
        public double meanCoefficient(double t) {
            return 1;
        }

        @Override
        public double marginalStd(double t) {
            return sigmaMin * Math.pow(sigmaMax / sigmaMin, t);
        }

        @Override
        public double priorStd() {
            return sigmaMax;
        }

        /** NCSN's step: a = 0, G = √(σ(t)² − σ(t − dt)²), α = 1 (score_sde's {@code VESDE.discretize} on this grid). */
        @Override
        public Discrete discretize(double t, double dt) {
            double hi = marginalStd(t);
            double lo = marginalStd(t - dt);
            return new Discrete(0, Math.sqrt(Math.max(0, (hi - lo) * (hi + lo))), 1);
        }

        /** The NCSN ladder of {@code levels} levels: {@link NoiseLadder#geometric}(σ_max, σ_min, levels), bit for bit. */
        public NoiseLadder ladder(int levels) {
            return NoiseLadder.geometric(sigmaMax, sigmaMin, levels);
        }
    }

    /**
     * Variance preserving (DDPM's limit): β(t) = β_min + t(β_max − β_min), f = −½β(t), g = √β(t),
     * m(t) = exp(−½∫₀ᵗβ), σ(t) = √(1 − m(t)²), prior N(0, I).
     */
    record Vp(double betaMin, double betaMax) implements Sde {
        public Vp {
            Betas.check("VP", betaMin, betaMax);
        }

        @Override
        public String id() {
            return "vp";
        }

        @Override
        public double driftCoefficient(double t) {
            return -0.5 * Betas.beta(betaMin, betaMax, t);
        }

        @Override
        public double diffusion(double t) {
            return Math.sqrt(Betas.beta(betaMin, betaMax, t));
        }

        @Override
        public double meanCoefficient(double t) {
            return Math.exp(-0.5 * Betas.integral(betaMin, betaMax, t));
        }

        @Override
        public double marginalStd(double t) {
            return Math.sqrt(-Math.expm1(-Betas.integral(betaMin, betaMax, t)));
        }

        @Override
        public double priorStd() {
            return 1;
        }

        /**
         * DDPM's step: α = exp(−∫_{t−dt}^t β), β_i = 1 − α, a = √α − 1, G = √β_i (score_sde's
         * {@code VPSDE.discretize}, with β_i integrated over the step instead of β(t)·dt).
         */
        @Override
        public Discrete discretize(double t, double dt) {
            double alpha = Betas.stepAlpha(betaMin, betaMax, t, dt);
            return new Discrete(Math.sqrt(alpha) - 1, Math.sqrt(1 - alpha), alpha);
        }
    }

    /**
     * Sub-VP: the VP drift, g(t) = √(β(t)(1 − exp(−2∫₀ᵗβ))), m(t) = exp(−½∫₀ᵗβ), σ(t) = 1 − m(t)²
     * (never above the VP's), prior N(0, I).
     */
    record SubVp(double betaMin, double betaMax) implements Sde {
        public SubVp {
            Betas.check("sub-VP", betaMin, betaMax);
        }

        @Override
        public String id() {
            return "subvp";
        }

        @Override
        public double driftCoefficient(double t) {
            return -0.5 * Betas.beta(betaMin, betaMax, t);
        }

        @Override
        public double diffusion(double t) {
            double discount = -Math.expm1(-2 * Betas.integral(betaMin, betaMax, t));
            return Math.sqrt(Betas.beta(betaMin, betaMax, t) * discount);
        }

        @Override
        public double meanCoefficient(double t) {
            return Math.exp(-0.5 * Betas.integral(betaMin, betaMax, t));
        }

        @Override
        public double marginalStd(double t) {
            return -Math.expm1(-Betas.integral(betaMin, betaMax, t));
        }

        @Override
        public double priorStd() {
            return 1;
        }

        /** Euler–Maruyama (score_sde has no other for sub-VP), with the VP corrector α = exp(−∫_{t−dt}^t β). */
        @Override
        public Discrete discretize(double t, double dt) {
            return new Discrete(driftCoefficient(t) * dt, diffusion(t) * Math.sqrt(dt),
                    Betas.stepAlpha(betaMin, betaMax, t, dt));
        }
    }

    /** The linear β schedule shared by VP and sub-VP. */
    final class Betas {
        /** score_sde's defaults. */
        public static final double BETA_MIN = 0.1;
        public static final double BETA_MAX = 20;

        private Betas() {}

        static void check(String name, double betaMin, double betaMax) {
            if (!(betaMin > 0) || !Double.isFinite(betaMin) || !(betaMax >= betaMin) || !Double.isFinite(betaMax)) {
                throw new IllegalArgumentException("the " + name + " SDE needs finite 0 < beta_min <= beta_max, got "
                        + betaMin + " and " + betaMax);
            }
        }

        /** β(t) = β_min + t(β_max − β_min). */
        static double beta(double betaMin, double betaMax, double t) {
            return betaMin + t * (betaMax - betaMin);
        }

        /** ∫₀ᵗ β = β_min t + ½ t² (β_max − β_min). */
        static double integral(double betaMin, double betaMax, double t) {
            return betaMin * t + 0.5 * t * t * (betaMax - betaMin);
        }

        /** exp(−∫_{t−dt}^t β), the DDPM α of the step from t − dt to t. */
        static double stepAlpha(double betaMin, double betaMax, double t, double dt) {
            return Math.exp(-(integral(betaMin, betaMax, t) - integral(betaMin, betaMax, t - dt)));
        }
    }
}
