package io.score4j.autodiff;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deferred node and the deferred nodes it depends on, compiled into steps that compute any
 * flat index range of its value chunk by chunk, each intermediate living only in a small scratch
 * buffer (so a chain such as {@code g·(n − n·n)} over [2048, 1024] never writes a full-size
 * intermediate array). Steps are the fusible primitives: elementwise ops, {@link Primitive#BROADCAST}
 * of a computed tensor, and {@link Primitive#MATMUL} with a small inner dimension; a deferred
 * {@link Primitive#RESHAPE} is free (flat order is unchanged), so it is skipped.
 *
 * <p>Immutable once compiled and safe to evaluate from several threads, each with its own scratch.
 */
final class Plan {
    private final DType dtype;
    /** Computed steps in topological order; the last is the root. */
    private final Var[] steps;
    /**
     * Per step and input of an elementwise step: the scratch slot holding that input, a step's own
     * slot (its index) or a loaded slot (steps.length + load index); −1 for the inputs of BROADCAST
     * and MATMUL steps, which read {@link #argData}.
     */
    private final int[][] argSlot;
    /** Per step and input of a BROADCAST or MATMUL step: the operand array (MATMUL: untransposed). */
    private final Object[][] argData;
    /** Computed arrays read by elementwise steps, copied chunk by chunk into slots steps.length + l. */
    private final Object[] loads;
    /** Per step: broadcast geometry (BROADCAST steps), else null. */
    private final Kernels.Broadcast[] broadcasts;
    /** Per step: {k, n} of a MATMUL step, else null. */
    private final int[][] products;

    private Plan(DType dtype, Var[] steps, int[][] argSlot, Object[][] argData, Object[] loads,
                 Kernels.Broadcast[] broadcasts, int[][] products) {
        this.dtype = dtype;
        this.steps = steps;
        this.argSlot = argSlot;
        this.argData = argData;
        this.loads = loads;
        this.broadcasts = broadcasts;
        this.products = products;
    }

    /** Compiles the steps computing {@code root}, which must be a fusible node (deferred or not). */
    static Plan compile(Var root) {
        List<Var> order = new ArrayList<>();
        collect(skipReshapes(root), order, Collections.newSetFromMap(new IdentityHashMap<>()));
        order.sort(Comparator.comparingLong(Var::id));
        Map<Object, Integer> slot = new IdentityHashMap<>();
        for (int s = 0; s < order.size(); s++) {
            slot.put(order.get(s), s);
        }
        int count = order.size();
        List<Object> loads = new ArrayList<>();
        int[][] argSlot = new int[count][];
        Object[][] argData = new Object[count][];
        Kernels.Broadcast[] broadcasts = new Kernels.Broadcast[count];
        int[][] products = new int[count][];
        for (int s = 0; s < count; s++) {
            Var n = order.get(s);
            int arity = n.op().arity();
            argSlot[s] = new int[arity];
            argData[s] = new Object[arity];
            boolean elementwise = n.op().isElementwiseUnary() || n.op().isElementwiseBinary();
            for (int i = 0; i < arity; i++) {
                Var in = skipReshapes(n.input(i));
                Tensor t = in.valueIfComputed();
                if (!elementwise) {
                    argSlot[s][i] = -1;
                    argData[s][i] = operand(n, i, in.value());
                } else if (t == null) {
                    argSlot[s][i] = slot.get(in);
                } else {
                    Object data = t.dtype() == DType.F64 ? t.data64() : t.data32();
                    argSlot[s][i] = slot.computeIfAbsent(data, d -> {
                        loads.add(d);
                        return count + loads.size() - 1;
                    });
                }
            }
            if (n.op() == Primitive.BROADCAST) {
                broadcasts[s] = new Kernels.Broadcast(n.input(0).shape(), n.shape());
            } else if (n.op() == Primitive.MATMUL) {
                int[] b = n.input(1).shape();
                products[s] = new int[] {b[Shapes.transposed(n.attr(), 1) ? 1 : 0], n.shape()[1]};
            }
        }
        return new Plan(root.dtype(), order.toArray(new Var[0]), argSlot, argData, loads.toArray(),
                broadcasts, products);
    }

    /** Number of distinct deferred nodes {@code v} depends on through deferred edges (itself included), up to {@code limit + 1}. */
    static int deferredSize(Var v, int limit) {
        Set<Var> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayList<Var> stack = new ArrayList<>();
        stack.add(v);
        seen.add(v);
        while (!stack.isEmpty() && seen.size() <= limit) {
            Var n = stack.remove(stack.size() - 1);
            for (int i = 0; i < n.op().arity(); i++) {
                Var in = n.input(i);
                if (in.isDeferred() && seen.add(in)) {
                    stack.add(in);
                }
            }
        }
        return seen.size();
    }

    /**
     * Fresh scratch for one thread: a buffer of {@code len} elements per step and per load, then
     * one row for the partial rows of MATMUL steps.
     */
    Object[] scratch(int len) {
        int row = 0;
        for (int[] p : products) {
            row = p == null ? row : Math.max(row, p[1]);
        }
        Object[] s = new Object[steps.length + loads.length + 1];
        for (int i = 0; i < s.length; i++) {
            int n = i == s.length - 1 ? row : len;
            s[i] = dtype == DType.F64 ? new double[n] : new float[n];
        }
        return s;
    }

    /**
     * Computes elements [from, from + len) of the root's value into the returned array (one of
     * {@code scratch}, at index 0); {@code len} must not exceed the length {@code scratch} was made
     * for. Modifies scratch only.
     */
    Object eval(int from, int len, Object[] scratch) {
        for (int l = 0; l < loads.length; l++) {
            System.arraycopy(loads[l], from, scratch[steps.length + l], 0, len);
        }
        for (int s = 0; s < steps.length; s++) {
            step(s, from, len, scratch);
        }
        return scratch[steps.length - 1];
    }

    private void step(int s, int from, int len, Object[] scratch) {
        Primitive op = steps[s].op();
        Object dst = scratch[s];
        if (op.isElementwiseUnary()) {
            Object a = scratch[argSlot[s][0]];
            if (dtype == DType.F64) {
                Elementwise.unary(op, (double[]) a, (double[]) dst, len);
            } else {
                Elementwise.unary(op, (float[]) a, (float[]) dst, len);
            }
        } else if (op.isElementwiseBinary()) {
            Object a = scratch[argSlot[s][0]];
            Object b = scratch[argSlot[s][1]];
            if (dtype == DType.F64) {
                Elementwise.binary(op, (double[]) a, (double[]) b, (double[]) dst, len);
            } else {
                Elementwise.binary(op, (float[]) a, (float[]) b, (float[]) dst, len);
            }
        } else if (op == Primitive.BROADCAST) {
            Kernels.broadcastRange(argData[s][0], broadcasts[s], dst, 0, from, len);
        } else {
            Kernels.product(argData[s][0], argData[s][1], products[s][0], products[s][1], dst, from, len,
                    scratch[scratch.length - 1]);
        }
    }

    /** The array a step reads for computed input {@code i}: MATMUL operands packed untransposed. */
    private static Object operand(Var n, int i, Tensor t) {
        Object data = t.dtype() == DType.F64 ? t.data64() : t.data32();
        if (n.op() != Primitive.MATMUL || !Shapes.transposed(n.attr(), i)) {
            return data;
        }
        int[] s = t.shape();
        return Kernels.transposed(data, s[0], s[1]);
    }

    private static void collect(Var n, List<Var> order, Set<Var> seen) {
        ArrayList<Var> stack = new ArrayList<>();
        stack.add(n);
        seen.add(n);
        while (!stack.isEmpty()) {
            Var v = stack.remove(stack.size() - 1);
            order.add(v);
            for (int i = 0; i < v.op().arity(); i++) {
                Var in = skipReshapes(v.input(i));
                if (in.isDeferred() && seen.add(in)) {
                    stack.add(in);
                }
            }
        }
    }

    private static Var skipReshapes(Var v) {
        Var r = v;
        while (r.op() == Primitive.RESHAPE && r.isDeferred()) {
            r = r.input(0);
        }
        return r;
    }
}
