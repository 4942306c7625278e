package io.score4j.tensor.simd;

/**
 * Elementwise nonlinearities σ that {@link MathProvider} evaluates together with σ' and σ''.
 * Mirrors {@code io.score4j.nn.Activation} (which this package may not import).
 */
public enum Nonlinearity {
    /** σ(h) = log(1 + eʰ); σ' = sigmoid(h); σ'' = sigmoid(h)(1 − sigmoid(h)). */
    SOFTPLUS,
    /** σ(h) = tanh h; σ' = 1 − tanh²h; σ'' = −2 tanh h (1 − tanh²h). */
    TANH,
    /** σ(h) = h·p with p = sigmoid(h); σ' = p(1 + h(1 − p)); σ'' = p(1 − p)(2 + h(1 − 2p)). */
    SILU,
    /** σ(h) = max(h, 0); σ' = [h > 0]; σ'' = 0 (exact; the kink at 0 is given derivative 0). */
    RELU
}
