package io.score4j.likelihood;

import io.score4j.density.GaussianMixture;
import io.score4j.noise.Sde;
import java.util.Objects;

/**
 * The divergence of the exact perturbed score of a Gaussian mixture, in closed form: at time t the marginal
 * is p_t = {@code data.perturbed(m(t), σ(t))}, again a mixture, and tr ∂s/∂x = Δ log p_t(x)
 * ({@link GaussianMixture#laplacian}); the Hutchinson estimate uses vᵀ∇² log p_t v
 * ({@link GaussianMixture#hessianQuadratic}), so the estimator can be checked against the exact trace.
 */
public final class MixtureDivergence implements Divergence {
    private final GaussianMixture data;
    private final Sde sde;
    private final Trace trace;

    /** The divergence of {@code data}'s perturbed score under {@code sde}, computed as {@code trace} says. */
    public MixtureDivergence(GaussianMixture data, Sde sde, Trace trace) {
        this.data = Objects.requireNonNull(data, "data");
        this.sde = Objects.requireNonNull(sde, "sde");
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    @Override
    public void divergence(int count, int[] ids, double[] t, double[] x, int d, double[] out) {
        if (d != data.dim()) {
            throw new IllegalArgumentException("divergence called with d=" + d + " for a mixture of dim " + data.dim());
        }
        double[] v = new double[d];
        for (int i = 0; i < count; i++) {
            GaussianMixture pt = data.perturbed(sde.meanCoefficient(t[i]), sde.marginalStd(t[i]));
            if (trace.kind() == Trace.Kind.EXACT) {
                out[i] = pt.laplacian(x, i * d);
                continue;
            }
            double acc = 0;
            for (int p = 0; p < trace.probes(); p++) {
                trace.probe(ids[i], p, d, v, 0);
                acc += pt.hessianQuadratic(x, i * d, v, 0);
            }
            out[i] = acc / trace.probes();
        }
    }
}
