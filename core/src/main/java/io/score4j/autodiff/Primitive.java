package io.score4j.autodiff;

/**
 * The closed set of operations the autodiff engine knows. Every derivative the engine produces is
 * itself a graph of these primitives (see {@link RuleTable}), so derivatives can be differentiated
 * again. Shapes: elementwise binary ops need equal shapes (the friendly {@link Var} API inserts
 * {@link #BROADCAST} for you); {@link #MATMUL} is [m,k]·[k,n] → [m,n].
 */
public enum Primitive {
    /** a + b, elementwise. */
    ADD(2),
    /** a − b, elementwise. */
    SUB(2),
    /** a · b, elementwise. */
    MUL(2),
    /** a / b, elementwise. */
    DIV(2),
    /** −x. */
    NEG(1),
    /** eˣ. */
    EXP(1),
    /** ln x. */
    LOG(1),
    /** tanh x. */
    TANH(1),
    /** σ(x) = 1 / (1 + e⁻ˣ). */
    SIGMOID(1),
    /** log(1 + eˣ); derivative σ(x). */
    SOFTPLUS(1),
    /** max(0, x); derivative STEP(x). */
    RELU(1),
    /** Heaviside: 1 where x &gt; 0, else 0. Its derivative is taken to be zero everywhere. */
    STEP(1),
    /**
     * Matrix product op(a)·op(b) of two rank-2 tensors, [m,k]·[k,n] → [m,n]. The optional
     * attribute {transA, transB} (0 or 1 each, BLAS gemm style) makes op a transpose, so the VJP
     * rules (g·bᵀ, aᵀ·g) never materialise a transposed activation matrix.
     */
    MATMUL(2),
    /** Transpose of a rank-2 tensor: [m,n] → [n,m]. */
    TRANSPOSE(1),
    /** Sum over one axis (attribute: the axis), which is removed: [.., a, ..] → [.., ..]. */
    SUM_AXIS(1),
    /** Sum of all elements → scalar shape []. */
    SUM_ALL(1),
    /**
     * Numpy-style broadcast to a target shape (attribute): the input shape, left-padded with 1s to
     * the target rank, must equal the target or be 1 on each axis. E.g. [H] → [B,H], [] → any,
     * [B,1] → [B,D]. Its VJP is a sum over the broadcast axes.
     */
    BROADCAST(1),
    /** Same elements under a new shape of equal size (attribute: the new shape). */
    RESHAPE(1);

    private final int arity;

    Primitive(int arity) {
        this.arity = arity;
    }

    /** Number of tensor inputs. */
    public int arity() {
        return arity;
    }

    /** Whether this is a one-input op applied element by element. */
    public boolean isElementwiseUnary() {
        return switch (this) {
            case NEG, EXP, LOG, TANH, SIGMOID, SOFTPLUS, RELU, STEP -> true;
            default -> false;
        };
    }

    /** Whether this is a two-input op applied element by element. */
    public boolean isElementwiseBinary() {
        return switch (this) {
            case ADD, SUB, MUL, DIV -> true;
            default -> false;
        };
    }
}
