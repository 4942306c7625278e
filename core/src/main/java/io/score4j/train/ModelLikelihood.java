package io.score4j.train;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.likelihood.Likelihood;
import io.score4j.likelihood.LikelihoodResult;
import io.score4j.likelihood.LikelihoodSettings;
import io.score4j.likelihood.Trace;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.noise.Sde;

/**
 * Log-likelihoods of a saved {@link ScoreModel} in the data's original units ({@link Likelihood#network}): the
 * model's {@link ScoreModel#network() network} must be time-conditioned (a score SDE model); its SDE is the
 * model's own.
 */
public final class ModelLikelihood {
    private ModelLikelihood() {}

    /**
     * The score SDE of the model, or an {@link InputException} naming {@code source} and saying why {@code use}
     * (e.g. {@code logp}, {@code --sampler ode}) cannot run on it.
     */
    public static Sde sde(ScoreModel model, String source, String use) {
        if (!(model.network().conditioning() instanceof Conditioning.Time time)) {
            String objective = model.settings().get("objective");
            throw new InputException(source + ": " + use + " needs a score SDE model (time-conditioned, trained with --objective "
                    + "dsm), but this model " + (objective != null ? "was trained with --objective " + objective + " and " : "")
                    + "is " + (model.noiseConditional() ? "noise-level conditioned" : "not conditioned on time"));
        }
        return time.sde();
    }

    /**
     * {@link #sde(ScoreModel, String, String)}, which {@code requested} (a {@code --sde} name, or null for none) must
     * name; an {@link InputException} naming {@code --sde} otherwise.
     */
    public static Sde sde(ScoreModel model, String source, String use, String requested) {
        Sde own = sde(model, source, use);
        InputException.require(requested == null || requested.equalsIgnoreCase(own.id()), "--sde", requested,
                "must be the model's own SDE, " + own.id() + " (or left out)");
        return own;
    }

    /**
     * log p_ε of each row of {@code x} (flat [n, d], original units, not modified) under the model.
     *
     * @throws InputException when the model is not a score SDE model
     */
    public static LikelihoodResult logp(ScoreModel model, String source, Trace trace, double[] x,
                                        LikelihoodSettings settings, Parallelism parallelism) {
        TableTraining.requireNotTable(model, source, "logp");
        sde(model, source, "logp");
        ScoreNetwork net = model.network();
        return Likelihood.network(net, model.standardizer(), trace, x, 0, settings, parallelism);
    }
}
