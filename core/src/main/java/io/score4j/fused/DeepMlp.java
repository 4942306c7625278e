package io.score4j.fused;

import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.tensor.Activation;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
import java.util.Arrays;

/**
 * An immutable float32 snapshot of an MLP [n₀, n₁, …, n_L] of any depth (at least one hidden layer) laid
 * out for the fused deep kernels ({@link DeepKernels}): the forward score here, the first-order training
 * objectives in {@link DeepLoss}. A fast path beside the generic autodiff engine, which computes the same
 * quantities in any precision.
 *
 * <p>Network: a₀ = x, h_l = a_{l−1}·W_l + b_l, a_l = σ(h_l) for hidden layers, y = a_{L−1}·W_L + b_L
 * (W_l = {@code layers.(l−1).weight} [n_{l−1}, n_l]). Every layer's output width is padded to a multiple
 * of {@link DeepKernels#PAD} with zero weights and biases; padded units never reach a real output. Rows are
 * processed in tiles of {@link #TILE}: each layer is one register-blocked matrix product with the bias as
 * its starting value, followed by the activation on the tile while it is in cache.
 *
 * <p>Determinism: every output is a fixed chain of float operations (sums in order over the input index,
 * activations from {@link MathProvider}, whose elementwise kernels agree bit for bit between providers),
 * so results are identical for every thread count, for every vector width and for the scalar fallback.
 * Instances are thread-safe.
 */
public final class DeepMlp {
    /** Rows per tile of a score call. */
    public static final int TILE = 64;

    final MlpSpec spec;
    final int layers;
    /** True widths n₀ … n_L. */
    final int[] width;
    /** Padded widths (pad[0] = n₀: inputs are read as given). */
    final int[] pad;
    /** W_l as [n_l][pad[l+1]] (index l = 0 … L−1). */
    final float[][] w;
    final float[][] b;
    /** W_lᵀ as [n_{l+1}][pad[l]] for l ≥ 1 (null at 0): the backward pass's input gradient. */
    final float[][] wt;
    final Activation nonlinearity;
    final MathProvider math;
    final DeepKernels kernels;

    private DeepMlp(MlpSpec spec, Params params, MathProvider math, DeepKernels kernels) {
        this.spec = spec;
        this.width = spec.sizes();
        this.layers = width.length - 1;
        this.pad = new int[width.length];
        pad[0] = width[0];
        for (int l = 1; l <= layers; l++) {
            pad[l] = (width[l] + DeepKernels.PAD - 1) / DeepKernels.PAD * DeepKernels.PAD;
        }
        this.w = new float[layers][];
        this.b = new float[layers][];
        this.wt = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int in = width[l];
            int out = width[l + 1];
            float[] src = f32(params, MlpSpec.weightName(l), in, out);
            w[l] = new float[in * pad[l + 1]];
            for (int j = 0; j < in; j++) {
                System.arraycopy(src, j * out, w[l], j * pad[l + 1], out);
            }
            b[l] = Arrays.copyOf(f32(params, MlpSpec.biasName(l), out), pad[l + 1]);
            if (l > 0) {
                wt[l] = transpose(src, in, out, pad[l]);
            }
        }
        this.nonlinearity = spec.activation();
        this.math = math;
        this.kernels = kernels;
    }

    /** srcᵀ ([cols][stride], zero-padded) of src [rows][cols], in 16 × 16 blocks to stay in cache. */
    private static float[] transpose(float[] src, int rows, int cols, int stride) {
        float[] t = new float[cols * stride];
        for (int j0 = 0; j0 < rows; j0 += 16) {
            for (int k0 = 0; k0 < cols; k0 += 16) {
                for (int j = j0; j < Math.min(rows, j0 + 16); j++) {
                    for (int k = k0; k < Math.min(cols, k0 + 16); k++) {
                        t[k * stride + j] = src[j * cols + k];
                    }
                }
            }
        }
        return t;
    }

    /** Whether the deep kernels handle {@code spec}: at least one hidden layer and one of the four activations. */
    public static boolean supports(MlpSpec spec) {
        return spec.layers() >= 2 && switch (spec.activation()) {
            case SOFTPLUS, TANH, SILU, RELU -> true;
        };
    }

    /** Snapshot of {@code params} (F32, shapes of {@code spec}) on the chosen providers ({@link VectorMath}). */
    public static DeepMlp of(MlpSpec spec, Params params) {
        return of(spec, params, VectorMath.vectorEnabled());
    }

    /** As {@link #of(MlpSpec, Params)} on the Vector API kernels ({@code vector}, where available) or the scalar ones. */
    public static DeepMlp of(MlpSpec spec, Params params, boolean vector) {
        if (!supports(spec)) {
            throw new IllegalArgumentException("fused deep MLP needs at least one hidden layer and softplus, tanh, "
                    + "silu or relu; got " + spec);
        }
        MathProvider m = vector ? VectorMath.vector().orElse(VectorMath.scalar()) : VectorMath.scalar();
        return new DeepMlp(spec, params, m, DeepKernels.select(vector));
    }

    private static float[] f32(Params params, String name, int... shape) {
        return FusedMlp.f32(params, "fused deep MLP", name, shape);
    }

    public MlpSpec spec() {
        return spec;
    }

    /** "scalar" or "vector(&lt;bits&gt;)": the kernels in use. */
    public String kernelName() {
        return kernels.name();
    }

    /**
     * y = net(x) for rows [offset, offset + rows) of {@code x} ([·, n₀]) into the same rows of {@code out}
     * ([·, n_L]); modifies only those rows of out. Runs on the calling thread with per-thread scratch, so
     * calls on disjoint rows may run concurrently.
     */
    public void apply(float[] x, int offset, int rows, float[] out) {
        check(x, offset, rows, width[0], "x");
        check(out, offset, rows, width[layers], "out");
        run(x, offset, rows, Float.NaN, out, 1f);
    }

    /**
     * The noise-conditional score s(x, σ) = net([x, log σ]) / σ for rows [offset, offset + rows) of {@code x}
     * ([·, D] with n₀ = D + 1, n_L = D) into the same rows of {@code out}; log σ and 1/σ are rounded to float
     * once. Modifies only those rows of out.
     */
    public void applyConditional(float[] x, int offset, int rows, double sigma, float[] out) {
        if (width[0] != width[layers] + 1) {
            throw new IllegalArgumentException("a noise-conditional network is [D + 1, …, D], got " + spec);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        check(x, offset, rows, width[layers], "x");
        check(out, offset, rows, width[layers], "out");
        run(x, offset, rows, (float) Math.log(sigma), out, (float) (1.0 / sigma));
    }

    /**
     * y = net(x) and, per row, tr[r] = Σ_q v_qᵀ (∂net/∂x) v_q by forward-mode tangents fused into the
     * forward pass ({@link DeepTangents}): x is [rows, n₀]; the directions v ([rows, M, D], D = n_L, row r's
     * direction q at (r·M + q)·D) perturb the first D inputs, the others have tangent 0. With the D unit
     * vectors as directions, tr is the exact trace of the Jacobian of the output with respect to the first D
     * inputs. Writes y [rows, n_L] and tr[0, rows); per-thread scratch, so concurrent calls are safe.
     */
    public void applyWithTrace(float[] x, int rows, float[] v, int m, float[] y, double[] tr) {
        int d = width[layers];
        if (m < 1 || d > width[0]) {
            throw new IllegalArgumentException("need m >= 1 directions of the first " + d + " of " + width[0] + " inputs");
        }
        check(x, 0, rows, width[0], "x");
        check(v, 0, rows, m * d, "v");
        check(y, 0, rows, d, "y");
        if (tr.length < rows) {
            throw new IllegalArgumentException("tr of length " + tr.length + " cannot hold " + rows + " rows");
        }
        DeepTangents.apply(this, x, rows, v, m, y, tr);
    }

    /** Tiles of rows through the network; a non-NaN {@code extra} is appended as the last input column. */
    private void run(float[] x, int offset, int rows, float extra, float[] out, float outScale) {
        int d = width[layers];
        int xd = Float.isNaN(extra) ? width[0] : width[0] - 1;
        float[] in = DeepScratch.floats(DeepScratch.INPUT, TILE * width[0]);
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int n = Math.min(TILE, rows - r0);
            for (int r = 0; r < n; r++) {
                System.arraycopy(x, (offset + r0 + r) * xd, in, r * width[0], xd);
                if (xd < width[0]) {
                    in[r * width[0] + xd] = extra;
                }
            }
            float[] y = forward(in, n, null, null, null);
            int p = pad[layers];
            for (int r = 0; r < n; r++) {
                int o = (offset + r0 + r) * d;
                for (int k = 0; k < d; k++) {
                    out[o + k] = outScale == 1f ? y[r * p + k] : y[r * p + k] * outScale;
                }
            }
        }
    }

    /**
     * The forward pass of {@code n} rows of {@code in} ([n, n₀]); returns the output buffer ([n, pad[L]],
     * per-thread scratch). For hidden layer i (layer i + 1 of the network, i = 0 … L − 2): its activations go
     * to act[i] when act is non-null, σ'(h) to d1[i] and σ''(h) to d2[i] when d1 is non-null (d2 may be null:
     * then σ'' goes to scratch); each [n, pad[i + 1]], caller-owned.
     */
    float[] forward(float[] in, int n, float[][] act, float[][] d1, float[][] d2) {
        float[] cur = in;
        int curStride = width[0];
        for (int l = 0; l < layers; l++) {
            int p = pad[l + 1];
            boolean hidden = l < layers - 1;
            float[] next = act != null && hidden ? act[l]
                    : DeepScratch.floats(hidden ? DeepScratch.PING + (l & 1) : DeepScratch.OUTPUT, Math.max(n, 1) * p);
            kernels.affine(cur, 0, curStride, width[l], n, w[l], p, b[l], null, next, 0, p, p);
            if (hidden) {
                if (d1 != null) {
                    float[] dd = d2 != null ? d2[l] : DeepScratch.floats(DeepScratch.D2, n * p);
                    math.applyWithDerivatives(nonlinearity, next, next, d1[l], dd, 0, n * p);
                } else {
                    math.apply(nonlinearity, next, next, 0, n * p);
                }
            }
            cur = next;
            curStride = p;
        }
        return cur;
    }

    private static void check(float[] a, int offset, int rows, int cols, String name) {
        if (offset < 0 || rows < 0 || (long) (offset + rows) * cols > a.length) {
            throw new IllegalArgumentException(name + " of length " + a.length + " cannot hold rows [" + offset + ", "
                    + (offset + rows) + ") of width " + cols);
        }
    }
}
