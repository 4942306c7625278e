package io.score4j.nn;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;

/**
 * A plain (non-differentiable) forward pass of an MLP of any depth in float32, for scoring and
 * sampling with models the fused kernels do not cover. Immutable and thread-safe; each call
 * allocates only its own per-call scratch.
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
        for (int l = 0; l < w.length; l++) {
            float[] next = new float[rows * s[l + 1]];
            affine(cur, rows, s[l], s[l + 1], w[l], b[l], next);
            if (l < w.length - 1) {
                activate(next, spec.activation());
            }
            cur = next;
        }
        System.arraycopy(cur, 0, out, offset * s[s.length - 1], rows * s[s.length - 1]);
    }

    private static void affine(float[] in, int rows, int din, int dout, float[] w, float[] b, float[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * dout;
            System.arraycopy(b, 0, out, o, dout);
            for (int i = 0; i < din; i++) {
                float xi = in[r * din + i];
                int wi = i * dout;
                for (int j = 0; j < dout; j++) {
                    out[o + j] += xi * w[wi + j];
                }
            }
        }
    }

    private static void activate(float[] a, Activation act) {
        for (int i = 0; i < a.length; i++) {
            float h = a[i];
            a[i] = switch (act) {
                case SOFTPLUS -> (float) (Math.max(h, 0.0) + Math.log1p(Math.exp(-Math.abs(h))));
                case TANH -> (float) Math.tanh(h);
                case SILU -> (float) (h / (1.0 + Math.exp(-h)));
                case RELU -> Math.max(h, 0f);
            };
        }
    }
}
