package io.score4j.nn;

/** Hidden-layer nonlinearity of an MLP score network. */
public enum Activation {
    /** log(1 + eˣ); the seed's choice. Smooth, so the exact objective's trace term has a gradient. */
    SOFTPLUS,
    /** tanh x. */
    TANH,
    /** x·sigmoid(x) (a.k.a. swish). */
    SILU,
    /** max(0, x). Its second derivative is zero almost everywhere: a poor fit for exact score matching. */
    RELU;

    /** Lower-case name used on the command line and in checkpoint metadata. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
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
