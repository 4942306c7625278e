package io.score4j.autodiff;

import io.score4j.Parallelism;
import io.score4j.autodiff.executor.Scheduler;
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
     * Reverse mode: ∂out/∂w for each w in {@code wrt}, as differentiable Vars with the shapes of
     * {@code wrt}. {@code scalarOut} must hold one element; a w it does not depend on gets zeros.
     */
    public static List<Var> grad(Var scalarOut, List<Var> wrt, Parallelism parallelism) {
        if (scalarOut.value(parallelism).size() != 1) {
            throw new IllegalArgumentException("grad needs a one-element output, got " + scalarOut);
        }
        return vjp(scalarOut, Var.leaf(Tensor.full(scalarOut.dtype(), 1.0, scalarOut.shape())), wrt, parallelism);
    }

    /** {@link #grad(Var, List, Parallelism)} on {@link Parallelism#available()}. */
    public static List<Var> grad(Var scalarOut, List<Var> wrt) {
        return grad(scalarOut, wrt, Parallelism.available());
    }

    /**
     * Reverse mode: Jᵀ·cotangent for each w in {@code wrt}; {@code cotangent} has the shape of
     * {@code out}. The results are computed before they are returned, together, on
     * {@code parallelism}'s threads (the bits do not depend on how many), so that gradients reading
     * the same activations share passes over them.
     */
    public static List<Var> vjp(Var out, Var cotangent, List<Var> wrt, Parallelism parallelism) {
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
        Scheduler.compute(res, parallelism);
        return res;
    }

    /** {@link #vjp(Var, Var, List, Parallelism)} on {@link Parallelism#available()}. */
    public static List<Var> vjp(Var out, Var cotangent, List<Var> wrt) {
        return vjp(out, cotangent, wrt, Parallelism.available());
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

    /**
     * f(at) (one element) and ∂f/∂at as tensors, computed on {@code parallelism}'s threads;
     * {@code f} sees fresh leaves holding {@code at}.
     */
    public static ValueAndGrad valueAndGrad(Function<List<Var>, Var> f, List<Tensor> at, Parallelism parallelism) {
        List<Var> leaves = new ArrayList<>(at.size());
        for (Tensor t : at) {
            leaves.add(Var.leaf(t));
        }
        Var out = f.apply(leaves);
        List<Var> g = grad(out, leaves, parallelism);
        List<Tensor> grads = new ArrayList<>(g.size());
        for (Var v : g) {
            grads.add(v.value(parallelism));
        }
        return new ValueAndGrad(out.value(parallelism), grads);
    }

    /** {@link #valueAndGrad(Function, List, Parallelism)} on {@link Parallelism#available()}. */
    public static ValueAndGrad valueAndGrad(Function<List<Var>, Var> f, List<Tensor> at) {
        return valueAndGrad(f, at, Parallelism.available());
    }

    /**
     * Per-example value and gradient (the seed's {@code vmap(value_and_grad(f))}): for each row b
     * of {@code batch} ([B, …]), evaluates {@code f(params, row_b)} with row_b of shape [1, …] and
     * differentiates it w.r.t. {@code params}, on {@code parallelism}'s threads. Returns values [B]
     * and, per parameter, gradients stacked to [B, …param shape] (each in its own dtype).
     */
    public static PerExampleGrads perExample(
            BiFunction<List<Var>, Var, Var> f, List<Tensor> params, Tensor batch, Parallelism parallelism) {
        if (batch.rank() < 1 || batch.dim(0) < 1) {
            throw new IllegalArgumentException("perExample needs a batch of shape [B>=1, ...], got " + batch);
        }
        int b = batch.dim(0);
        double[] values = new double[b];
        List<double[]> stacks = new ArrayList<>();
        for (Tensor p : params) {
            stacks.add(new double[b * p.size()]);
        }
        double[] all = batch.toDoubleArray();
        for (int e = 0; e < b; e++) {
            Tensor row = row(all, batch, e);
            ValueAndGrad vg = valueAndGrad(ps -> f.apply(ps, Var.leaf(row)), params, parallelism);
            values[e] = vg.value().toDoubleArray()[0];
            for (int i = 0; i < params.size(); i++) {
                double[] g = vg.grads().get(i).toDoubleArray();
                System.arraycopy(g, 0, stacks.get(i), e * g.length, g.length);
            }
        }
        List<Tensor> grads = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            int[] s = new int[p.rank() + 1];
            s[0] = b;
            System.arraycopy(p.shape(), 0, s, 1, p.rank());
            grads.add(Tensor.wrap(stacks.get(i), s).astype(p.dtype()));
        }
        return new PerExampleGrads(Tensor.wrap(values, b).astype(batch.dtype()), grads);
    }

    /** {@link #perExample(BiFunction, List, Tensor, Parallelism)} on {@link Parallelism#available()}. */
    public static PerExampleGrads perExample(BiFunction<List<Var>, Var, Var> f, List<Tensor> params, Tensor batch) {
        return perExample(f, params, batch, Parallelism.available());
    }

    /** Row {@code e} of {@code batch} as a copy of shape [1, …] (float values widen and narrow back exactly). */
    static Tensor row(Tensor batch, int e) {
        return row(batch.toDoubleArray(), batch, e);
    }

    /** Row {@code e} of {@code batch}, whose elements widened to double are {@code all}. */
    private static Tensor row(double[] all, Tensor batch, int e) {
        int[] s = batch.shape();
        int n = batch.size() / s[0];
        s[0] = 1;
        return Tensor.wrap(Arrays.copyOfRange(all, e * n, (e + 1) * n), s).astype(batch.dtype());
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
}
