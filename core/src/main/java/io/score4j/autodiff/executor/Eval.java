package io.score4j.autodiff.executor;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.List;

/**
 * Computes, one at a time, the non-fusible nodes no {@link RowConsumer} takes: TRANSPOSE, RESHAPE of
 * a computed tensor (a view), the sums
 * of {@link Reductions}, and MATMUL with a transposed first operand and a large result (whose first
 * operand is materialised and transposed, then multiplied by rows). Inputs may be deferred.
 */
final class Eval {
    private Eval() {}

    /** The value of non-fusible node {@code n}. */
    static Tensor forward(Node n) {
        return switch (n.op().kind()) {
            case MATMUL -> transposedProduct(n);
            case TRANSPOSE -> transpose(n.input(0).value());
            case SUM_AXIS -> Reductions.sumAxis(n.input(0), n.attr()[0], n.shape());
            case SUM_ALL -> Reductions.sumAll(n.input(0));
            case RESHAPE -> n.input(0).value().reshape(n.shape());
            default -> throw new IllegalStateException("no forward rule for " + n.op());
        };
    }

    private static Tensor transposedProduct(Node n) {
        boolean ta = Shapes.transposed(n.attr(), 0);
        Tensor a = n.input(0).value();
        if (ta) {
            a = transpose(a);
        }
        int[] out = n.shape();
        int k = a.dim(1);
        Node computed = Node.leaf(a);
        RowConsumers.Product p = new RowConsumers.Product(n, computed, n.input(1), Shapes.transposed(n.attr(), 1),
                out[0], k, out[1]);
        RowPass.run(List.of(p), RowConsumer.segmentRows(out[0], 0));
        return n.value();
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
