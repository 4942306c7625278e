package io.score4j.data;

import io.score4j.density.GaussianMixture;

/**
 * A Gaussian mixture in standardised units, as a model sees its data: the mixture's own mean and
 * per-coordinate standard deviation as a {@link Standardizer}, and the law of (X − mean)/std. Score SDE
 * paths driven by a mixture's exact score (the {@code ode} sampler, {@code logp --mixture}) run there, so the
 * SDE's prior fits p_T as it does for a standardised model.
 */
public final class MixtureStandardization {
    private MixtureStandardization() {}

    /** mean = E[X], std_j = √Var[X_j] of the mixture ({@link GaussianMixture#mixtureVariance}). */
    public static Standardizer standardizerOf(GaussianMixture data) {
        double[] var = data.mixtureVariance();
        double[] std = new double[var.length];
        for (int j = 0; j < var.length; j++) {
            std[j] = Math.sqrt(var[j]);
        }
        return new Standardizer(data.mixtureMean(), std);
    }

    /** The law of (X − mean)/std for X ~ data: the same weights, means (μ_k − mean)/std and stds σ_k/std. */
    public static GaussianMixture standardised(GaussianMixture data, Standardizer st) {
        if (st.dim() != data.dim()) {
            throw new IllegalArgumentException("standardizer of dim " + st.dim() + " for a mixture of dim " + data.dim());
        }
        double[][] mu = data.means();
        double[][] sd = data.stds();
        double[] mean = st.mean();
        double[] std = st.std();
        for (int c = 0; c < mu.length; c++) {
            for (int j = 0; j < mean.length; j++) {
                mu[c][j] = (mu[c][j] - mean[j]) / std[j];
                sd[c][j] = sd[c][j] / std[j];
            }
        }
        return new GaussianMixture(data.weights(), mu, sd);
    }
}
