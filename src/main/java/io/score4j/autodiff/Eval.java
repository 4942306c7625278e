package io.score4j.autodiff;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Forward evaluation of one primitive: checks shapes, allocates the output and calls the kernel.
 * The only place that dispatches on dtype, so kernels stay free of virtual calls.
 */
final class Eval {
    private Eval() {}

    /** The value of {@code op} applied to {@code in} with attribute {@code attr} (may be null). */
    static Tensor forward(Primitive op, int[] attr, Tensor[] in) {
        if (in.length != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + in.length);
        }
        if (op.isElementwiseBinary()) {
            return binary(op, in[0], in[1]);
        }
        if (op.isElementwiseUnary()) {
            return unary(op, in[0]);
        }
        return switch (op) {
            case MATMUL -> matmul(in[0], in[1], attr != null && attr[0] != 0, attr != null && attr[1] != 0);
            case TRANSPOSE -> transpose(in[0]);
            case SUM_AXIS -> sumAxis(in[0], attr[0]);
            case SUM_ALL -> sumAxis(in[0].reshape(1, in[0].size(), 1), 1).reshape();
            case BROADCAST -> broadcast(in[0], attr);
            case RESHAPE -> reshape(in[0], attr);
            default -> throw new IllegalStateException("no forward rule for " + op);
        };
    }

    private static Tensor binary(Primitive op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape()) || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + " needs equal shapes and dtypes, got " + a + " and " + b);
        }
        if (a.dtype() == DType.F64) {
            double[] x = a.data64();
            double[] y = b.data64();
            double[] o = new double[x.length];
            switch (op) {
                case ADD -> Elementwise.add(x, y, o);
                case SUB -> Elementwise.sub(x, y, o);
                case MUL -> Elementwise.mul(x, y, o);
                default -> Elementwise.div(x, y, o);
            }
            return Tensor.wrap(o, a.shape());
        }
        float[] x = a.data32();
        float[] y = b.data32();
        float[] o = new float[x.length];
        switch (op) {
            case ADD -> Elementwise.add(x, y, o);
            case SUB -> Elementwise.sub(x, y, o);
            case MUL -> Elementwise.mul(x, y, o);
            default -> Elementwise.div(x, y, o);
        }
        return Tensor.wrap(o, a.shape());
    }

    private static Tensor unary(Primitive op, Tensor a) {
        if (a.dtype() == DType.F64) {
            double[] x = a.data64();
            double[] o = new double[x.length];
            switch (op) {
                case NEG -> Elementwise.neg(x, o);
                case EXP -> Elementwise.exp(x, o);
                case LOG -> Elementwise.log(x, o);
                case TANH -> Elementwise.tanh(x, o);
                case SIGMOID -> Elementwise.sigmoid(x, o);
                case SOFTPLUS -> Elementwise.softplus(x, o);
                case RELU -> Elementwise.relu(x, o);
                default -> Elementwise.step(x, o);
            }
            return Tensor.wrap(o, a.shape());
        }
        float[] x = a.data32();
        float[] o = new float[x.length];
        switch (op) {
            case NEG -> Elementwise.neg(x, o);
            case EXP -> Elementwise.exp(x, o);
            case LOG -> Elementwise.log(x, o);
            case TANH -> Elementwise.tanh(x, o);
            case SIGMOID -> Elementwise.sigmoid(x, o);
            case SOFTPLUS -> Elementwise.softplus(x, o);
            case RELU -> Elementwise.relu(x, o);
            default -> Elementwise.step(x, o);
        }
        return Tensor.wrap(o, a.shape());
    }

    private static Tensor matmul(Tensor a, Tensor b, boolean ta, boolean tb) {
        int m = ta ? a.dim(-1) : a.dim(0);
        int k = ta ? a.dim(0) : a.dim(-1);
        int kb = tb ? b.dim(-1) : b.dim(0);
        int n = tb ? b.dim(0) : b.dim(-1);
        if (a.rank() != 2 || b.rank() != 2 || k != kb || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("MATMUL needs op(a) [m,k] and op(b) [k,n] of one dtype, got "
                    + a + (ta ? "ᵀ" : "") + " and " + b + (tb ? "ᵀ" : ""));
        }
        if (a.dtype() == DType.F64) {
            double[] o = new double[m * n];
            Kernels.gemm(a.data64(), ta, b.data64(), tb, o, m, k, n);
            return Tensor.wrap(o, m, n);
        }
        float[] o = new float[m * n];
        Kernels.gemm(a.data32(), ta, b.data32(), tb, o, m, k, n);
        return Tensor.wrap(o, m, n);
    }

    private static Tensor transpose(Tensor a) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("TRANSPOSE needs a rank-2 tensor, got " + a);
        }
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

    private static Tensor sumAxis(Tensor a, int axis) {
        int[] s = a.shape();
        if (axis < 0 || axis >= s.length) {
            throw new IllegalArgumentException("SUM_AXIS axis " + axis + " out of range for " + a);
        }
        int outer = Tensor.sizeOf(Arrays.copyOfRange(s, 0, axis));
        int inner = Tensor.sizeOf(Arrays.copyOfRange(s, axis + 1, s.length));
        int[] outShape = Shapes.remove(s, axis);
        if (a.dtype() == DType.F64) {
            double[] o = new double[outer * inner];
            Kernels.sumAxis(a.data64(), o, outer, s[axis], inner);
            return Tensor.wrap(o, outShape);
        }
        float[] o = new float[outer * inner];
        Kernels.sumAxis(a.data32(), o, outer, s[axis], inner);
        return Tensor.wrap(o, outShape);
    }

    private static Tensor broadcast(Tensor a, int[] target) {
        int[] padded = Shapes.padLeft(a.shape(), target.length);
        if (!Arrays.equals(Shapes.broadcast(padded, target), target)) {
            throw new IllegalArgumentException("cannot BROADCAST " + a + " to " + Arrays.toString(target));
        }
        int n = Tensor.sizeOf(target);
        if (a.dtype() == DType.F64) {
            double[] o = new double[n];
            Kernels.broadcast(a.data64(), padded, o, target);
            return Tensor.wrap(o, target);
        }
        float[] o = new float[n];
        Kernels.broadcast(a.data32(), padded, o, target);
        return Tensor.wrap(o, target);
    }

    private static Tensor reshape(Tensor a, int[] target) {
        if (Tensor.sizeOf(target) != a.size()) {
            throw new IllegalArgumentException("cannot RESHAPE " + a + " to " + Arrays.toString(target));
        }
        return a.reshape(target);
    }
}
