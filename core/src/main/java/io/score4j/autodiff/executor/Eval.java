package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
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

    /** The value of non-fusible node {@code n}, computed with {@code parallelism}. */
    static Tensor forward(Node n, Parallelism parallelism) {
        Precision<?> p = Precision.of(n.dtype());
        return switch (n.op().kind()) {
            case MATMUL -> transposedProduct(p, n, parallelism);
            case TRANSPOSE -> transpose(p, n.input(0).value(parallelism));
            case SUM_AXIS -> Reductions.sumAxis(n.input(0), n.attr()[0], n.shape(), parallelism);
            case SUM_ALL -> Reductions.sumAll(n.input(0), parallelism);
            case RESHAPE -> n.input(0).value(parallelism).reshape(n.shape());
            default -> throw new IllegalStateException("no forward rule for " + n.op());
        };
    }

    private static <A> Tensor transposedProduct(Precision<A> p, Node n, Parallelism parallelism) {
        boolean ta = Shapes.transposed(n.attr(), 0);
        Tensor a = n.input(0).value(parallelism);
        if (ta) {
            a = transpose(p, a);
        }
        int[] out = n.shape();
        int k = a.dim(1);
        Node computed = Node.leaf(a);
        RowConsumers.Product<A> c = new RowConsumers.Product<>(p, n, computed, n.input(1),
                Shapes.transposed(n.attr(), 1), out[0], k, out[1]);
        RowPass.run(p, List.of(c), RowConsumer.segmentRows(out[0], 0), parallelism);
        return n.value(parallelism);
    }

    private static <A> Tensor transpose(Precision<A> p, Tensor a) {
        int m = a.dim(0);
        int n = a.dim(1);
        A o = p.alloc(m * n);
        p.transpose(p.data(a), o, m, n);
        return p.wrap(o, n, m);
    }
}
