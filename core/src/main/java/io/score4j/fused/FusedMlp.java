package io.score4j.fused;

import io.score4j.Parallelism;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
import java.util.Arrays;

/**
 * An immutable float32 snapshot of a one-hidden-layer score network [D, H, D], laid out for fused
 * kernels: the exact score-matching loss with its gradient in one pass, and forward score evaluation.
 * It is a fast path beside the generic autodiff engine, which computes the same quantities.
 *
 * <p>Network: h = x·W1 + b1 (W1 [D, H] row-major = {@code layers.0.weight}), a = σ(h),
 * s(x) = a·W2 + b2 (W2 [H, D] = {@code layers.1.weight}). Supported σ: softplus, tanh, silu, relu
 * (all of {@link Activation}); anything else is rejected by {@link #of} so callers fall back to the
 * generic path. Math comes from {@link VectorMath#provider()}; see {@code MathProvider} for the error
 * bounds of the activations. Instances are thread-safe.
 */
public final class FusedMlp {
    /** Examples per chunk of a loss-and-gradient call: fixed, so results do not depend on the thread count. */
    public static final int CHUNK = 128;

    private final MlpSpec spec;
    private final int dim;
    private final int hidden;
    private final int tileRows;
    final Activation nonlinearity;
    final float[] w1;
    final float[] b1;
    /** W2 transposed, [D, H], so each output's weights are contiguous. */
    final float[] w2t;
    final float[] b2;
    /** c_k = Σ_d W1[d,k]·W2[k,d], summed in double and rounded: tr ∂s/∂x = Σ_k σ'(h_k) c_k. */
    final float[] c;
    private final MathProvider math;

    private FusedMlp(MlpSpec spec, float[] w1, float[] b1, float[] w2, float[] b2, MathProvider math) {
        this.spec = spec;
        this.dim = spec.inputDim();
        this.hidden = spec.sizes()[1];
        this.tileRows = Math.max(1, Math.min(32, 8192 / hidden));
        this.nonlinearity = spec.activation();
        this.w1 = w1.clone();
        this.b1 = b1.clone();
        this.b2 = b2.clone();
        this.w2t = new float[dim * hidden];
        this.c = new float[hidden];
        for (int k = 0; k < hidden; k++) {
            double ck = 0;
            for (int j = 0; j < dim; j++) {
                w2t[j * hidden + k] = w2[k * dim + j];
                ck += (double) w1[j * hidden + k] * w2[k * dim + j];
            }
            c[k] = (float) ck;
        }
        this.math = math;
    }

    /** Whether the fused kernels handle {@code spec}: sizes [D, H, D] and an activation they implement. */
    public static boolean supports(MlpSpec spec) {
        int[] s = spec.sizes();
        return s.length == 3 && s[0] == s[2] && isSupported(spec.activation());
    }

    private static boolean isSupported(Activation a) {
        return switch (a) {
            case SOFTPLUS, TANH, SILU, RELU -> true;
        };
    }

    /**
     * Snapshot of {@code params} for {@code spec} using {@link VectorMath#provider()}. Throws
     * {@link IllegalArgumentException} if the spec is unsupported, a tensor is missing, not F32, or has the
     * wrong shape.
     */
    public static FusedMlp of(MlpSpec spec, Params params) {
        return of(spec, params, VectorMath.provider());
    }

    /** As {@link #of(MlpSpec, Params)} with an explicit math provider (for comparisons). */
    public static FusedMlp of(MlpSpec spec, Params params, MathProvider math) {
        if (!supports(spec)) {
            throw new IllegalArgumentException("fused MLP supports [D, H, D] with softplus, tanh, silu or relu; got " + spec);
        }
        int d = spec.inputDim();
        int h = spec.sizes()[1];
        return new FusedMlp(spec, f32(params, MlpSpec.weightName(0), d, h), f32(params, MlpSpec.biasName(0), h),
                f32(params, MlpSpec.weightName(1), h, d), f32(params, MlpSpec.biasName(1), d), math);
    }

    private static float[] f32(Params params, String name, int... shape) {
        return f32(params, "fused MLP", name, shape);
    }

    /**
     * The F32 data of parameter {@code name}, checked to have {@code shape}, for the fused kernel named
     * {@code kernel} (in the message); the array is the parameter's own, not a copy.
     */
    static float[] f32(Params params, String kernel, String name, int... shape) {
        Tensor t = params.get(name);
        if (t.dtype() != DType.F32) {
            throw new IllegalArgumentException(kernel + " needs F32 parameters; '" + name + "' is " + t.dtype());
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        return t.data32();
    }

    public MlpSpec spec() {
        return spec;
    }

    /** Data dimension D. */
    public int dim() {
        return dim;
    }

    /** Hidden width H. */
    public int hidden() {
        return hidden;
    }

    /** The math provider the kernels use. */
    public MathProvider math() {
        return math;
    }

    int tileRows() {
        return tileRows;
    }

    /**
     * Writes s(x) for rows [offset, offset + rows) of {@code x} ([·, D] row-major) into the same rows of
     * {@code out}: modifies out[offset·D, (offset + rows)·D) only. Runs on the calling thread, so calls on
     * disjoint row ranges may run concurrently; allocates nothing after the thread's first call.
     */
    public void score(float[] x, int offset, int rows, float[] out) {
        checkRows(x, offset, rows, "x");
        checkRows(out, offset, rows, "out");
        ScorePass.score(this, math, x, offset, rows, out);
    }

    /** {@link #score(float[], int, int, float[])} with the dimension stated by the caller (checked against D). */
    public void score(float[] x, int offset, int rows, int d, float[] out) {
        if (d != dim) {
            throw new IllegalArgumentException("score called with d=" + d + " but the network has D=" + dim);
        }
        score(x, offset, rows, out);
    }

    /** Scores of all {@code n} rows of {@code x} into {@code out} (both [n, D]), split over threads by fixed blocks. */
    public void score(float[] x, int n, float[] out, Parallelism parallelism) {
        checkRows(x, 0, n, "x");
        checkRows(out, 0, n, "out");
        int blocks = (n + CHUNK - 1) / CHUNK;
        parallelism.forEach(blocks, i -> {
            int from = i * CHUNK;
            ScorePass.score(this, math, x, from, Math.min(CHUNK, n - from), out);
        });
    }

    /**
     * Mean exact score-matching loss of the first {@code n} rows of {@code batch} ([n, D] row-major),
     * ½‖s(x)‖² + tr ∂s/∂x, and its gradient written into {@code out} (every element overwritten).
     * The batch is cut into chunks of {@link #CHUNK} rows spread over threads; chunk sums are combined in
     * order, so the result is bit-identical for every thread count.
     *
     * @return the mean loss
     */
    public double lossAndGradient(float[] batch, int n, Gradients out, Parallelism parallelism) {
        if (n < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + n);
        }
        checkRows(batch, 0, n, "batch");
        if (out.dim() != dim || out.hidden() != hidden) {
            throw new IllegalArgumentException("gradient buffers are for [" + out.dim() + ", " + out.hidden()
                    + "], network is [" + dim + ", " + hidden + "]");
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        int p = ExactScoreMatchingPass.partialSize(dim, hidden);
        float[] partials = Scratch.floats(Scratch.PARTIALS, chunks * p);
        double[] losses = new double[chunks];
        parallelism.forEach(chunks, i -> {
            int from = i * CHUNK;
            losses[i] = ExactScoreMatchingPass.accumulate(this, math, batch, from, Math.min(n, from + CHUNK), partials, i * p);
        });
        return ExactScoreMatchingPass.combine(this, partials, losses, chunks, n, out);
    }

    /** Allocating convenience: the loss and a fresh gradient {@link Params}. */
    public LossAndGrad lossAndGradient(float[] batch, int n, Parallelism parallelism) {
        Gradients g = Gradients.zeros(spec);
        double loss = lossAndGradient(batch, n, g, parallelism);
        return new LossAndGrad(loss, g.toParams());
    }

    private void checkRows(float[] a, int offset, int rows, String name) {
        if (offset < 0 || rows < 0 || (long) (offset + rows) * dim > a.length) {
            throw new IllegalArgumentException(name + " of length " + a.length + " cannot hold rows [" + offset + ", "
                    + (offset + rows) + ") of dimension " + dim);
        }
    }
}
