package io.score4j.sampling;

import io.score4j.noise.Sde;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Samplers of a score SDE's reverse diffusion (Song et al., ICLR 2021; score_sde's {@code sampling.py}), from
 * the prior x ~ N(0, priorStd² I) at T = 1 down to ε on the grid t_i = T − i·Δt, Δt = (T − ε)/N, i = 0 … N−1.
 * At t_i, with s = s(x, t_i):
 * <ul>
 *   <li>Langevin corrector ({@link PredictorCorrectorConfig}, each of its steps, before the predictor):
 *       x ← x + h·s + √(2h)·z with h = 2α_i(r·σ(t_i))², r the signal-to-noise ratio, α_i the SDE's
 *       {@link Sde.Discrete#alpha} (1 for VE). score_sde's step is 2α_i(r‖z‖/‖s‖)² with the norms averaged
 *       over the batch; here ‖z‖/‖s‖ takes its noise-dominated value σ(t), the same for every particle, so a
 *       particle never depends on the others. (Per-particle norms were measured and rejected: in low
 *       dimension ‖s‖ ≈ 0 near a mode gives a huge step, and the 1-D seed mixture came out with variance
 *       ~10⁵ instead of 5.)</li>
 *   <li>predictor: x̄ = x − a·x + G²·s, x ← x̄ + G·z, where (a, G) is the step's discretisation: Euler
 *       a = f(t_i)Δt, G = g(t_i)√Δt for {@link EulerMaruyamaConfig} (score_sde's {@code EulerMaruyamaPredictor});
 *       the SDE's own {@link Sde#discretize} for {@link PredictorCorrectorConfig} (score_sde's
 *       {@code ReverseDiffusionPredictor}).</li>
 * </ul>
 * The last predictor step returns x̄, the noise-free mean (score_sde's {@code denoise=True}). Noise is keyed by
 * the particle's global index: coordinate j of particle p uses {@code Draw.normalAt(K, p·d + j)} with
 * K = key.child(0) for the prior, key.child(1).child(i).child(0) for the predictor at step i and
 * key.child(1).child(i).child(1 + c) for corrector step c. So the particles [a, b) sampled alone
 * ({@code first} = a) are bit-identical to those rows of the whole run, whatever the thread count.
 * State is float; each update is evaluated in double and rounded to float.
 *
 * <p><b>Conditional sampling</b> ({@link #sample(Replacement, long, int, int, DiffusionConfig, Key, IntConsumer)}):
 * score_sde's replacement method ({@link Replacement}, approximate; its Javadoc states the bias). The particles
 * carry all d coordinates; the given ones start at a draw of their forward marginal at T and are replaced by a
 * fresh draw m(t)·v + σ(t)·z after every corrector step (t = t_i) and every predictor step (t = t_i − Δt, the
 * time reached; score_sde replaces at t_i), and set to v at the end. Replacement noise has keys of its own,
 * R = key.child(2): R.child(0) at the start, R.child(1 + i).child(0) after predictor step i,
 * R.child(1 + i).child(1 + c) after corrector step c, each drawn as {@code Draw.normalAt(K, p·d + j)} for the
 * global particle index p; the step noise and prior are those of the unconditional run. With nothing given the
 * run is the unconditional one, bit for bit.
 */
public final class ReverseDiffusion {
    /** Predictor steps between progress reports. */
    static final int SEGMENT_STEPS = 32;

    private ReverseDiffusion() {}

    /** Particles [0, n) without progress. */
    public static DiffusionResult sample(TimeScoreFn score, int n, int d, DiffusionConfig config, Key key) {
        return sample(score, 0, n, d, config, key, null);
    }

    /**
     * Runs the sampler on particles [first, first + n) of the run keyed by {@code key}.
     *
     * @param score    s(x, t), called on blocks of rows (concurrently when threads &gt; 1)
     * @param first    the global index of the first particle, ≥ 0
     * @param n        particles ≥ 1
     * @param d        dimension ≥ 1
     * @param progress called on the calling thread with the predictor steps done; may be null
     * @return the particles [n, d] and the NFE per particle
     */
    public static DiffusionResult sample(TimeScoreFn score, long first, int n, int d, DiffusionConfig config, Key key,
                                         IntConsumer progress) {
        Objects.requireNonNull(score, "score");
        return run(score, null, null, first, n, d, config, key, progress);
    }

    /**
     * Samples p(free | given) approximately by the replacement method (the class Javadoc): particles
     * [first, first + n) stepped with {@code conditional.score()}, the given coordinates replaced after every
     * step and returned as exactly the given values (rounded to float). {@code conditional.given()} must fit n
     * particles of d (one row, or one per particle of this slice) and its SDE must be the config's.
     */
    public static DiffusionResult sample(Replacement conditional, long first, int n, int d, DiffusionConfig config,
                                         Key key, IntConsumer progress) {
        return conditional(conditional, null, first, n, d, config, key, progress);
    }

    /**
     * As {@link #sample(Replacement, long, int, int, DiffusionConfig, Key, IntConsumer)}, with discrete coordinates
     * settled part-way ({@link Settling}): steps [0, k) run as that method's, k = {@code settling.step(config)}; at
     * step k each particle's groups are decoded and from then on replaced as given coordinates (the replacement keys
     * of the class Javadoc), and returned as exactly their decoded values. Settling nothing (no group, or k = N) is
     * that method's run, bit for bit; the result depends neither on the thread count nor on the slice.
     */
    public static DiffusionResult sample(Replacement conditional, Settling settling, long first, int n, int d,
                                         DiffusionConfig config, Key key, IntConsumer progress) {
        Objects.requireNonNull(settling, "settling");
        Objects.requireNonNull(config, "config");
        if (settling.d() != d) {
            throw new IllegalArgumentException("settling of d=" + settling.d() + " for particles of d=" + d);
        }
        boolean none = settling.groups().length == 0 || settling.step(config) >= config.steps();
        return conditional(conditional, none ? null : settling, first, n, d, config, key, progress);
    }

    /** The replacement method's checks, then the run ({@code settling} null: nothing settled). */
    private static DiffusionResult conditional(Replacement conditional, Settling settling, long first, int n, int d,
                                               DiffusionConfig config, Key key, IntConsumer progress) {
        Objects.requireNonNull(conditional, "conditional");
        Objects.requireNonNull(config, "config");
        if (!conditional.sde().equals(config.sde())) {
            throw new IllegalArgumentException("replacement SDE " + conditional.sde() + " differs from the sampler's "
                    + config.sde());
        }
        conditional.given().requireFits(n, d);
        return run(conditional.score(), conditional.given().isEmpty() ? null : conditional, settling, first, n, d,
                config, key, progress);
    }

    private static DiffusionResult run(TimeScoreFn score, Replacement rep, Settling settling, long first, int n,
                                       int d, DiffusionConfig config, Key key, IntConsumer progress) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(key, "key");
        if (first < 0 || n < 1 || d < 1 || (long) n * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("need first >= 0, n >= 1, d >= 1 and n*d in int range, got " + first + ", "
                    + n + ", " + d);
        }
        Run run = new Run(score, rep, first, n, d, config, key);
        int settle = settling == null ? config.steps() : settling.step(config);
        for (int i = 0; i < config.steps(); ) {
            if (i == settle) {
                Given held = settling.settle(run.x, n, rep != null ? rep.given() : Given.none(d));
                run.rep = new Replacement(config.sde(), score, held);
            }
            int from = i;
            int to = Math.min(config.steps(), i < settle ? Math.min(settle, i + SEGMENT_STEPS) : i + SEGMENT_STEPS);
            run.blocks.forEach(b -> run.advance(b, from, to));
            i = to;
            if (progress != null) {
                progress.accept(i);
            }
        }
        if (run.rep != null) {
            run.rep.finish(run.x);
        }
        return new DiffusionResult(Tensor.wrap(run.x, n, d), config.nfe());
    }

    /**
     * The corrector's step at time t: h = 2α(r·σ(t))², score_sde's 2α(r‖z‖/‖s‖)² with ‖z‖ at its typical
     * value √d and ‖s‖ at √d/σ(t), the score norm where the perturbation noise dominates (an upper bound on
     * the root-mean-square score of p_t, whose Fisher information is at most d/σ(t)²).
     */
    static double correctorStep(PredictorCorrectorConfig config, double t, double dt) {
        double r = config.snr() * config.sde().marginalStd(t);
        return 2 * config.sde().discretize(t, dt).alpha() * r * r;
    }

    /** The state of one run: particles, scores, times and per-block scratch. */
    private static final class Run {
        final TimeScoreFn score;
        /** The replacement method's hook; null for an unconditional run; set once more when groups are settled. */
        Replacement rep;
        final long first;
        final int n;
        final int d;
        final DiffusionConfig config;
        final Key key;
        final double dt;
        final Blocks blocks;
        final float[] x;
        final float[] s;
        final double[] t;
        final double[][] z;

        Run(TimeScoreFn score, Replacement rep, long first, int n, int d, DiffusionConfig config, Key key) {
            this.score = score;
            this.rep = rep;
            this.first = first;
            this.n = n;
            this.d = d;
            this.config = config;
            this.key = key;
            this.dt = (Sde.T - config.eps()) / config.steps();
            this.blocks = new Blocks(n, config.parallelism());
            this.x = new float[n * d];
            this.s = new float[n * d];
            this.t = new double[n];
            this.z = new double[blocks.count()][];
            double std = config.sde().priorStd();
            for (int b = 0; b < blocks.count(); b++) {
                int lo = blocks.start(b) * d;
                int len = (blocks.end(b) - blocks.start(b)) * d;
                z[b] = new double[len];
                Noise.normals(key.child(0), first * d + lo, z[b], 0, len);
                for (int m = 0; m < len; m++) {
                    x[lo + m] = (float) (std * z[b][m]);
                }
                replace(blocks.start(b), blocks.end(b) - blocks.start(b), Sde.T, key.child(2).child(0));
            }
        }

        /** The replacement hook on rows [r0, r0 + rows) at time t (nothing for an unconditional run). */
        private void replace(int r0, int rows, double t, Key k) {
            if (rep != null) {
                rep.replace(x, t, r0, rows, d, first, k);
            }
        }

        /** Steps [from, to) on the rows of block b; modifies x, s, t in those rows and z[b]. */
        void advance(int b, int from, int to) {
            int r0 = blocks.start(b);
            int rows = blocks.end(b) - r0;
            for (int i = from; i < to; i++) {
                double ti = Sde.T - i * dt;
                java.util.Arrays.fill(t, r0, r0 + rows, ti);
                Key step = key.child(1).child(i);
                Key replaced = key.child(2).child(1 + i);
                if (config instanceof PredictorCorrectorConfig pc && pc.correctorSteps() > 0) {
                    double h = correctorStep(pc, ti, dt);
                    for (int c = 0; c < pc.correctorSteps(); c++) {
                        correct(r0, rows, z[b], step.child(1 + c), h);
                        replace(r0, rows, ti, replaced.child(1 + c));
                    }
                }
                boolean last = i == config.steps() - 1;
                predict(r0, rows, z[b], step.child(0), config.predictor(ti, dt), last);
                if (!last) {
                    replace(r0, rows, ti - dt, replaced.child(0));
                }
            }
        }

        /** x̄ = x − a·x + G²·s, then x = x̄ + G·z unless {@code last} (then x = x̄). */
        private void predict(int r0, int rows, double[] zb, Key k, Sde.Discrete disc, boolean last) {
            score.score(x, t, r0, rows, d, s);
            int lo = r0 * d;
            int len = rows * d;
            double keep = 1 - disc.drift();
            double g2 = disc.noise() * disc.noise();
            if (!last) {
                Noise.normals(k, first * d + lo, zb, 0, len);
            }
            for (int m = 0; m < len; m++) {
                double mean = keep * x[lo + m] + g2 * s[lo + m];
                x[lo + m] = (float) (last ? mean : mean + disc.noise() * zb[m]);
            }
        }

        /** One Langevin corrector step x ← x + h·s + √(2h)·z, h = {@link #correctorStep}. */
        private void correct(int r0, int rows, double[] zb, Key k, double h) {
            score.score(x, t, r0, rows, d, s);
            int lo = r0 * d;
            int len = rows * d;
            Noise.normals(k, first * d + lo, zb, 0, len);
            double noise = Math.sqrt(2 * h);
            for (int m = 0; m < len; m++) {
                x[lo + m] = (float) (x[lo + m] + h * s[lo + m] + noise * zb[m]);
            }
        }
    }
}
