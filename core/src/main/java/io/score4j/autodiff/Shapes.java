package io.score4j.autodiff;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;

/** Shape arithmetic shared by evaluation, the friendly API and the rules. Pure functions. */
final class Shapes {
    private Shapes() {}

    /** {@code shape} with {@code rank − shape.length} leading 1s. */
    static int[] padLeft(int[] shape, int rank) {
        if (shape.length > rank) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has rank above " + rank);
        }
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    /** Numpy broadcast of two shapes; throws naming both when incompatible. */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] pa = padLeft(a, rank);
        int[] pb = padLeft(b, rank);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            if (pa[d] == pb[d] || pb[d] == 1) {
                out[d] = pa[d];
            } else if (pa[d] == 1) {
                out[d] = pb[d];
            } else {
                throw new IllegalArgumentException(
                        "shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
        }
        return out;
    }

    /** {@code shape} without axis {@code axis}. */
    static int[] remove(int[] shape, int axis) {
        int[] out = new int[shape.length - 1];
        System.arraycopy(shape, 0, out, 0, axis);
        System.arraycopy(shape, axis + 1, out, axis, shape.length - axis - 1);
        return out;
    }

    /** {@code shape} with a 1 inserted at {@code axis}. */
    static int[] insertOne(int[] shape, int axis) {
        int[] out = new int[shape.length + 1];
        System.arraycopy(shape, 0, out, 0, axis);
        out[axis] = 1;
        System.arraycopy(shape, axis, out, axis + 1, shape.length - axis);
        return out;
    }

    /**
     * The output shape of {@code op} on inputs {@code in} with attribute {@code attr}; checks arity,
     * dtypes and shapes, throwing IllegalArgumentException naming the op and the inputs.
     */
    static int[] output(Primitive op, int[] attr, Var[] in) {
        if (in.length != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + in.length);
        }
        int[] a = in[0].shape();
        if (op.isElementwiseUnary()) {
            return a;
        }
        if (op.isElementwiseBinary()) {
            if (!Arrays.equals(a, in[1].shape()) || in[0].dtype() != in[1].dtype()) {
                throw new IllegalArgumentException(op + " needs equal shapes and dtypes, got " + in[0] + " and " + in[1]);
            }
            return a;
        }
        return switch (op) {
            case MATMUL -> matmul(in[0], in[1], attr);
            case TRANSPOSE -> {
                if (a.length != 2) {
                    throw new IllegalArgumentException("TRANSPOSE needs a rank-2 tensor, got " + in[0]);
                }
                yield new int[] {a[1], a[0]};
            }
            case SUM_AXIS -> {
                if (attr[0] < 0 || attr[0] >= a.length) {
                    throw new IllegalArgumentException("SUM_AXIS axis " + attr[0] + " out of range for " + in[0]);
                }
                yield remove(a, attr[0]);
            }
            case SUM_ALL -> new int[0];
            case BROADCAST, RESHAPE -> target(op, in[0], attr);
            default -> throw new IllegalStateException("no shape rule for " + op);
        };
    }

    /** The target shape of a BROADCAST or RESHAPE of {@code x}, checked. */
    private static int[] target(Primitive op, Var x, int[] attr) {
        int[] a = x.shape();
        boolean ok = op == Primitive.BROADCAST
                ? attr.length >= a.length && Arrays.equals(broadcast(padLeft(a, attr.length), attr), attr)
                : Tensor.sizeOf(attr) == x.size();
        if (!ok) {
            throw new IllegalArgumentException("cannot " + op + " " + x + " to " + Arrays.toString(attr));
        }
        return attr.clone();
    }

    /** Whether MATMUL attribute {@code attr} transposes operand {@code i} (0 = a, 1 = b). */
    static boolean transposed(int[] attr, int i) {
        return attr != null && attr[i] != 0;
    }

    private static int[] matmul(Var a, Var b, int[] attr) {
        int[] sa = a.shape();
        int[] sb = b.shape();
        boolean ta = transposed(attr, 0);
        boolean tb = transposed(attr, 1);
        DType dt = a.dtype();
        if (sa.length != 2 || sb.length != 2 || (ta ? sa[0] : sa[1]) != (tb ? sb[1] : sb[0]) || dt != b.dtype()) {
            throw new IllegalArgumentException("MATMUL needs op(a) [m,k] and op(b) [k,n] of one dtype, got "
                    + a + (ta ? "ᵀ" : "") + " and " + b + (tb ? "ᵀ" : ""));
        }
        return new int[] {ta ? sa[1] : sa[0], tb ? sb[0] : sb[1]};
    }
}
