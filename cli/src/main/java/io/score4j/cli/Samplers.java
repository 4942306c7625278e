package io.score4j.cli;

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
import io.score4j.sampling.ScoreFn;
import io.score4j.tensor.Tensor;
import io.score4j.train.RunMemory;
import io.score4j.train.ScoreModel;

/**
 * Runs the chosen sampler for {@code score4j sample} and {@code score4j report}: flags to library calls. The
 * model's {@link ScoreNetwork} picks the fused or generic chain; {@link SamplerDefaults} fills unset flags.
 * Keys: start = key.child(0), chain = key.child(1).
 * The memory a run needs ({@link RunMemory#sampling}) is checked against the heap before it starts.
 */
final class Samplers {
    private Samplers() {}

    /** Samples in original units, flat [n, d]; the MALA acceptance rate (NaN for other samplers); non-finite rows. */
    record Drawn(double[] points, double acceptanceRate, int nonFinite) {
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

    static Drawn fromMixture(GaussianMixture mix, int n, SamplerOptions o, RunOptions run, Key key) {
        int d = mix.dim();
        RunMemory.sampling(n, d, null, o.kind == SamplerKind.ANNEALED ? levelsOr(o, SamplerDefaults.MIXTURE_LEVELS) : 0)
                .check();
        if (o.kind != SamplerKind.MALA) {
            checkFloatRange(mix, o.kind);
        }
        float[] start = Draw.uniform(key.child(0), n * d, o.startLow, o.startHigh);
        switch (o.kind) {
            case MALA: {
                double[] s = new double[start.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = start[i];
                }
                Progress bar = Progress.start("mala", o.steps, run.quiet);
                MalaResult r = Mala.sample(mix, s, new MalaConfig(o.stepSize(0), o.steps, run.threads()), key.child(1),
                        done -> bar.update(done, ""));
                bar.finish();
                return Drawn.of(r.samples().toDoubleArray(), d, r.acceptanceRate());
            }
            case ANNEALED: {
                if (o.sigmaMax == null) {
                    throw new InputException("--sigma-max is required for annealed sampling of a --mixture: the largest noise "
                            + "level, about the largest distance between two of its modes");
                }
                NoiseLadder ladder = NoiseLadder.geometric(o.sigmaMax,
                        o.sigmaMin != null ? o.sigmaMin : SamplerDefaults.MIXTURE_SIGMA_MIN,
                        levelsOr(o, SamplerDefaults.MIXTURE_LEVELS));
                return Drawn.of(widen(annealed(NoiseConditionalScoreFn.of(mix::convolved), start, d, ladder, o, run, key)), d,
                        Double.NaN);
            }
            case LANGEVIN:
            default:
                return Drawn.of(widen(langevin(Chain.generic(ScoreFn.of(mix)), start, d, o, run, key)), d, Double.NaN);
        }
    }

    static Drawn fromModel(ScoreModel m, int n, SamplerOptions o, RunOptions run, Key key) {
        int d = m.dim();
        RunMemory.sampling(n, d, m.spec(), m.noiseConditional() && o.kind == SamplerKind.ANNEALED
                ? levelsOr(o, m.sigmas().length) : 0).check();
        float[] start = Draw.uniform(key.child(0), n * d, o.startLow, o.startHigh);
        if (o.kind == SamplerKind.MALA) {
            throw new InputException("--sampler mala needs a density, not a learned score: use it with --mixture");
        }
        ScoreNetwork net = m.network();
        float[] z;
        if (m.noiseConditional()) {
            double[] sig = m.sigmas();
            // The model's own ladder, unless a flag reshapes it (then geometric between the chosen ends).
            NoiseLadder ladder = o.sigmaMax == null && o.sigmaMin == null && o.levels == null ? m.noise()
                    : NoiseLadder.geometric(o.sigmaMax != null ? o.sigmaMax : sig[0],
                    o.sigmaMin != null ? o.sigmaMin : sig[sig.length - 1], o.levels != null ? o.levels : sig.length);
            z = o.kind == SamplerKind.ANNEALED ? annealed(net.noiseConditional(), start, d, ladder, o, run, key)
                    : langevin(net.chainAt(ladder.sigmaMin()), start, d, o, run, key);
        } else {
            if (o.kind == SamplerKind.ANNEALED) {
                throw new InputException(annealedNeedsLadder(m));
            }
            z = langevin(net.chain(), start, d, o, run, key);
        }
        return Drawn.of(m.standardizer().invert(widen(z)), d, Double.NaN);
    }

    /** Why a model without a noise ladder cannot be sampled by annealed Langevin, and what it can use. */
    static String annealedNeedsLadder(ScoreModel m) {
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

    /** The annealed sampler's level count: --levels, or {@code otherwise}. */
    private static int levelsOr(SamplerOptions o, int otherwise) {
        return o.levels != null ? o.levels : otherwise;
    }

    /** Langevin on {@code chain} (the network's fused or generic strategy); keys as the class states. */
    private static float[] langevin(Chain chain, float[] start, int d, SamplerOptions o, RunOptions run, Key key) {
        Progress bar = Progress.start("langevin", o.steps, run.quiet);
        float[] out = Langevin.sample(chain, start, d, new LangevinConfig(o.stepSize(0), o.steps, 0, run.threads()),
                key.child(1), done -> bar.update(done, "")).samples().data32();
        bar.finish();
        return out;
    }

    private static float[] annealed(NoiseConditionalScoreFn score, float[] start, int d, NoiseLadder ladder,
                                    SamplerOptions o, RunOptions run, Key key) {
        Progress bar = Progress.start("annealed", (long) o.steps * ladder.levels(), run.quiet);
        AnnealedLangevinConfig cfg = new AnnealedLangevinConfig(ladder, o.stepSize(ladder.sigmaMin()), o.steps, 0, run.threads());
        float[] out = AnnealedLangevin.sample(score, start, d, cfg, key.child(1), done -> bar.update(done, ""))
                .samples().data32();
        bar.finish();
        return out;
    }

    /** A double copy of {@code a}. */
    static double[] widen(float[] a) {
        return Tensor.wrap(a, a.length).toDoubleArray();
    }
}
