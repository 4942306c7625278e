package io.score4j.autodiff;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;

/**
 * Computes the primitives that are not fusible (see {@link Fusion}): MATMUL with a large inner
 * dimension ({@link Products}), the sums ({@link Reductions}) and TRANSPOSE. Shapes are checked
 * beforehand by {@link Shapes#output}. Inputs may be deferred; they are read chunk by chunk.
 */
final class Eval {
    private Eval() {}

    /** The value of {@code op} on {@code in} with attribute {@code attr} (may be null) and output {@code shape}. */
    static Tensor forward(Primitive op, int[] attr, Var[] in, int[] shape) {
        return switch (op) {
            case MATMUL -> {
                boolean ta = Shapes.transposed(attr, 0);
                int k = in[0].shape()[ta ? 0 : 1];
                yield Products.matmul(in[0], in[1], ta, Shapes.transposed(attr, 1), shape[0], k, shape[1]);
            }
            case TRANSPOSE -> transpose(in[0].value());
            case SUM_AXIS -> Reductions.sumAxis(in[0], attr[0], shape);
            case SUM_ALL -> Reductions.sumAll(in[0]);
            default -> throw new IllegalStateException("no forward rule for " + op);
        };
    }

    private static Tensor transpose(Tensor a) {
        int m = a.dim(0);
        int n = a.dim(1);
        if (a.dtype() == DType.F64) {
            double[] o = new double[m * n];
            Kernels.transpose(a.data64(), o, m, n);
            return Tensor.wrap(o, n, m);
        }
        float[] o = new float[m * n];
        Kernels.transpose(a.data32(), o, m, n);
        return Tensor.wrap(o, n, m);
    }
}
