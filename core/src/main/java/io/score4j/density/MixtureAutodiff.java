package io.score4j.density;

import io.score4j.autodiff.Autodiff;
import io.score4j.autodiff.Var;
import io.score4j.tensor.Tensor;
import java.util.List;

/**
 * A Gaussian mixture's log-density as an autodiff graph, and its score the seed's way: forward-mode
 * derivatives of log p (the seed's {@code jax.jacfwd(mixture_norm_log_pdf)}). Used to check the closed
 * form {@link GaussianMixture#score}; slower than it, not meant for sampling.
 */
public final class MixtureAutodiff {
    private MixtureAutodiff() {}

    /**
     * log p(x_i) for each row of x [n, D] (F64), as the log-sum-exp over components k of
     * log w_k − Σ_j (log σ_kj + ½ log 2π) − ½ Σ_j ((x_ij − μ_kj)/σ_kj)². The shift that keeps the
     * log-sum-exp finite is a constant of the graph, which leaves every derivative exact.
     */
    public static Var logDensity(GaussianMixture mix, Var x) {
        int n = x.shape()[0];
        int d = mix.dim();
        int k = mix.components();
        Var[] terms = new Var[k];
        double[][] values = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] mean = mix.means()[c];
            double[] invStd = new double[d];
            double logNorm = StrictMath.log(mix.weight(c));
            for (int j = 0; j < d; j++) {
                invStd[j] = 1.0 / mix.std(c, j);
                logNorm -= StrictMath.log(mix.std(c, j)) + 0.5 * StrictMath.log(2 * Math.PI);
            }
            Var z = x.sub(Var.leaf(Tensor.of(mean, d))).mul(Var.leaf(Tensor.of(invStd, d)));
            terms[c] = z.square().sum(1).mul(-0.5).add(logNorm);
            values[c] = terms[c].value().toDoubleArray();
        }
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                m = Math.max(m, values[c][i]);
            }
            shift[i] = m;
        }
        Var m = Var.leaf(Tensor.of(shift, n));
        Var sum = terms[0].sub(m).exp();
        for (int c = 1; c < k; c++) {
            sum = sum.add(terms[c].sub(m).exp());
        }
        return sum.log().add(m);
    }

    /** ∇ₓ log p at each row of {@code points} ([n, D] flat), by D forward-mode passes with one-hot tangents. */
    public static double[] score(GaussianMixture mix, double[] points) {
        int d = mix.dim();
        int n = points.length / d;
        Var x = Var.leaf(Tensor.of(points, n, d));
        Var logp = logDensity(mix, x);
        double[] out = new double[n * d];
        for (int j = 0; j < d; j++) {
            double[] e = new double[n * d];
            for (int i = 0; i < n; i++) {
                e[i * d + j] = 1.0;
            }
            double[] dj = Autodiff.jvp(logp, List.of(x), List.of(Var.leaf(Tensor.wrap(e, n, d)))).value().toDoubleArray();
            for (int i = 0; i < n; i++) {
                out[i * d + j] = dj[i];
            }
        }
        return out;
    }

}
