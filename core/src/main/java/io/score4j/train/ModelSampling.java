package io.score4j.train;

import io.score4j.InputException;
import io.score4j.density.GaussianMixture;
import io.score4j.model.ScoreNetwork;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.AnnealedLangevin;
import io.score4j.sampling.AnnealedLangevinConfig;
import io.score4j.sampling.Chain;
import io.score4j.sampling.Langevin;
import io.score4j.sampling.LangevinConfig;
import io.score4j.sampling.Mala;
import io.score4j.sampling.MalaConfig;
import io.score4j.sampling.MalaResult;
import io.score4j.sampling.NoiseConditionalScoreFn;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.sampling.ScoreFn;
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
     * Samples in original units, flat [n, d]; the MALA acceptance rate (NaN for other samplers); the
     * count of rows with a non-finite value.
     */
    public record Drawn(double[] points, double acceptanceRate, int nonFinite) {
        public Drawn {
            java.util.Objects.requireNonNull(points, "points");
            if (nonFinite < 0) {
                throw new IllegalArgumentException("nonFinite must be >= 0, got " + nonFinite);
            }
        }

        static Drawn of(double[] points, int d, double acceptanceRate) {
            int bad = 0;
            for (int i = 0; i < points.length; i += d) {
                for (int j = 0; j < d; j++) {
                    if (!Double.isFinite(points[i + j])) {
                        bad++;
                        break;
                    }
                }
            }
            return new Drawn(points, acceptanceRate, bad);
        }
    }

    /** {@code n} draws from {@code mix}; langevin and annealed run in floats, MALA in doubles on the density. */
    public static Drawn fromMixture(GaussianMixture mix, int n, SamplingPlan o, Key key, Progress bar) {
        return fromMixture(mix, 0, n, o, key, bar);
    }

    /**
     * Particles [first, first + n) of a larger run from {@code mix}: bit for bit those rows of
     * {@link #fromMixture(GaussianMixture, int, SamplingPlan, Key, Progress)} (start and noise are keyed by the
     * global particle index). MALA, whose acceptance rate is a statistic of the whole run, runs only whole.
     */
    public static Drawn fromMixture(GaussianMixture mix, long first, int n, SamplingPlan o, Key key, Progress bar) {
        int d = mix.dim();
        RunMemory.sampling(n, d, null, o.kind() == SamplerKind.ANNEALED ? o.levelsOr(SamplerDefaults.MIXTURE_LEVELS) : 0)
                .check();
        if (o.kind() != SamplerKind.MALA) {
            checkFloatRange(mix, o.kind());
        } else if (first != 0) {
            throw new InputException("--sampler mala runs whole, not split over partitions: sample it without --spark");
        }
        float[] start = startRows(key.child(0), first, n, d, o);
        switch (o.kind()) {
            case MALA: {
                double[] s = new double[start.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = start[i];
                }
                bar.start("mala", o.steps());
                MalaResult r = Mala.sample(mix, s, new MalaConfig(o.stepSize(0), o.steps(), o.threads()), key.child(1),
                        bar::update);
                bar.finish();
                return Drawn.of(r.samples().toDoubleArray(), d, r.acceptanceRate());
            }
            case ANNEALED: {
                if (o.sigmaMax() == null) {
                    throw new InputException("--sigma-max is required for annealed sampling of a --mixture: the largest noise "
                            + "level, about the largest distance between two of its modes");
                }
                NoiseLadder ladder = NoiseLadder.geometric(o.sigmaMax(),
                        o.sigmaMin() != null ? o.sigmaMin() : SamplerDefaults.MIXTURE_SIGMA_MIN,
                        o.levelsOr(SamplerDefaults.MIXTURE_LEVELS));
                return Drawn.of(widen(annealed(NoiseConditionalScoreFn.of(mix::convolved), start, d, first, ladder, o, key,
                        bar)), d, Double.NaN);
            }
            case LANGEVIN:
            default:
                return Drawn.of(widen(langevin(Chain.generic(ScoreFn.of(mix)), start, d, first, o, key, bar)), d, Double.NaN);
        }
    }

    /**
     * {@code n} draws from the model, in original units (standardised chains, inverted at the end). A
     * noise-conditional model samples on its own ladder unless the plan reshapes it (then geometric
     * between the chosen ends); langevin on such a model uses the smallest σ.
     */
    public static Drawn fromModel(ScoreModel m, int n, SamplingPlan o, Key key, Progress bar) {
        return fromModel(m, 0, n, o, key, bar);
    }

    /**
     * Particles [first, first + n) of a larger run from the model: bit for bit those rows of
     * {@link #fromModel(ScoreModel, int, SamplingPlan, Key, Progress)} (start and noise are keyed by the global
     * particle index, whatever the run's size), so ranges sampled apart concatenate to the whole run.
     */
    public static Drawn fromModel(ScoreModel m, long first, int n, SamplingPlan o, Key key, Progress bar) {
        int d = m.dim();
        RunMemory.sampling(n, d, m.spec(), m.noiseConditional() && o.kind() == SamplerKind.ANNEALED
                ? o.levelsOr(m.sigmas().length) : 0).check();
        float[] start = startRows(key.child(0), first, n, d, o);
        if (o.kind() == SamplerKind.MALA) {
            throw new InputException("--sampler mala needs a density, not a learned score: use it with --mixture");
        }
        ScoreNetwork net = m.network();
        float[] z;
        if (m.noiseConditional()) {
            double[] sig = m.sigmas();
            // The model's own ladder, unless a flag reshapes it (then geometric between the chosen ends).
            NoiseLadder ladder = o.sigmaMax() == null && o.sigmaMin() == null && o.levels() == null ? m.noise()
                    : NoiseLadder.geometric(o.sigmaMax() != null ? o.sigmaMax() : sig[0],
                    o.sigmaMin() != null ? o.sigmaMin() : sig[sig.length - 1], o.levels() != null ? o.levels() : sig.length);
            z = o.kind() == SamplerKind.ANNEALED ? annealed(net.noiseConditional(), start, d, first, ladder, o, key, bar)
                    : langevin(net.chainAt(ladder.sigmaMin()), start, d, first, o, key, bar);
        } else {
            if (o.kind() == SamplerKind.ANNEALED) {
                throw new InputException(annealedNeedsLadder(m));
            }
            z = langevin(net.chain(), start, d, first, o, key, bar);
        }
        return Drawn.of(m.standardizer().invert(widen(z)), d, Double.NaN);
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

    /** Langevin on {@code chain} (the network's fused or generic strategy); keys as the class states. */
    private static float[] langevin(Chain chain, float[] start, int d, long first, SamplingPlan o, Key key, Progress bar) {
        bar.start("langevin", o.steps());
        float[] out = Langevin.sample(chain, start, d, first, new LangevinConfig(o.stepSize(0), o.steps(), 0, o.threads()),
                key.child(1), bar::update).samples().data32();
        bar.finish();
        return out;
    }

    private static float[] annealed(NoiseConditionalScoreFn score, float[] start, int d, long first, NoiseLadder ladder,
                                    SamplingPlan o, Key key, Progress bar) {
        bar.start("annealed", (long) o.steps() * ladder.levels());
        AnnealedLangevinConfig cfg = new AnnealedLangevinConfig(ladder, o.stepSize(ladder.sigmaMin()), o.steps(), 0, o.threads());
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

    /** A double copy of {@code a}. */
    public static double[] widen(float[] a) {
        return Tensor.wrap(a, a.length).toDoubleArray();
    }
}
