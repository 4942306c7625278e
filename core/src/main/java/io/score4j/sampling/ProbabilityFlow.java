package io.score4j.sampling;

import io.score4j.noise.Sde;
import io.score4j.ode.BatchOde;
import io.score4j.ode.OdeResult;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Locale;
import java.util.Objects;

/**
 * The probability-flow ODE sampler ({@code score_sde}'s {@code ode_sampler}): particles drawn from the SDE's
 * prior N(0, priorStd² I) at T = 1 follow
 *
 * <pre>  dx/dt = f(t)·x − ½ g(t)² s(x, t)</pre>
 *
 * backwards to t = ε, each particle its own ODE with its own step size ({@link io.score4j.ode.OdeSolver}).
 * Deterministic given the prior draw: particle i's start is priorStd·{@link Draw#normalAt}(key, i·d + j) for
 * its global index i, so particles [a, b) sampled alone (first = a) are those particles of a whole run, to
 * the bit. score_sde's optional final denoising step is not taken (at ε = 1e-5 it moves a particle by about
 * σ(ε)² |s|, below 1e-5 for standardised data). The ODE state is double; the score sees it rounded to float.
 */
public final class ProbabilityFlow {
    /** VE defaults for standardised data: σ_min = 0.01 (score_sde's), σ_max = 100 (far above the data's scale). */
    public static final double VE_SIGMA_MIN = 0.01;
    public static final double VE_SIGMA_MAX = 100;
    /** Heun steps of the {@code ode} sampler when none are given (NFE 200). */
    public static final int DEFAULT_HEUN_STEPS = 100;

    private ProbabilityFlow() {}

    /**
     * The SDE named {@code id} ({@code vp}, {@code subvp}, {@code ve}) with the defaults used for standardised
     * data when nothing else fixes them (a mixture's exact score): β from 0.1 to 20 for VP and sub-VP
     * (score_sde's), σ from {@value #VE_SIGMA_MIN} to {@value #VE_SIGMA_MAX} for VE.
     *
     * @throws IllegalArgumentException for another name
     */
    public static Sde defaultSde(String id) {
        return Sde.parse(id.toLowerCase(Locale.ROOT), VE_SIGMA_MIN, VE_SIGMA_MAX, Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX);
    }

    /** The result: particles at t = ε (flat [n, d], working units) and the solver's per-particle cost. */
    public record Samples(double[] points, int d, OdeResult cost) {
        public Samples {
            Objects.requireNonNull(points, "points");
            Objects.requireNonNull(cost, "cost");
            if (d < 1 || points.length != cost.rows() * d) {
                throw new IllegalArgumentException("points of length " + points.length + " do not hold " + cost.rows()
                        + " rows of d=" + d);
            }
        }
    }

    /**
     * Samples particles [first, first + n) of a run keyed by {@code key}.
     *
     * @param score the time-conditioned score, in the units the particles live in
     */
    public static Samples sample(TimeScoreFn score, int n, int d, long first, ProbabilityFlowConfig cfg, Key key) {
        if (n < 1 || d < 1 || first < 0) {
            throw new IllegalArgumentException("need n >= 1, d >= 1 and first >= 0, got " + n + ", " + d + ", " + first);
        }
        double[] x = new double[n * d];
        double s = cfg.sde().priorStd();
        for (int i = 0; i < n * d; i++) {
            x[i] = s * Draw.normalAt(key, first * d + i);
        }
        OdeResult cost = cfg.solver().solve(drift(score, cfg.sde(), d), d, x, Math.toIntExact(first), Sde.T, cfg.eps(),
                cfg.parallelism());
        return new Samples(x, d, cost);
    }

    /**
     * Samples particles [first, first + n) from p(free | given) approximately, by the probability flow with the
     * given coordinates held on their forward mean path x_given(t) = m(t)·v (the ODE analogue of
     * {@link Replacement}, without its noise): they start at m(T)·v, move by dx/dt = f(t)·x (so they stay on
     * m(t)·v), the free ones follow f(t)x − ½g(t)² s(x, t) with the joint score at that point, and at ε they
     * are set to v. {@code given}'s rows are this slice's (one row, or one per particle). Approximate, with a
     * bias the README measures; nothing given: {@link #sample(TimeScoreFn, int, int, long, ProbabilityFlowConfig,
     * Key)}, bit for bit.
     */
    public static Samples sample(TimeScoreFn score, int n, int d, long first, ProbabilityFlowConfig cfg, Key key,
                                 Given given) {
        Objects.requireNonNull(given, "given");
        if (given.isEmpty()) {
            return sample(score, n, d, first, cfg, key);
        }
        given.requireFits(n, d);
        double[] x = new double[n * d];
        double s = cfg.sde().priorStd();
        double mT = cfg.sde().meanCoefficient(Sde.T);
        for (int i = 0; i < n * d; i++) {
            x[i] = given.isGiven(i / d, i % d) ? mT * given.value(i / d, i % d) : s * Draw.normalAt(key, first * d + i);
        }
        OdeResult cost = cfg.solver().solve(drift(score, cfg.sde(), d, given, first), d, x, Math.toIntExact(first),
                Sde.T, cfg.eps(), cfg.parallelism());
        given.fix(x);
        return new Samples(x, d, cost);
    }

    /**
     * The drift of {@link #sample(TimeScoreFn, int, int, long, ProbabilityFlowConfig, Key, Given)}: the score is
     * evaluated with row r's given coordinates at m(t)·v (r = id − first), whose derivative is f(t)·m(t)·v.
     */
    static BatchOde drift(TimeScoreFn score, Sde sde, int d, Given given, long first) {
        BatchOde joint = drift(score, sde, d);
        return (count, ids, t, y, dydt) -> {
            double[] on = y.clone();
            for (int i = 0; i < count; i++) {
                int r = Math.toIntExact(ids[i] - first);
                double m = sde.meanCoefficient(t[i]);
                for (int j = 0; j < d; j++) {
                    if (given.isGiven(r, j)) {
                        on[i * d + j] = m * given.value(r, j);
                    }
                }
            }
            joint.derivative(count, ids, t, on, dydt);
            for (int i = 0; i < count; i++) {
                int r = Math.toIntExact(ids[i] - first);
                double fm = sde.driftCoefficient(t[i]) * sde.meanCoefficient(t[i]);
                for (int j = 0; j < d; j++) {
                    if (given.isGiven(r, j)) {
                        dydt[i * d + j] = fm * given.value(r, j);
                    }
                }
            }
        };
    }

    /** The probability-flow drift f(t)x − ½g(t)² s(x, t) as a batch of ODEs of dimension d. */
    public static BatchOde drift(TimeScoreFn score, Sde sde, int d) {
        return (count, ids, t, y, dydt) -> {
            float[] xf = new float[count * d];
            for (int e = 0; e < count * d; e++) {
                xf[e] = (float) y[e];
            }
            float[] s = new float[count * d];
            score.score(xf, t, 0, count, d, s);
            for (int i = 0; i < count; i++) {
                double f = sde.driftCoefficient(t[i]);
                double g = sde.diffusion(t[i]);
                double half = 0.5 * g * g;
                for (int j = i * d; j < (i + 1) * d; j++) {
                    dydt[j] = f * y[j] - half * s[j];
                }
            }
        };
    }
}
