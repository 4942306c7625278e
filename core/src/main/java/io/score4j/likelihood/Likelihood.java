package io.score4j.likelihood;

import io.score4j.Parallelism;
import io.score4j.data.MixtureStandardization;
import io.score4j.data.Standardizer;
import io.score4j.density.GaussianMixture;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.noise.Sde;
import io.score4j.ode.BatchOde;
import io.score4j.ode.OdeResult;
import io.score4j.sampling.TimeScoreFn;
import java.util.Objects;

/**
 * Exact log-likelihoods of a score SDE model by the instantaneous change of variables (Chen et al. 2018;
 * Song et al. 2021, appendix D). Along the probability-flow ODE dx/dt = f̃(x, t) = f(t)x − ½g(t)² s(x, t),
 *
 * <pre>  log p_ε(x(ε)) = log p_T(x(T)) + ∫_ε^T ∇·f̃(x(t), t) dt,   ∇·f̃ = d·f(t) − ½g(t)² tr ∂s/∂x,</pre>
 *
 * so the augmented state [x, δ] (dimension d + 1) is integrated forward from x(ε) = x, δ(ε) = 0 to T = 1 and
 * log p(x) = log N(x(T); 0, priorStd² I) + δ(T). Two approximations, both documented where they show:
 * <ul>
 *   <li>the result is the density at time ε, p_ε (the data perturbed by σ(ε)), not at 0: score_sde's
 *       convention. For VP/sub-VP at ε = 1e-5, σ(ε) ≈ 1e-3; for VE σ(ε) ≈ σ_min.</li>
 *   <li>p_T is replaced by the SDE's prior. For VP/sub-VP, m(1) ≈ 0.0066, so the mismatch is about
 *       m(1)²·(data second moment) nats; for VE it is of order (‖E x‖/σ_max) plus (second moment)/σ_max², which
 *       needs σ_max far above the data's scale.</li>
 * </ul>
 * Each row is its own ODE with its own step size ({@link io.score4j.ode.OdeSolver}): a row's logp, to the bit,
 * depends only on the row, its global index (which fixes Hutchinson probes) and the settings.
 */
public final class Likelihood {
    private Likelihood() {}

    /**
     * log p_ε of each row of {@code x} under the model whose score is {@code score} (in the same units as x).
     *
     * @param x        flat row-major [n, d], not modified
     * @param firstRow the global index of row 0 (probes and determinism across slices)
     */
    public static LikelihoodResult logp(TimeScoreFn score, Divergence divergence, Sde sde, double[] x, int d,
                                        int firstRow, LikelihoodSettings settings, Parallelism parallelism) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(divergence, "divergence");
        Objects.requireNonNull(sde, "sde");
        if (d < 1 || x.length % d != 0) {
            throw new IllegalArgumentException("points length " + x.length + " is not a multiple of d=" + d);
        }
        int n = x.length / d;
        int m = d + 1;
        double[] y = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, y, i * m, d);
        }
        BatchOde ode = divergence instanceof NetworkDivergence nd ? augmented(nd::scoreAndDivergence, sde, d)
                : augmented((count, ids, t, xf, xd, dd, s, tr) -> {
                    score.score(xf, t, 0, count, dd, s);
                    divergence.divergence(count, ids, t, xd, dd, tr);
                }, sde, d);
        OdeResult r = settings.solver().solve(ode, m, y, firstRow, settings.eps(),
                Sde.T, parallelism);
        double[] logp = new double[n];
        for (int i = 0; i < n; i++) {
            logp[i] = sde.priorLogDensity(y, i * m, d) + y[i * m + d];
        }
        return new LikelihoodResult(logp, r.evaluations());
    }

    /**
     * log p_ε under the probability-flow ODE driven by the exact perturbed score of the mixture {@code data}
     * (closed form under every SDE), with the divergence in closed form or estimated as {@code trace} says.
     * Like a model, the ODE runs in standardised units: the mixture is first standardised by its own mean and
     * per-coordinate std ({@link MixtureStandardization#standardizerOf}), which puts its mean at 0 and so keeps the prior mismatch
     * at second order; the Jacobian −Σ_j log std_j brings the result back to x's units. Compare with
     * {@link #exactMixture}, the closed form of the same quantity.
     *
     * @param x flat [n, D] rows in the mixture's units, not modified
     */
    public static LikelihoodResult mixture(GaussianMixture data, Sde sde, Trace trace, double[] x, int firstRow,
                                           LikelihoodSettings settings, Parallelism parallelism) {
        Standardizer st = MixtureStandardization.standardizerOf(data);
        GaussianMixture z = MixtureStandardization.standardised(data, st);
        LikelihoodResult r = logp(TimeScoreFn.of(z, sde), new MixtureDivergence(z, sde, trace), sde, st.apply(x),
                data.dim(), firstRow, settings, parallelism);
        return shifted(r, -logStdSum(st));
    }

    /**
     * The closed form of what {@link #mixture} approximates, per row of {@code x} (flat [n, D], not modified):
     * log p_ε(x) where p_ε is the law of the data perturbed to time ε in standardised units,
     * x_ε = mean + std ⊙ (m(ε) z + σ(ε) ξ) with z the standardised data and ξ ~ N(0, I), i.e. the log-density of
     * {@code standardised(data).perturbed(m(ε), σ(ε))} at (x − mean)/std, minus Σ_j log std_j. It differs from
     * the data's own log p(x) by O(σ(ε)²·std⁻²·|Δ log p|) (≈ 1e-6 nats for VP at ε = 1e-5).
     */
    public static double[] exactMixture(GaussianMixture data, Sde sde, double eps, double[] x) {
        Standardizer st = MixtureStandardization.standardizerOf(data);
        double[] lp = MixtureStandardization.standardised(data, st).perturbed(sde.meanCoefficient(eps), sde.marginalStd(eps))
                .logDensities(st.apply(x));
        double shift = logStdSum(st);
        for (int i = 0; i < lp.length; i++) {
            lp[i] -= shift;
        }
        return lp;
    }

    private static LikelihoodResult shifted(LikelihoodResult r, double shift) {
        double[] logp = r.logp();
        for (int i = 0; i < logp.length; i++) {
            logp[i] += shift;
        }
        return new LikelihoodResult(logp, r.nfe());
    }

    /**
     * log p_ε in the data's ORIGINAL units for a time-conditioned network that works in standardised units
     * z = (x − mean)/std: log p_x(x) = log p_z(z) − Σ_j log std_j (the Jacobian of the standardisation).
     *
     * @param x flat [n, d] rows in original units, not modified
     * @throws IllegalArgumentException when the network is not time-conditioned or does not fit the standardizer
     */
    public static LikelihoodResult network(ScoreNetwork network, Standardizer standardizer, Trace trace, double[] x,
                                           int firstRow, LikelihoodSettings settings, Parallelism parallelism) {
        if (!(network.conditioning() instanceof Conditioning.Time time)) {
            throw new IllegalArgumentException("the likelihood needs a time-conditioned score network (a score SDE "
                    + "model trained with --objective dsm), this one is conditioned by " + network.conditioning());
        }
        int d = network.dim();
        if (standardizer.dim() != d) {
            throw new IllegalArgumentException("standardizer of dim " + standardizer.dim() + " for a network of dim " + d);
        }
        LikelihoodResult z = logp(network.timeConditional(), new NetworkDivergence(network, trace), time.sde(),
                standardizer.apply(x), d, firstRow, settings, parallelism);
        return shifted(z, -logStdSum(standardizer));
    }

    /** Σ_j log std_j of the standardisation. */
    public static double logStdSum(Standardizer standardizer) {
        double s = 0;
        for (double v : standardizer.std()) {
            s += Math.log(v);
        }
        return s;
    }

    /** One evaluation of the score s (float) and the divergence tr (double) of a batch; see {@link NetworkDivergence#scoreAndDivergence}. */
    @FunctionalInterface
    interface ScoreAndDivergence {
        void evaluate(int count, int[] ids, double[] t, float[] xf, double[] xd, int d, float[] s, double[] tr);
    }

    /** The augmented ODE d[x, δ]/dt = [f(t)x − ½g²s(x, t), d·f(t) − ½g² tr ∂s/∂x]. */
    static BatchOde augmented(ScoreAndDivergence eval, Sde sde, int d) {
        int m = d + 1;
        return (count, ids, t, y, dydt) -> {
            float[] xf = new float[count * d];
            double[] xd = new double[count * d];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < d; j++) {
                    xd[i * d + j] = y[i * m + j];
                    xf[i * d + j] = (float) y[i * m + j];
                }
            }
            float[] s = new float[count * d];
            double[] tr = new double[count];
            eval.evaluate(count, ids, t, xf, xd, d, s, tr);
            for (int i = 0; i < count; i++) {
                double f = sde.driftCoefficient(t[i]);
                double g = sde.diffusion(t[i]);
                double half = 0.5 * g * g;
                for (int j = 0; j < d; j++) {
                    dydt[i * m + j] = f * y[i * m + j] - half * s[i * d + j];
                }
                dydt[i * m + d] = d * f - half * tr[i];
            }
        };
    }
}
