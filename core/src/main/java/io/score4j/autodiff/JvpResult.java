package io.score4j.autodiff;

/** Result of {@link Autodiff#jvp(java.util.function.Function, java.util.List, java.util.List)}: f(x) and J·t. */
public record JvpResult(Var primal, Var tangent) {
    public JvpResult {
        if (primal == null) {
            throw new IllegalArgumentException("primal must not be null");
        }
        if (tangent == null) {
            throw new IllegalArgumentException("tangent must not be null");
        }
    }
}
