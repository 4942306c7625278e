package io.score4j.sampling;

import io.score4j.density.Density;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Metropolis-adjusted Langevin (MALA, Roberts &amp; Tweedie 1996) for an analytic {@link Density}, in double
 * precision. Each particle proposes x' = x + α·s(x) + √(2α)·z and accepts with probability
 * <pre>
 *   min(1, p(x') q(x | x') / (p(x) q(x' | x))),   log q(b | a) = −‖b − a − α·s(a)‖² / (4α)
 * </pre>
 * so p is exactly invariant for every α (no step-size bias, unlike {@link Langevin}).
 * At step t, z for coordinate j of particle i is {@code Draw.normalAt(key.child(t).child(0), i·d + j)} and
 * particle i accepts iff log u &lt; log A with u = {@code key.child(t).child(1).uniform(i)}: bit-identical
 * for any thread count.
 */
public final class Mala {
    private Mala() {}

    /** {@link #sample(Density, double[], MalaConfig, Key, IntConsumer)} without progress. */
    public static MalaResult sample(Density density, double[] start, MalaConfig config, Key key) {
        return sample(density, start, config, key, null);
    }

    /**
     * Runs {@code config.steps()} MALA steps for each of the n = start.length / d particles.
     *
     * @param density  the target (d = density.dim()), called concurrently on disjoint rows
     * @param start    n·d finite coordinates, row-major; not modified
     * @param progress called on the calling thread with the steps done; may be null
     */
    public static MalaResult sample(Density density, double[] start, MalaConfig config, Key key, IntConsumer progress) {
        Objects.requireNonNull(density, "density");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(key, "key");
        int d = density.dim();
        int n = rows(start, d);
        Chains c = new Chains(density, start.clone(), n, d, config.stepSize());
        long accepted = 0;
        Blocks blocks = new Blocks(n, config.parallelism());
        long[] acc = new long[blocks.count()];
        double[][] z = new double[blocks.count()][];
        blocks.forEach(b -> {
            z[b] = new double[(blocks.end(b) - blocks.start(b)) * d];
            c.init(blocks.start(b), blocks.end(b));
        });
        for (int t = 0; t < config.steps(); ) {
            int from = t;
            int to = Math.min(config.steps(), t + LangevinEngine.SEGMENT_STEPS);
            blocks.forEach(b -> acc[b] += c.advance(blocks.start(b), blocks.end(b), z[b], key, from, to));
            t = to;
            if (progress != null) {
                progress.accept(t);
            }
        }
        for (long a : acc) {
            accepted += a;
        }
        double rate = config.steps() == 0 ? 0 : (double) accepted / ((double) n * config.steps());
        return new MalaResult(Tensor.wrap(c.x, n, d), rate);
    }

    private static int rows(double[] start, int d) {
        if (start.length == 0 || start.length % d != 0) {
            throw new IllegalArgumentException("start length " + start.length + " is not a positive multiple of d=" + d);
        }
        for (int k = 0; k < start.length; k++) {
            if (!Double.isFinite(start[k])) {
                throw new IllegalArgumentException("start[" + k + "] is not finite: " + start[k]);
            }
        }
        return start.length / d;
    }

    /** The particles with their cached score and log-density; blocks touch disjoint rows. */
    private static final class Chains {
        final Density density;
        final double[] x;
        final double[] s;
        final double[] logp;
        final int d;
        final double alpha;
        final double noise;

        Chains(Density density, double[] x, int n, int d, double alpha) {
            this.density = density;
            this.x = x;
            this.s = new double[x.length];
            this.logp = new double[n];
            this.d = d;
            this.alpha = alpha;
            this.noise = LangevinUpdate.noiseScale(alpha);
        }

        void init(int i0, int i1) {
            for (int i = i0; i < i1; i++) {
                logp[i] = density.logDensity(x, i * d);
                density.score(x, i * d, s, i * d);
            }
        }

        /** Steps [from, to) for particles [i0, i1); returns the number accepted. Modifies x, s, logp rows and z. */
        long advance(int i0, int i1, double[] z, Key key, int from, int to) {
            double[] xp = new double[d];
            double[] sp = new double[d];
            long accepted = 0;
            for (int t = from; t < to; t++) {
                Key stepKey = key.child(t);
                Noise.normals(stepKey.child(0), (long) i0 * d, z, 0, (i1 - i0) * d);
                Key acceptKey = stepKey.child(1);
                for (int i = i0; i < i1; i++) {
                    if (step(i, z, (i - i0) * d, xp, sp, acceptKey.uniform(i))) {
                        accepted++;
                    }
                }
            }
            return accepted;
        }

        /** One proposal for particle i with normals z[zo … zo+d); xp, sp are scratch rows. */
        private boolean step(int i, double[] z, int zo, double[] xp, double[] sp, double u) {
            int base = i * d;
            for (int j = 0; j < d; j++) {
                xp[j] = LangevinUpdate.proposal(x[base + j], s[base + j], z[zo + j], alpha, noise);
            }
            double lpProp = density.logDensity(xp, 0);
            density.score(xp, 0, sp, 0);
            double forward = 0;
            double backward = 0;
            for (int j = 0; j < d; j++) {
                double f = xp[j] - x[base + j] - alpha * s[base + j];
                double b = x[base + j] - xp[j] - alpha * sp[j];
                forward += f * f;
                backward += b * b;
            }
            double logA = lpProp - logp[i] + (forward - backward) / (4 * alpha);
            if (!(StrictMath.log(u) < logA)) {
                return false;   // also rejects NaN
            }
            System.arraycopy(xp, 0, x, base, d);
            System.arraycopy(sp, 0, s, base, d);
            logp[i] = lpProp;
            return true;
        }
    }
}
