package io.score4j.model;

import io.score4j.fused.DeepMlp;
import io.score4j.fused.FusedMlp;
import io.score4j.nn.MlpForward;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.sampling.Chain;
import io.score4j.sampling.NoiseConditionalScoreFn;
import io.score4j.sampling.ScoreFn;
import io.score4j.sampling.TimeScoreFn;
import java.util.Objects;

/**
 * A score network: an MLP, its parameters and its {@link Conditioning} rule, with the kernel that evaluates
 * it chosen once ({@link Kernel#scoring}). Scores are in the network's working space (for a saved model,
 * the standardised space). Thread-safe for disjoint row ranges, like every {@link ScoreFn}.
 *
 * <ul>
 *   <li>{@link Conditioning.None}: s(x) = net(x) ({@link #score()}, {@link #chain()}).</li>
 *   <li>{@link Conditioning.NoiseLevel}: s(x, σ) = net([x, log σ]) / σ ({@link #noiseConditional()},
 *       {@link #chainAt(double)}).</li>
 *   <li>{@link Conditioning.Time}: s(x, t) = net([x, e(t)]) / σ(t) ({@link #timeConditional()}).</li>
 * </ul>
 */
public final class ScoreNetwork {
    private final MlpSpec spec;
    private final Conditioning conditioning;
    private final Kernel kernel;
    private final int dim;
    private final FusedMlp oneHidden;
    private final DeepMlp deep;
    private final MlpForward forward;
    private final Params params;

    private ScoreNetwork(MlpSpec spec, Params params, Conditioning conditioning) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.conditioning = Objects.requireNonNull(conditioning, "conditioning");
        this.params = Objects.requireNonNull(params, "params");
        this.dim = spec.outputDim();
        if (spec.inputDim() != dim + conditioning.extraInputs()) {
            throw new IllegalArgumentException("a network " + spec + " does not fit " + conditioning + " conditioning: "
                    + "it needs " + (dim + conditioning.extraInputs()) + " inputs");
        }
        this.kernel = Kernel.scoring(spec, conditioning);
        this.oneHidden = kernel == Kernel.FUSED_ONE_HIDDEN_LAYER ? FusedMlp.of(spec, params) : null;
        this.deep = kernel == Kernel.FUSED_DEEP ? DeepMlp.of(spec, params) : null;
        this.forward = kernel == Kernel.GENERIC ? MlpForward.of(spec, params) : null;
    }

    /** The network {@code spec} with {@code params} (F32), conditioned by {@code conditioning}. */
    public static ScoreNetwork of(MlpSpec spec, Params params, Conditioning conditioning) {
        return new ScoreNetwork(spec, params, conditioning);
    }

    public MlpSpec spec() {
        return spec;
    }

    /** The parameters (F32), as given; for the autodiff paths that differentiate the network itself. */
    public Params params() {
        return params;
    }

    public Conditioning conditioning() {
        return conditioning;
    }

    /** The kernel chosen for this network. */
    public Kernel kernel() {
        return kernel;
    }

    /** Data dimension d. */
    public int dim() {
        return dim;
    }

    /** s(x) = net(x) of an unconditioned network. */
    public ScoreFn score() {
        require(Conditioning.None.class);
        return (x, offset, rows, d, out) -> {
            checkDim(d);
            switch (kernel) {
                case FUSED_ONE_HIDDEN_LAYER -> oneHidden.score(x, offset, rows, out);
                case FUSED_DEEP -> deep.apply(x, offset, rows, out);
                default -> forward.apply(x, offset, rows, out);
            }
        };
    }

    /** s(x, σ) = net([x, log σ]) / σ of a noise-level conditioned network. */
    public NoiseConditionalScoreFn noiseConditional() {
        require(Conditioning.NoiseLevel.class);
        return (x, offset, rows, d, sigma, out) -> {
            checkDim(d);
            if (kernel == Kernel.FUSED_DEEP) {
                deep.applyConditional(x, offset, rows, sigma, out);
            } else {
                genericConditional(x, offset, rows, d, sigma, out);
            }
        };
    }

    /**
     * s(x, t) = net([x, e(t)]) / σ(t) of a time-conditioned network, each row at its own time: the deep
     * kernel where it applies, the generic forward pass otherwise. Rows go through in chunks of
     * {@link TimeInputs#CHUNK} with per-thread scratch; e(t) and 1/σ(t) are computed once per run of equal
     * times (every row of an em/pc step), so a call allocates nothing after warm-up.
     */
    public TimeScoreFn timeConditional() {
        require(Conditioning.Time.class);
        Conditioning.Time time = (Conditioning.Time) conditioning;
        return (x, t, offset, rows, d, out) -> {
            checkDim(d);
            TimeInputs scratch = TimeInputs.of(time, d);
            for (int c0 = 0; c0 < rows; c0 += TimeInputs.CHUNK) {
                int n = Math.min(TimeInputs.CHUNK, rows - c0);
                float[] in = scratch.fill(x, t, offset + c0, n);
                float[] s = scratch.output(n);
                if (kernel == Kernel.FUSED_DEEP) {
                    deep.apply(in, 0, n, s);
                } else {
                    forward.apply(in, 0, n, s);
                }
                scratch.scale(s, t, offset + c0, n, out);
            }
        };
    }

    /** Whether {@link #timeConditionalWithTrace} runs on a fused kernel (else callers take the generic autodiff path). */
    public boolean fusedTrace() {
        return kernel == Kernel.FUSED_DEEP && conditioning instanceof Conditioning.Time;
    }

    /**
     * The time-conditioned score and its directional derivatives in one fused pass ({@link DeepMlp#applyWithTrace}):
     * for rows r &lt; rows of x ([rows, d]) at times t[r], writes s[r] = net([x_r, e(t_r)]) / σ(t_r) (float, as
     * {@link #timeConditional}) and tr[r] = Σ_q v_qᵀ (∂s/∂x) v_q = (Σ_q v_qᵀ (∂net/∂x) v_q) / σ(t_r) (double), for
     * the m directions v ([rows, m, d]). Per-thread scratch; thread-safe for concurrent calls.
     *
     * @throws IllegalStateException when {@link #fusedTrace} is false
     */
    public void timeConditionalWithTrace(float[] x, double[] t, int rows, float[] v, int m, float[] s, double[] tr) {
        if (!fusedTrace()) {
            throw new IllegalStateException("no fused trace for the " + kernel + " kernel and " + conditioning);
        }
        Conditioning.Time time = (Conditioning.Time) conditioning;
        TimeInputs scratch = TimeInputs.of(time, dim);
        for (int c0 = 0; c0 < rows; c0 += TimeInputs.CHUNK) {
            int n = Math.min(TimeInputs.CHUNK, rows - c0);
            float[] in = scratch.fill(x, t, c0, n);
            float[] y = scratch.output(n);
            double[] tc = scratch.trace(n);
            float[] vc = c0 == 0 ? v : java.util.Arrays.copyOfRange(v, c0 * m * dim, (c0 + n) * m * dim);
            deep.applyWithTrace(in, n, vc, m, y, tc);
            scratch.scale(y, t, c0, n, s);
            for (int r = 0; r < n; r++) {
                tr[c0 + r] = tc[r] / time.sde().marginalStd(t[c0 + r]);
            }
        }
    }

    /** The Langevin chain of an unconditioned network: fused for the one-hidden-layer kernel, generic otherwise. */
    public Chain chain() {
        return kernel == Kernel.FUSED_ONE_HIDDEN_LAYER ? Chain.fused(oneHidden) : Chain.generic(score());
    }

    /** The Langevin chain of a noise-level conditioned network at the fixed level σ. */
    public Chain chainAt(double sigma) {
        return Chain.generic(noiseConditional().at(sigma));
    }

    /** net([x, log σ]) / σ on the generic forward pass; log σ rounded to float, 1/σ to float. */
    private void genericConditional(float[] x, int offset, int rows, int d, double sigma, float[] out) {
        float[] in = new float[rows * (d + 1)];
        float logSigma = (float) StrictMath.log(sigma);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, (offset + r) * d, in, r * (d + 1), d);
            in[r * (d + 1) + d] = logSigma;
        }
        float[] s = new float[rows * d];
        forward.apply(in, 0, rows, s);
        float inv = (float) (1.0 / sigma);
        for (int i = 0; i < rows * d; i++) {
            out[offset * d + i] = s[i] * inv;
        }
    }

    private void require(Class<? extends Conditioning> kind) {
        if (!kind.isInstance(conditioning)) {
            throw new IllegalArgumentException("the network is conditioned by " + conditioning + ", not "
                    + kind.getSimpleName());
        }
    }

    private void checkDim(int d) {
        if (d != dim) {
            throw new IllegalArgumentException("score called with d=" + d + " for a model of dim " + dim);
        }
    }
}
