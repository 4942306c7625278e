package io.score4j.autodiff.executor;

import java.util.Arrays;

/** Shape arithmetic shared by the primitives' shape rules, the friendly API and the executor. Pure functions. */
public final class Shapes {
    private Shapes() {}

    /** {@code shape} with {@code rank − shape.length} leading 1s. */
    public static int[] padLeft(int[] shape, int rank) {
        if (shape.length > rank) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has rank above " + rank);
        }
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    /** Numpy broadcast of two shapes; throws naming both when incompatible. */
    public static int[] broadcast(int[] a, int[] b) {
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
    public static int[] remove(int[] shape, int axis) {
        int[] out = new int[shape.length - 1];
        System.arraycopy(shape, 0, out, 0, axis);
        System.arraycopy(shape, axis + 1, out, axis, shape.length - axis - 1);
        return out;
    }

    /** {@code shape} with a 1 inserted at {@code axis}. */
    public static int[] insertOne(int[] shape, int axis) {
        int[] out = new int[shape.length + 1];
        System.arraycopy(shape, 0, out, 0, axis);
        out[axis] = 1;
        System.arraycopy(shape, axis, out, axis + 1, shape.length - axis);
        return out;
    }

    /** Whether MATMUL attribute {@code attr} transposes operand {@code i} (0 = a, 1 = b). */
    public static boolean transposed(int[] attr, int i) {
        return attr != null && attr[i] != 0;
    }
}
