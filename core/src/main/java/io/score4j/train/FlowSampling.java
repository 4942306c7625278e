package io.score4j.train;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.sampling.DataRange;
import io.score4j.data.MixtureStandardization;
import io.score4j.data.Standardizer;
import io.score4j.density.GaussianMixture;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.ode.OdeResult;
import io.score4j.random.Key;
import io.score4j.sampling.ProbabilityFlow;
import io.score4j.sampling.ProbabilityFlowConfig;
import io.score4j.sampling.TimeScoreFn;
import java.util.Objects;

/**
 * The {@code ode} sampler ({@link ProbabilityFlow}) for a Gaussian mixture's exact score or a time-conditioned
 * network, in original units. Both run in standardised units, as a model does: a mixture by its own mean and
 * std ({@link MixtureStandardization}), a network by its standardizer; samples are mapped back at the end.
 * The prior draw uses key.child(0).
 */
public final class FlowSampling {
    private FlowSampling() {}

    /** Samples (original units, flat [n, d], with the count of non-finite rows) and the solver's cost. */
    public record Drawn(ModelSampling.Drawn samples, OdeResult cost) {
        public Drawn {
            Objects.requireNonNull(samples, "samples");
            Objects.requireNonNull(cost, "cost");
        }
    }

    /** {@code n} draws from {@code mix} by the probability-flow ODE of {@code cfg.sde()} with the exact perturbed score. */
    public static Drawn fromMixture(GaussianMixture mix, int n, ProbabilityFlowConfig cfg, Key key) {
        RunMemory.sampling(n, mix.dim(), null, 0).check();
        Standardizer st = MixtureStandardization.standardizerOf(mix);
        GaussianMixture z = MixtureStandardization.standardised(mix, st);
        return run(TimeScoreFn.of(z, cfg.sde()), st, n, mix.dim(), cfg, key);
    }

    /**
     * {@code n} draws from a time-conditioned network working in {@code standardizer}'s units; {@code cfg.sde()}
     * must be the network's own SDE. The hook a score SDE model's {@code sample --sampler ode} goes through.
     *
     * @throws InputException when the network is not time-conditioned or its SDE differs from {@code cfg}'s
     */
    public static Drawn fromNetwork(ScoreNetwork network, Standardizer standardizer, int n, ProbabilityFlowConfig cfg,
                                    Key key) {
        if (!(network.conditioning() instanceof Conditioning.Time time)) {
            throw new InputException("--sampler ode needs a score SDE model (trained with --objective dsm); this one is "
                    + "conditioned by " + network.conditioning());
        }
        if (!time.sde().equals(cfg.sde())) {
            throw new InputException("--sde: the model was trained with the " + time.sde() + " SDE, not " + cfg.sde());
        }
        RunMemory.sampling(n, network.dim(), network.spec(), 0).check();
        return run(network.timeConditional(), standardizer, n, network.dim(), cfg, key);
    }

    /**
     * Refuses a condition ({@code score4j sample --given}) for the probability-flow ODE, whose mean-path flow is
     * more biased than pc.
     *
     * @throws InputException naming --given when {@code given} is true
     */
    public static void refuseGiven(boolean given) {
        if (given) {
            throw new InputException("--given: --sampler ode does not sample conditionals (its mean-path flow is more "
                    + "biased than pc, README); use --sampler pc or em (the replacement method, approximate; README)");
        }
    }

    /**
     * {@code n} draws from a score SDE model by its probability-flow ODE, as {@code sample --sampler ode} and
     * {@code report --sampler ode} draw them: the model's own SDE ({@code sde}, when not null, must name it),
     * {@code solver}, down to {@code eps} (null: {@link io.score4j.sampling.SamplerDefaults#SAMPLING_EPS}).
     *
     * @throws InputException naming {@code source} when the model is not a score SDE model, or naming --sde
     */
    public static Drawn fromModel(ScoreModel model, String source, int n, io.score4j.ode.OdeSolver solver, Double eps,
                                  String sde, Parallelism parallelism, Key key) {
        io.score4j.noise.Sde own = ModelLikelihood.sde(model, source, "--sampler ode", sde);
        ProbabilityFlowConfig cfg = new ProbabilityFlowConfig(own, solver,
                eps != null ? eps : io.score4j.sampling.SamplerDefaults.SAMPLING_EPS, parallelism);
        return fromNetwork(model.network(), model.standardizer(), n, cfg, key);
    }

    private static Drawn run(TimeScoreFn score, Standardizer st, int n, int d, ProbabilityFlowConfig cfg, Key key) {
        ProbabilityFlow.Samples s = ProbabilityFlow.sample(score, n, d, 0, cfg, key.child(0));
        double[] z = s.points();
        return new Drawn(ModelSampling.Drawn.of(st.invert(z), z, d, DataRange.standardised(d), Double.NaN,
                s.cost().maxEvaluations()), s.cost());
    }
}
