package io.score4j.nn;

import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;

/**
 * A plain (non-differentiable) forward pass of an MLP of any depth in float32, for scoring and
 * sampling with models the fused kernels do not cover, on the {@link VectorMath} kernels (Vector
 * API where available). Immutable and thread-safe; each call allocates only its own activations.
 *
 * <p>y = σ(…σ(x·W₀ + b₀)…)·W_{L−1} + b_{L−1}, with W_l of shape [in, out] row-major.
 */
public final class MlpForward {
    private final MlpSpec spec;
    private final float[][] w;
    private final float[][] b;

    private MlpForward(MlpSpec spec, float[][] w, float[][] b) {
        this.spec = spec;
        this.w = w;
        this.b = b;
    }

    /** Reads the weights of {@code params} (converted to float) for {@code spec}; checks shapes. */
    public static MlpForward of(MlpSpec spec, Params params) {
        MlpSpec found = MlpInit.specOf(params, spec.activation());
        if (!found.equals(spec)) {
            throw new IllegalArgumentException("parameters describe " + found + ", expected " + spec);
        }
        int layers = spec.layers();
        float[][] w = new float[layers][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = params.get(MlpSpec.weightName(l)).astype(DType.F32).data32();
            b[l] = params.get(MlpSpec.biasName(l)).astype(DType.F32).data32();
        }
        return new MlpForward(spec, w, b);
    }

    public MlpSpec spec() {
        return spec;
    }

    /**
     * Writes y for rows [offset, offset+rows) of {@code x} (flat [*, d_in]) into the same rows of
     * {@code out} (flat [*, d_out]). Only {@code out} is modified.
     */
    public void apply(float[] x, int offset, int rows, float[] out) {
        int[] s = spec.sizes();
        float[] cur = new float[rows * s[0]];
        System.arraycopy(x, offset * s[0], cur, 0, rows * s[0]);
        MathProvider math = VectorMath.provider();
        Activation f = spec.activation();
        for (int l = 0; l < w.length; l++) {
            float[] next = new float[rows * s[l + 1]];
            math.affineRows(cur, 0, rows, s[l], w[l], b[l], next, 0, s[l + 1]);
            if (l < w.length - 1) {
                math.apply(f, next, next, 0, next.length);
            }
            cur = next;
        }
        System.arraycopy(cur, 0, out, offset * s[s.length - 1], rows * s[s.length - 1]);
    }

}
