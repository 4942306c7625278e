package io.score4j.autodiff.executor;

/**
 * What the executor needs to know of an operation: its kind, its arity and, for elementwise ops,
 * its kernels. {@code io.score4j.autodiff.Primitive} implements it; the executor never names a
 * particular elementwise op (except the F32 softplus/sigmoid pairing, see {@link #pairing()}).
 *
 * <p>Kernel contract: read elements [0, n) of the inputs (never modifying them) and overwrite
 * {@code out[0, n)}; {@code out} may be an input; every element is computed by the same operation
 * sequence wherever a chunk starts, so chunked and whole evaluation give the same bits.
 */
public interface Op {
    /** How the executor computes a node of this op. */
    enum Kind {
        /** Element by element, by the op's {@code compute} kernels; fusible into plans. */
        ELEMENTWISE,
        /** op(a)·op(b), attribute {transA, transB} or none. */
        MATMUL,
        /** [m,n] → [n,m]. */
        TRANSPOSE,
        /** Sum over the axis given as attribute. */
        SUM_AXIS,
        /** Sum of all elements. */
        SUM_ALL,
        /** Numpy broadcast to the attribute shape. */
        BROADCAST,
        /** Same elements under the attribute shape. */
        RESHAPE
    }

    /** Ops whose F32 values a plan may compute together from one exponential. */
    enum Pairing {
        /** Not paired. */
        NONE,
        /** log(1 + eˣ), paired with {@link #SIGMOID} of the same input. */
        SOFTPLUS,
        /** 1/(1 + e⁻ˣ), paired with {@link #SOFTPLUS} of the same input. */
        SIGMOID
    }

    /** How nodes of this op are computed. */
    Kind kind();

    /** Number of inputs. */
    int arity();

    /** Whether this is elementwise with one input. */
    default boolean isElementwiseUnary() {
        return kind() == Kind.ELEMENTWISE && arity() == 1;
    }

    /** Whether this is elementwise with two inputs. */
    default boolean isElementwiseBinary() {
        return kind() == Kind.ELEMENTWISE && arity() == 2;
    }

    /** Whether a libm-class kernel makes recomputing it in every consumer dearer than writing it once. */
    boolean transcendental();

    /** The op's role in the F32 softplus/sigmoid pairing ({@link Pairing#NONE} for most). */
    default Pairing pairing() {
        return Pairing.NONE;
    }

    /** out[i] = op(a[i]), F64 (elementwise unary); modifies out. */
    void compute(double[] a, double[] out, int n);

    /** out[i] = op(a[i]), F32 (elementwise unary); modifies out. */
    void compute(float[] a, float[] out, int n);

    /** out[i] = a[i] op b[i], F64 (elementwise binary); modifies out. */
    void compute(double[] a, double[] b, double[] out, int n);

    /** out[i] = a[i] op b[i], F32 (elementwise binary); modifies out. */
    void compute(float[] a, float[] b, float[] out, int n);
}
