package io.score4j.fused;

import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Caller-owned gradient buffers of a one-hidden-layer MLP [D, H, D], in the layout of its parameters:
 * {@code w1} [D, H] and {@code w2} [H, D] row-major, {@code b1} [H], {@code b2} [D]. Kernels overwrite
 * every element; the arrays are exposed without copies so an optimizer can read them in place.
 */
public final class Gradients {
    private final int dim;
    private final int hidden;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;

    private Gradients(int dim, int hidden) {
        this.dim = dim;
        this.hidden = hidden;
        this.w1 = new float[dim * hidden];
        this.b1 = new float[hidden];
        this.w2 = new float[hidden * dim];
        this.b2 = new float[dim];
    }

    /** Zeroed buffers for a score net {@code [D, H, D]}; throws if the spec is not of that form. */
    public static Gradients zeros(MlpSpec spec) {
        int[] s = spec.sizes();
        if (s.length != 3 || s[0] != s[2]) {
            throw new IllegalArgumentException("gradient buffers need an MLP [D, H, D], got " + spec);
        }
        return new Gradients(s[0], s[1]);
    }

    public int dim() {
        return dim;
    }

    public int hidden() {
        return hidden;
    }

    /** ∂L/∂W1, [D, H] row-major (live array). */
    public float[] w1() {
        return w1;
    }

    /** ∂L/∂b1, [H] (live array). */
    public float[] b1() {
        return b1;
    }

    /** ∂L/∂W2, [H, D] row-major (live array). */
    public float[] w2() {
        return w2;
    }

    /** ∂L/∂b2, [D] (live array). */
    public float[] b2() {
        return b2;
    }

    /** A copy as F32 {@link Params} named {@code layers.0.weight}, {@code layers.0.bias}, {@code layers.1.weight}, {@code layers.1.bias}. */
    public Params toParams() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put(MlpSpec.weightName(0), Tensor.of(w1, dim, hidden));
        m.put(MlpSpec.biasName(0), Tensor.of(b1, hidden));
        m.put(MlpSpec.weightName(1), Tensor.of(w2, hidden, dim));
        m.put(MlpSpec.biasName(1), Tensor.of(b2, dim));
        return Params.of(m);
    }
}
