package io.score4j.autodiff;

import io.score4j.autodiff.executor.Parallel;
import io.score4j.autodiff.executor.Scheduler;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Transforms over {@link Var} graphs: reverse mode ({@link #grad}, {@link #vjp}), forward mode
 * ({@link #jvp}), and per-example evaluation over a batch axis. Every result a transform returns
 * as a {@code Var} is a graph of primitives, so it can be differentiated again (grad of grad,
 * grad of a JVP, JVP of a grad). No transform modifies its arguments.
 */
public final class Autodiff {
    private Autodiff() {}

    /**
     * Sets how many threads the engine's kernels use (the caller's plus pooled daemon threads);
     * the default is the number of available processors. Results are bit-identical for every
     * count: work is split by shapes alone and partial sums are combined in a fixed order.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public static void setThreads(int threads) {
        Parallel.setThreads(threads);
    }

    /** The thread count set by {@link #setThreads} (default: available processors). */
    public static int threads() {
        return Parallel.threads();
    }

    /**
     * Reverse mode: ∂out/∂w for each w in {@code wrt}, as differentiable Vars with the shapes of
     * {@code wrt}. {@code scalarOut} must hold one element; a w it does not depend on gets zeros.
     */
    public static List<Var> grad(Var scalarOut, List<Var> wrt) {
        if (scalarOut.value().size() != 1) {
            throw new IllegalArgumentException("grad needs a one-element output, got " + scalarOut);
        }
        return vjp(scalarOut, Var.leaf(Tensor.full(scalarOut.dtype(), 1.0, scalarOut.shape())), wrt);
    }

    /**
     * Reverse mode: Jᵀ·cotangent for each w in {@code wrt}; {@code cotangent} has the shape of
     * {@code out}. The results are computed before they are returned, together, so that
     * gradients reading the same activations share passes over them.
     */
    public static List<Var> vjp(Var out, Var cotangent, List<Var> wrt) {
        checkSameShape("cotangent", cotangent, out);
        List<Var> nodes = topologicalOrder(out);
        Set<Var> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        needed.addAll(wrt);
        for (Var n : nodes) {
            for (Var in : n.inputs()) {
                if (needed.contains(in)) {
                    needed.add(n);
                    break;
                }
            }
        }
        Map<Var, Var> ct = new IdentityHashMap<>();
        ct.put(out, cotangent);
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Var n = nodes.get(k);
            Var g = ct.get(n);
            if (g == null || n.isLeaf()) {
                continue;
            }
            for (int i = 0; i < n.op().arity(); i++) {
                Var in = n.input(i);
                if (needed.contains(in)) {
                    Var c = RuleTable.STANDARD.vjp(n, i, g);
                    if (c != null) {
                        ct.merge(in, c, Var::add);
                    }
                }
            }
        }
        List<Var> res = new ArrayList<>(wrt.size());
        for (Var w : wrt) {
            Var g = ct.get(w);
            res.add(g != null ? g : Var.zerosLike(w));
        }
        Scheduler.compute(res);
        return res;
    }

    /**
     * Forward mode over an existing graph: J·t, the derivative of {@code out} along
     * {@code tangents[i]} for {@code inputs[i]} (each tangent has its input's shape). The result
     * is built from the JVP rules and stays differentiable w.r.t. every Var of the graph
     * (parameters the function closed over included).
     */
    public static Var jvp(Var out, List<Var> inputs, List<Var> tangents) {
        if (inputs.size() != tangents.size()) {
            throw new IllegalArgumentException("jvp needs one tangent per input, got "
                    + inputs.size() + " inputs and " + tangents.size() + " tangents");
        }
        Map<Var, Var> tan = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            checkSameShape("tangents[" + i + "]", tangents.get(i), inputs.get(i));
            tan.put(inputs.get(i), tangents.get(i));
        }
        for (Var n : topologicalOrder(out)) {
            if (n.isLeaf() || tan.containsKey(n)) {
                continue;
            }
            Var acc = null;
            for (int i = 0; i < n.op().arity(); i++) {
                Var t = tan.get(n.input(i));
                Var c = t == null ? null : RuleTable.STANDARD.jvp(n, i, t);
                if (c != null) {
                    acc = acc == null ? c : acc.add(c);
                }
            }
            if (acc != null) {
                tan.put(n, acc);
            }
        }
        Var t = tan.get(out);
        return t != null ? t : Var.zerosLike(out);
    }

    /** Forward mode on a function: evaluates f(primals) and its derivative along {@code tangents}. */
    public static JvpResult jvp(Function<List<Var>, Var> f, List<Var> primals, List<Var> tangents) {
        Var out = f.apply(primals);
        return new JvpResult(out, jvp(out, primals, tangents));
    }

    /** f(at) (one element) and ∂f/∂at as tensors; {@code f} sees fresh leaves holding {@code at}. */
    public static ValueAndGrad valueAndGrad(Function<List<Var>, Var> f, List<Tensor> at) {
        List<Var> leaves = new ArrayList<>(at.size());
        for (Tensor t : at) {
            leaves.add(Var.leaf(t));
        }
        Var out = f.apply(leaves);
        List<Var> g = grad(out, leaves);
        out.value();
        List<Tensor> grads = new ArrayList<>(g.size());
        for (Var v : g) {
            grads.add(v.value());
        }
        return new ValueAndGrad(out.value(), grads);
    }

    /**
     * Per-example value and gradient (the seed's {@code vmap(value_and_grad(f))}): for each row b
     * of {@code batch} ([B, …]), evaluates {@code f(params, row_b)} with row_b of shape [1, …] and
     * differentiates it w.r.t. {@code params}. Returns values [B] and, per parameter, gradients
     * stacked to [B, …param shape].
     */
    public static PerExampleGrads perExample(
            BiFunction<List<Var>, Var, Var> f, List<Tensor> params, Tensor batch) {
        if (batch.rank() < 1 || batch.dim(0) < 1) {
            throw new IllegalArgumentException("perExample needs a batch of shape [B>=1, ...], got " + batch);
        }
        int b = batch.dim(0);
        DType dt = batch.dtype();
        Object values = alloc(dt, b);
        List<Object> stacks = new ArrayList<>();
        for (Tensor p : params) {
            stacks.add(alloc(p.dtype(), b * p.size()));
        }
        for (int e = 0; e < b; e++) {
            Tensor row = row(batch, e);
            ValueAndGrad vg = valueAndGrad(ps -> f.apply(ps, Var.leaf(row)), params);
            copy(vg.value(), values, e);
            for (int i = 0; i < params.size(); i++) {
                copy(vg.grads().get(i), stacks.get(i), e * params.get(i).size());
            }
        }
        List<Tensor> grads = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            int[] ps = params.get(i).shape();
            int[] s = new int[ps.length + 1];
            s[0] = b;
            System.arraycopy(ps, 0, s, 1, ps.length);
            grads.add(wrap(stacks.get(i), s));
        }
        return new PerExampleGrads(wrap(values, b), grads);
    }

    /** Row {@code e} of {@code batch} as a copy of shape [1, …]. */
    static Tensor row(Tensor batch, int e) {
        int[] s = batch.shape();
        int n = batch.size() / s[0];
        s[0] = 1;
        Object dst = alloc(batch.dtype(), n);
        Object src = batch.dtype() == DType.F64 ? batch.data64() : batch.data32();
        System.arraycopy(src, e * n, dst, 0, n);
        return wrap(dst, s);
    }

    /** Every node reachable from {@code out}, inputs before the nodes that use them. */
    static List<Var> topologicalOrder(Var out) {
        Set<Var> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Var> stack = new ArrayDeque<>();
        List<Var> nodes = new ArrayList<>();
        stack.push(out);
        seen.add(out);
        while (!stack.isEmpty()) {
            Var n = stack.pop();
            nodes.add(n);
            for (Var in : n.inputs()) {
                if (seen.add(in)) {
                    stack.push(in);
                }
            }
        }
        nodes.sort(Comparator.comparingLong(Var::id));
        return nodes;
    }

    private static void checkSameShape(String what, Var v, Var like) {
        if (!Arrays.equals(v.shape(), like.shape()) || v.dtype() != like.dtype()) {
            throw new IllegalArgumentException(what + " " + v + " must match " + like + " in shape and dtype");
        }
    }

    private static Object alloc(DType dt, int n) {
        return dt == DType.F64 ? new double[n] : new float[n];
    }

    private static Tensor wrap(Object data, int... shape) {
        return data instanceof double[] d ? Tensor.wrap(d, shape) : Tensor.wrap((float[]) data, shape);
    }

    private static void copy(Tensor src, Object dst, int at) {
        Object s = src.dtype() == DType.F64 ? src.data64() : src.data32();
        System.arraycopy(s, 0, dst, at, src.size());
    }
}
