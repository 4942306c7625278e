package io.score4j.bench;

import io.score4j.Parallelism;
import io.score4j.likelihood.NetworkDivergence;
import io.score4j.likelihood.Trace;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.model.TimeEmbedding;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.noise.Sde;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.TimeScoreFn;
import io.score4j.tensor.DType;

/**
 * The bodies of the {@code score-time} and {@code score-div} phases: a time-conditioned network
 * [D + E, hidden…, D] (E = {@link TimeEmbedding#DEFAULT_SIZE}, VP SDE, the bench's hidden widths and
 * activation, scaled random weights: the cost does not depend on training) evaluated on {@code particles}
 * rows at t = 0.5, in blocks of 256 rows (the ODE solvers' block) over the bench's threads. score-time is
 * the plain score s(x, t) ({@link ScoreNetwork#timeConditional}); score-div is the score plus its exact
 * divergence, as one step of {@code logp} evaluates it ({@link NetworkDivergence#scoreAndDivergence}).
 */
final class TimeScoreBench {
    private static final int BLOCK = 256;

    private final int dim;
    private final int particles;
    private final Parallelism parallelism;
    private final ScoreNetwork network;
    private final float[] xf;
    private final double[] xd;
    private final double[] t;

    TimeScoreBench(MlpSpec benchSpec, int dim, int particles, Parallelism parallelism) {
        this.dim = dim;
        this.particles = particles;
        this.parallelism = parallelism;
        int[] bench = benchSpec.sizes();
        int[] sizes = bench.clone();
        sizes[0] = dim + TimeEmbedding.DEFAULT_SIZE;
        MlpSpec spec = new MlpSpec(sizes, benchSpec.activation());
        this.network = ScoreNetwork.of(spec, MlpInit.init(spec, Init.SCALED, Key.of(5), DType.F32),
                Conditioning.time(new Sde.Vp(Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX), new TimeEmbedding(TimeEmbedding.DEFAULT_SIZE)));
        this.xf = Draw.normal(Key.of(1), particles * dim);
        this.xd = new double[xf.length];
        for (int i = 0; i < xf.length; i++) {
            xd[i] = xf[i];
        }
        this.t = new double[particles];
        java.util.Arrays.fill(t, 0.5);
    }

    private int blocks() {
        return (particles + BLOCK - 1) / BLOCK;
    }

    /** One plain score evaluation of every row. */
    void score() {
        TimeScoreFn f = network.timeConditional();
        float[] out = new float[particles * dim];
        parallelism.forEach(blocks(), b -> {
            int r0 = b * BLOCK;
            f.score(xf, t, r0, Math.min(BLOCK, particles - r0), dim, out);
        });
    }

    /** One score-plus-exact-divergence evaluation of every row. */
    void scoreAndDivergence() {
        NetworkDivergence div = new NetworkDivergence(network, Trace.exact());
        parallelism.forEach(blocks(), b -> {
            int r0 = b * BLOCK;
            int n = Math.min(BLOCK, particles - r0);
            int[] ids = new int[n];
            double[] tb = java.util.Arrays.copyOfRange(t, r0, r0 + n);
            float[] xb = java.util.Arrays.copyOfRange(xf, r0 * dim, (r0 + n) * dim);
            double[] xdb = java.util.Arrays.copyOfRange(xd, r0 * dim, (r0 + n) * dim);
            div.scoreAndDivergence(n, ids, tb, xb, xdb, dim, new float[n * dim], new double[n]);
        });
    }
}
