package io.score4j.train;

import io.score4j.InputException;
import io.score4j.density.GaussianMixture;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.AnnealedLangevin;
import io.score4j.sampling.AnnealedLangevinConfig;
import io.score4j.sampling.Chain;
import io.score4j.sampling.Given;
import io.score4j.sampling.DataRange;
import io.score4j.sampling.DiffusionConfig;
import io.score4j.sampling.DiffusionResult;
import io.score4j.sampling.EulerMaruyamaConfig;
import io.score4j.sampling.PredictorCorrectorConfig;
import io.score4j.sampling.Replacement;
import io.score4j.sampling.ReverseDiffusion;
import io.score4j.sampling.Settling;
import io.score4j.sampling.Langevin;
import io.score4j.sampling.LangevinConfig;
import io.score4j.sampling.Mala;
import io.score4j.sampling.MalaConfig;
import io.score4j.sampling.MalaResult;
import io.score4j.sampling.NoiseConditionalScoreFn;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.sampling.ScoreFn;
import io.score4j.sampling.TimeScoreFn;
import io.score4j.tensor.Tensor;

/**
 * Samples a {@link ScoreModel} or a {@link GaussianMixture} with a {@link SamplingPlan}, as
 * {@code score4j sample} and {@code score4j report} do. The model's {@link ScoreNetwork} picks the
 * fused or generic chain; {@link SamplerDefaults} fills what the plan leaves out. Keys: start =
 * key.child(0), chain = key.child(1). The memory a run needs ({@link RunMemory#sampling}) is checked
 * against the heap before it starts. Wrong combinations (MALA on a learned score, annealed without a
 * ladder, a mixture beyond float range) are {@link InputException}s naming the flag.
 */
public final class ModelSampling {
    private ModelSampling() {}

    /** Receives the progress of one sampling phase at a time: start, updates (done of total), finish. */
    public interface Progress {
        /** A phase named {@code label} ("langevin", "annealed", "mala") of {@code total} steps begins. */
        void start(String label, long total);

        /** {@code done} steps of the current phase are done. */
        void update(long done);

        /** The current phase ended. */
        void finish();

        /** Progress nobody watches. */
        Progress NONE = new Progress() {
            @Override
            public void start(String label, long total) {}

            @Override
            public void update(long done) {}

            @Override
            public void finish() {}
        };
    }

    /**
     * Samples in original units, flat [n, d]; the MALA acceptance rate (NaN for other samplers); the count of
     * rows with a non-finite value; the count of rows that escaped the data's range ({@link DataRange}: non-finite
     * or beyond {@value DataRange#ESCAPE_FACTOR} ranges from it, so ≥ nonFinite); the score evaluations per particle
     * (NFE: steps for Langevin and MALA, steps × levels for annealed, {@link DiffusionResult#nfe} for em and pc).
     */
    public record Drawn(double[] points, double acceptanceRate, int nonFinite, int escaped, long nfe) {
        public Drawn {
            java.util.Objects.requireNonNull(points, "points");
            if (nonFinite < 0 || escaped < nonFinite || nfe < 0) {
                throw new IllegalArgumentException("need 0 <= nonFinite <= escaped and nfe >= 0, got " + nonFinite + ", "
                        + escaped + ", " + nfe);
            }
        }

        /** {@code points} (original units), with escapes counted on {@code working} (the chain's units) in {@code range}. */
        static Drawn of(double[] points, double[] working, int d, DataRange range, double acceptanceRate, long nfe) {
            int bad = io.score4j.metrics.ColumnStats.nonFiniteRows(points, d);
            return new Drawn(points, acceptanceRate, bad, Math.max(bad, range.escaped(working, d)), nfe);
        }

        static Drawn of(double[] points, int d, DataRange range, double acceptanceRate, long nfe) {
            return of(points, points, d, range, acceptanceRate, nfe);
        }
    }

    /** {@code n} draws from {@code mix}; langevin and annealed run in floats, MALA in doubles on the density. */
    public static Drawn fromMixture(GaussianMixture mix, int n, SamplingPlan o, Key key, Progress bar) {
        return fromMixture(mix, 0, n, o, key, bar, Given.none(mix.dim()));
    }

    /**
     * Particles [first, first + n) of a larger run from {@code mix}: bit for bit those rows of
     * {@link #fromMixture(GaussianMixture, int, SamplingPlan, Key, Progress)} (start and noise are keyed by the
     * global particle index). MALA, whose acceptance rate is a statistic of the whole run, runs only whole.
     */
    public static Drawn fromMixture(GaussianMixture mix, long first, int n, SamplingPlan o, Key key, Progress bar) {
        return fromMixture(mix, first, n, o, key, bar, Given.none(mix.dim()));
    }

    /**
     * As {@link #fromMixture(GaussianMixture, int, SamplingPlan, Key, Progress)}, drawing from the conditional
     * p(rest | given) ({@link Given}: exact score wrapper; the given coordinates come back as exactly its values).
     */
    public static Drawn fromMixture(GaussianMixture mix, int n, SamplingPlan o, Key key, Progress bar, Given given) {
        return fromMixture(mix, 0, n, o, key, bar, given);
    }

    /** Particles [first, first + n) of the conditional draw (see the two methods above). */
    public static Drawn fromMixture(GaussianMixture mix, long first, int n, SamplingPlan o, Key key, Progress bar,
                                    Given given) {
        requireNotOde(o);
        int d = mix.dim();
        given.requireFits(n, d);
        RunMemory.sampling(n, d, null, o.kind() == SamplerKind.ANNEALED ? o.levelsOr(SamplerDefaults.MIXTURE_LEVELS) : 0)
                .check();
        if (o.kind() != SamplerKind.MALA) {
            checkFloatRange(mix, o.kind());
            GivenColumns.requireFloatRange(given, given, io.score4j.data.Dataset.defaultColumns(d), "");
        } else if (first != 0) {
            throw new InputException("--sampler mala runs whole, not split over partitions: sample it without --spark");
        }
        DataRange range = DataRange.of(mix);
        if (o.kind().diffusion()) {
            Sde sde = o.mixtureSde(mix);
            DiffusionResult r = diffusion(TimeScoreFn.of(mix, sde), sde, first, n, d, o, key, bar, given);
            return Drawn.of(fixed(given, widen(r.samples().data32())), d, range, Double.NaN, r.nfe());
        }
        float[] start = startRows(key.child(0), first, n, d, o);
        switch (o.kind()) {
            case MALA: {
                double[] s = new double[start.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = start[i];
                }
                bar.start("mala", o.steps());
                MalaResult r = Mala.sample(given.density(mix), s, new MalaConfig(o.stepSize(0), o.steps(), o.parallelism()), key.child(1),
                        bar::update);
                bar.finish();
                return Drawn.of(fixed(given, r.samples().toDoubleArray()), d, range, r.acceptanceRate(), o.steps());
            }
            case ANNEALED: {
                NoiseLadder ladder = o.mixtureLadder(mix);
                return Drawn.of(fixed(given, widen(annealed(given.score(NoiseConditionalScoreFn.of(mix::convolved)), start, d,
                        first, ladder, o, key, bar))), d, range, Double.NaN, (long) o.steps() * ladder.levels());
            }
            case LANGEVIN:
            default:
                return Drawn.of(fixed(given, widen(langevin(given.chain(Chain.generic(ScoreFn.of(mix))), start, d, first, o, key, bar))),
                        d, range, Double.NaN, o.steps());
        }
    }

    /**
     * {@code n} draws from the model, in original units (standardised chains, inverted at the end). A
     * noise-conditional model samples on its own ladder unless the plan reshapes it (then geometric
     * between the chosen ends); langevin on such a model uses the smallest σ.
     */
    public static Drawn fromModel(ScoreModel m, int n, SamplingPlan o, Key key, Progress bar) {
        return fromModel(m, 0, n, o, key, bar, Given.none(m.dim()));
    }

    /**
     * Particles [first, first + n) of a larger run from the model: bit for bit those rows of
     * {@link #fromModel(ScoreModel, int, SamplingPlan, Key, Progress)} (start and noise are keyed by the global
     * particle index, whatever the run's size), so ranges sampled apart concatenate to the whole run.
     */
    public static Drawn fromModel(ScoreModel m, long first, int n, SamplingPlan o, Key key, Progress bar) {
        return fromModel(m, first, n, o, key, bar, Given.none(m.dim()));
    }

    /**
     * As {@link #fromModel(ScoreModel, int, SamplingPlan, Key, Progress)}, drawing from the conditional
     * p(rest | given): {@code given} holds values in original units (one row for every particle, or one row per
     * particle); the chains see them standardised through the model's standardizer ({@link Given}'s exact score
     * wrapper) and the given coordinates come back as exactly {@code given}'s values.
     */
    public static Drawn fromModel(ScoreModel m, int n, SamplingPlan o, Key key, Progress bar, Given given) {
        return fromModel(m, 0, n, o, key, bar, given);
    }

    /** Particles [first, first + n) of the conditional draw (see the two methods above). */
    public static Drawn fromModel(ScoreModel m, long first, int n, SamplingPlan o, Key key, Progress bar, Given given) {
        requireNotOde(o);
        int d = m.dim();
        given.requireFits(n, d);
        Given inModel = GivenColumns.standardized(m, given);
        RunMemory.sampling(n, d, m.spec(), m.noiseConditional() && o.kind() == SamplerKind.ANNEALED
                ? o.levelsOr(m.sigmas().length) : 0).check();
        if (o.kind() == SamplerKind.MALA) {
            throw new InputException("--sampler mala needs a density, not a learned score: use it with --mixture");
        }
        ScoreNetwork net = m.network();
        if (net.conditioning() instanceof Conditioning.Time time) {
            DiffusionResult r = diffusion(net.timeConditional(), modelSde(m, time.sde(), o), first, n, d, o, key, bar,
                    inModel, TableTraining.settling(m));
            double[] z = widen(r.samples().data32());
            return Drawn.of(fixed(given, m.standardizer().invert(z)), z, d, DataRange.standardised(d), Double.NaN, r.nfe());
        }
        if (o.kind().diffusion()) {
            throw new InputException(sdeNeedsTimeModel(m, o.kind()));
        }
        float[] start = startRows(key.child(0), first, n, d, o);
        float[] z;
        long nfe = o.steps();
        if (m.noiseConditional()) {
            double[] sig = m.sigmas();
            // The model's own ladder, unless a flag reshapes it (then geometric between the chosen ends).
            NoiseLadder ladder = o.sigmaMax() == null && o.sigmaMin() == null && o.levels() == null ? m.noise()
                    : NoiseLadder.geometric(o.sigmaMax() != null ? o.sigmaMax() : sig[0],
                    o.sigmaMin() != null ? o.sigmaMin() : sig[sig.length - 1], o.levels() != null ? o.levels() : sig.length);
            if (o.kind() == SamplerKind.ANNEALED) {
                z = annealed(inModel.score(net.noiseConditional()), start, d, first, ladder, o, key, bar);
                nfe *= ladder.levels();
            } else {
                z = langevin(inModel.chain(net.chainAt(ladder.sigmaMin())), start, d, first, o, key, bar);
            }
        } else {
            if (o.kind() == SamplerKind.ANNEALED) {
                throw new InputException(annealedNeedsLadder(m));
            }
            z = langevin(inModel.chain(net.chain()), start, d, first, o, key, bar);
        }
        double[] w = widen(z);
        return Drawn.of(fixed(given, m.standardizer().invert(w)), w, d, DataRange.standardised(d), Double.NaN, nfe);
    }

    /** The ode sampler has its own entry ({@link FlowSampling}); never run another sampler in its place. */
    private static void requireNotOde(SamplingPlan o) {
        if (o.kind() == SamplerKind.ODE) {
            throw new IllegalArgumentException("--sampler ode is sampled by FlowSampling, not ModelSampling");
        }
    }

    /**
     * The hook every reverse-SDE draw goes through: {@code n} particles of dimension {@code d} by the plan's
     * {@code em} or {@code pc} sampler ({@link SamplerDefaults} for what it leaves out) from {@code score} under
     * {@code sde}, in the score's own units; the prior and all noise come from key.child(1).
     */
    public static DiffusionResult diffusion(TimeScoreFn score, Sde sde, long first, int n, int d, SamplingPlan o,
                                            Key key, Progress bar) {
        return diffusion(score, sde, first, n, d, o, key, bar, Given.none(d));
    }

    /**
     * As {@link #diffusion(TimeScoreFn, Sde, long, int, int, SamplingPlan, Key, Progress)}, drawing p(free | given)
     * approximately by the replacement method ({@link Replacement}; {@code given} in the score's units, its
     * replacement noise from key.child(1) as {@link ReverseDiffusion} keys it). Nothing given: the unconditional
     * draw, bit for bit.
     */
    public static DiffusionResult diffusion(TimeScoreFn score, Sde sde, long first, int n, int d, SamplingPlan o,
                                            Key key, Progress bar, Given given) {
        return diffusion(score, sde, first, n, d, o, key, bar, given, new Settling(d, new int[0][], Settling.DEFAULT_RATIO));
    }

    /**
     * As {@link #diffusion(TimeScoreFn, Sde, long, int, int, SamplingPlan, Key, Progress, Given)}, with
     * {@code settling}'s groups decided part-way ({@link Settling}; none: that method's draw, bit for bit).
     */
    public static DiffusionResult diffusion(TimeScoreFn score, Sde sde, long first, int n, int d, SamplingPlan o,
                                            Key key, Progress bar, Given given, Settling settling) {
        DiffusionConfig config = switch (o.kind()) {
            case EM -> new EulerMaruyamaConfig(sde, o.steps(), o.epsOrDefault(), o.parallelism());
            case PC -> new PredictorCorrectorConfig(sde, o.steps(), o.snrOrDefault(), SamplerDefaults.CORRECTOR_STEPS,
                    o.epsOrDefault(), o.parallelism());
            default -> throw new IllegalArgumentException("not a reverse-SDE sampler: " + o.kind().id());
        };
        bar.start(o.kind().id(), o.steps());
        DiffusionResult r = ReverseDiffusion.sample(new Replacement(sde, score, given), settling, first, n, d, config,
                key.child(1), bar::update);
        bar.finish();
        return r;
    }

    /** A time-conditioned model samples with its own SDE; --sde may only repeat it. */
    private static Sde modelSde(ScoreModel m, Sde own, SamplingPlan o) {
        if (!o.kind().diffusion()) {
            throw new InputException("--sampler " + o.kind().id() + " needs a score without time, but this model is "
                    + "time-conditioned (trained with --objective dsm --sde " + own.id() + "); sample it with --sampler pc "
                    + "or em");
        }
        if (o.sigmaMax() != null || o.sigmaMin() != null) {
            throw new InputException((o.sigmaMax() != null ? "--sigma-max" : "--sigma-min") + " sets the VE range of a "
                    + "--mixture; this model samples with the SDE it was trained with (--sde " + own.id() + ")");
        }
        if (o.sde() != null && !o.sde().equalsIgnoreCase(own.id())) {
            throw new InputException("--sde " + o.sde() + ": this model was trained with --sde " + own.id()
                    + " and samples with it; leave --sde out");
        }
        return own;
    }

    /** Why a model without time conditioning cannot be sampled by a reverse-SDE sampler. */
    static String sdeNeedsTimeModel(ScoreModel m, SamplerKind kind) {
        String objective = m.settings().get("objective");
        return "--sampler " + kind.id() + " needs a time-conditioned model (trained with --objective dsm --sde vp|ve|subvp)"
                + ", but this model " + (objective != null ? "was trained with --objective " + objective + " and " : "")
                + "has no time input; sample it with --sampler "
                + (m.noiseConditional() ? "annealed or langevin" : "langevin (the default)");
    }

    /**
     * The sampler {@code sample}, {@code report}, {@code impute} and the sweep use for {@code m} when none is named:
     * annealed for a noise-conditional model (its own ladder), {@link TableTraining#DEFAULT_SAMPLER} (em) for a
     * table model, pc for any other time-conditioned model; else langevin.
     */
    public static SamplerKind defaultKind(ScoreModel m) {
        if (m.noiseConditional()) {
            return SamplerKind.ANNEALED;
        }
        if (!(m.network().conditioning() instanceof Conditioning.Time)) {
            return SamplerKind.LANGEVIN;
        }
        return TableTraining.isTable(m) ? TableTraining.DEFAULT_SAMPLER : SamplerKind.PC;
    }

    /**
     * The steps {@code kind} runs on {@code m} when --steps is not given: {@link TableTraining#DEFAULT_SAMPLER_STEPS}
     * for em or pc on a table model, else {@link SamplerDefaults#steps}.
     */
    public static int defaultSteps(ScoreModel m, SamplerKind kind) {
        boolean reverse = kind == SamplerKind.EM || kind == SamplerKind.PC;
        return reverse && TableTraining.isTable(m) ? TableTraining.DEFAULT_SAMPLER_STEPS : SamplerDefaults.steps(kind);
    }

    /** Why a model without a noise ladder cannot be sampled by annealed Langevin, and what it can use. */
    public static String annealedNeedsLadder(ScoreModel m) {
        String objective = m.settings().get("objective");
        return "--sampler annealed needs a noise-conditional model (trained with --objective ncsn), but this model "
                + (objective != null ? "was trained with --objective " + objective + " and " : "")
                + "has no noise levels; sample it with --sampler langevin (the default)";
    }

    /** Langevin and annealed particles are floats: a mixture whose means or stds a float cannot hold is refused. */
    private static void checkFloatRange(GaussianMixture mix, SamplerKind kind) {
        for (int c = 0; c < mix.components(); c++) {
            for (int j = 0; j < mix.dim(); j++) {
                double m = mix.mean(c, j);
                double s = mix.std(c, j);
                if (Math.abs(m) > Float.MAX_VALUE || s > Float.MAX_VALUE || s < Float.MIN_NORMAL) {
                    throw new InputException("--mixture: means[" + c + "][" + j + "] = " + m + ", stds[" + c + "][" + j + "] = "
                            + s + " are beyond the float range (1.2e-38 to 3.4e38) the " + kind.id()
                            + " sampler computes in");
                }
            }
        }
    }

    /** Langevin on {@code chain} (the network's fused or generic strategy), particles from {@code first}; keys as the class states. */
    private static float[] langevin(Chain chain, float[] start, int d, long first, SamplingPlan o, Key key, Progress bar) {
        bar.start("langevin", o.steps());
        float[] out = Langevin.sample(chain, start, d, first, new LangevinConfig(o.stepSize(0), o.steps(), 0, o.parallelism()),
                key.child(1), bar::update).samples().data32();
        bar.finish();
        return out;
    }

    private static float[] annealed(NoiseConditionalScoreFn score, float[] start, int d, long first, NoiseLadder ladder,
                                    SamplingPlan o, Key key, Progress bar) {
        bar.start("annealed", (long) o.steps() * ladder.levels());
        AnnealedLangevinConfig cfg = new AnnealedLangevinConfig(ladder, o.stepSize(ladder.sigmaMin()), o.steps(), 0, o.parallelism());
        float[] out = AnnealedLangevin.sample(score, start, d, first, cfg, key.child(1), bar::update)
                .samples().data32();
        bar.finish();
        return out;
    }

    /** Rows [first, first + n) of the start U(startLow, startHigh)^d: {@code Draw.uniform}'s elements at first·d onwards. */
    private static float[] startRows(Key key, long first, int n, int d, SamplingPlan o) {
        if (first < 0) {
            throw new IllegalArgumentException("first particle must be >= 0, got " + first);
        }
        return Draw.uniformAt(key, first * d, n * d, o.startLow(), o.startHigh());
    }

    /** {@code points} with the given coordinates set to exactly the given values (modified and returned). */
    private static double[] fixed(Given given, double[] points) {
        given.fix(points);
        return points;
    }

    /** A double copy of {@code a}. */
    public static double[] widen(float[] a) {
        return Tensor.wrap(a, a.length).toDoubleArray();
    }
}
