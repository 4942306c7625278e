package io.score4j.objective;

import io.score4j.noise.Sde;
import java.util.Locale;

/**
 * The weighting λ(t) of continuous-time denoising score matching ({@link SdeScoreMatching}) and the law of t
 * that goes with it, on [ε, 1]:
 * <ul>
 *   <li>{@link #SIGMA2}: λ(t) = σ(t)², t uniform on [ε, 1]; the per-example loss is ½‖σ(t)s + z‖² = ½‖net + z‖²
 *       (score_sde's default).</li>
 *   <li>{@link #LIKELIHOOD}: λ(t) = g(t)² (Song, Durkan, Murray &amp; Ermon 2021, the weighting that bounds the
 *       negative log-likelihood), with t importance-sampled from the density p(t) = g(t)²/(σ(t)² Z),
 *       Z = ∫_ε^1 g²/σ² dt, so that λ(t)/p(t) · ½‖s + z/σ‖² = Z · ½‖net + z‖²: the per-example loss is the
 *       σ²-weighted one times the constant Z, and its variance stays that of {@link #SIGMA2}.</li>
 * </ul>
 * t is drawn by inverting the CDF of p in closed form: with F an antiderivative of g²/σ² and B(t) = ∫₀ᵗβ,
 * F(t) = 2 ln(σ_max/σ_min)·t (VE: p is uniform), F(t) = ln(e^{B(t)} − 1) (VP) and
 * F(t) = 2 ln(2 sinh(B(t)/2)) (sub-VP); t = F⁻¹(F(ε) + u(F(1) − F(ε))) for u uniform on [0, 1), and
 * Z = F(1) − F(ε). (A test holds F′ to g²/σ² and Z to quadrature.)
 */
public enum TimeWeighting {
    /** λ(t) = σ(t)², t uniform. */
    SIGMA2("sigma2"),
    /** λ(t) = g(t)², t importance-sampled ∝ g²/σ². */
    LIKELIHOOD("likelihood");

    private final String id;

    TimeWeighting(String id) {
        this.id = id;
    }

    /** The command-line and metadata name. */
    public String id() {
        return id;
    }

    /** Parses {@code sigma2} or {@code likelihood} (case-insensitive); throws naming the allowed values. */
    public static TimeWeighting parse(String s) {
        for (TimeWeighting w : values()) {
            if (w.id.equals(s.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown weighting '" + s + "' (use sigma2, likelihood)");
    }

    /** The time t ∈ [ε, 1] of the uniform draw u ∈ [0, 1) under this weighting's law. */
    public double time(Sde sde, double eps, double u) {
        if (this == SIGMA2) {
            return eps + (1 - eps) * u;
        }
        double lo = cumulative(sde, eps);
        double t = inverse(sde, lo + u * (cumulative(sde, 1) - lo));
        return Math.min(1, Math.max(eps, t));
    }

    /** The constant factor of the per-example loss ½‖net + z‖²: 1 ({@link #SIGMA2}) or Z ({@link #LIKELIHOOD}). */
    public double factor(Sde sde, double eps) {
        return this == SIGMA2 ? 1 : cumulative(sde, 1) - cumulative(sde, eps);
    }

    /** F(t), an antiderivative of g(t)²/σ(t)² on (0, 1]. */
    static double cumulative(Sde sde, double t) {
        if (sde instanceof Sde.Ve ve) {
            return 2 * Math.log(ve.sigmaMax() / ve.sigmaMin()) * t;
        }
        double b = integral(sde, t);
        return sde instanceof Sde.Vp ? Math.log(Math.expm1(b)) : 2 * Math.log(2 * Math.sinh(b / 2));
    }

    /** F⁻¹(f): the t with F(t) = f. */
    static double inverse(Sde sde, double f) {
        if (sde instanceof Sde.Ve ve) {
            return f / (2 * Math.log(ve.sigmaMax() / ve.sigmaMin()));
        }
        double b;
        if (sde instanceof Sde.Vp) {
            b = f > 30 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f));
        } else {
            b = 2 * asinh(Math.exp(f / 2) / 2);
        }
        double[] beta = betas(sde);
        double delta = beta[1] - beta[0];
        return 2 * b / (beta[0] + Math.sqrt(beta[0] * beta[0] + 2 * delta * b));
    }

    /** B(t) = β_min t + ½ t² (β_max − β_min). */
    private static double integral(Sde sde, double t) {
        double[] beta = betas(sde);
        return beta[0] * t + 0.5 * t * t * (beta[1] - beta[0]);
    }

    private static double[] betas(Sde sde) {
        if (sde instanceof Sde.Vp vp) {
            return new double[] {vp.betaMin(), vp.betaMax()};
        }
        Sde.SubVp s = (Sde.SubVp) sde;
        return new double[] {s.betaMin(), s.betaMax()};
    }

    private static double asinh(double y) {
        return Math.log1p(y + y * y / (1 + Math.sqrt(1 + y * y)));
    }
}
