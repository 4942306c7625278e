package io.score4j.tensor;

import java.util.Locale;

/**
 * The hidden-layer nonlinearity σ of an MLP score network: the one activation type of score4j. The
 * network spec ({@code nn.MlpSpec}) holds it, the generic path maps it to autodiff primitives
 * ({@code autodiff.Var#activate}), the fused kernels evaluate it with σ' and σ'' through
 * {@link io.score4j.tensor.simd.MathProvider}. It lives here, the lowest package those three share.
 * Model files and checkpoints store {@link #id()} (metadata key {@code activation}).
 */
public enum Activation {
    /**
     * σ(h) = log(1 + eʰ); σ' = sigmoid(h); σ'' = sigmoid(h)(1 − sigmoid(h)). The seed's choice; smooth, so
     * the exact objective's trace term has a gradient.
     */
    SOFTPLUS,
    /** σ(h) = tanh h; σ' = 1 − tanh²h; σ'' = −2 tanh h (1 − tanh²h). */
    TANH,
    /** σ(h) = h·p with p = sigmoid(h) (a.k.a. swish); σ' = p(1 + h(1 − p)); σ'' = p(1 − p)(2 + h(1 − 2p)). */
    SILU,
    /**
     * σ(h) = max(h, 0); σ' = [h &gt; 0]; σ'' = 0 (exact; the kink at 0 is given derivative 0). Its second
     * derivative is zero almost everywhere: a poor fit for exact score matching.
     */
    RELU;

    /** Lower-case name used on the command line and in model-file and checkpoint metadata. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (case-insensitive); throws naming the allowed values. */
    public static Activation parse(String s) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + s + "' (use softplus, tanh, silu or relu)");
    }
}
