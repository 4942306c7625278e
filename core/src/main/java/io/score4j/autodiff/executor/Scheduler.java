package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes nodes on demand (building a node computes nothing). Nodes that are not deferred are
 * computed first, in creation order, each alone as if computed when built. Pending non-fusible
 * nodes (products and sums whose inputs were deferred when they were built) are computed in
 * rounds: each round takes every pending node whose inputs can be computed from what is known
 * (no pending node below it), groups the
 * {@link RowConsumer}s among them by row count and segment size, and runs each group as one
 * {@link RowPass}; the rest are computed one by one by {@link Eval}. Deferred fusible targets are
 * then materialised by their {@link Plan}.
 *
 * <p>Grouping only changes how often deferred inputs are evaluated, never a value: every node is
 * computed by the same kernels in the same order however it is grouped. A pass holds nodes of one
 * {@link Precision}: a round runs the ready F32 nodes, then the F64 ones.
 */
public final class Scheduler {
    /** Every precision; a round computes the ready nodes of each in turn, so a pass holds one buffer type. */
    private static final List<Precision<?>> PRECISIONS = List.of(Precision.F32.INSTANCE, Precision.F64.INSTANCE);

    private Scheduler() {}

    /** Computes {@code v} and whatever it needs, on {@code parallelism}'s threads. */
    static void compute(Node v, Parallelism parallelism) {
        compute(List.of(v), parallelism);
    }

    /**
     * Computes every target and whatever they need. First the nodes below the targets that are
     * neither computed nor deferred, in creation order, each as it would have been computed when
     * built (alone, or with its pending deferred inputs); then the deferred rest, sharing passes
     * over common inputs. Kernels run on {@code parallelism}'s threads; the values do not depend on
     * how many there are.
     */
    public static void compute(List<? extends Node> targets, Parallelism parallelism) {
        for (Node e : unforced(targets)) {
            if (e.valueIfComputed() == null) {
                if (e.hasDeferredInput()) {
                    computeDeferred(List.of(e), parallelism);
                } else {
                    computeNow(Precision.of(e.dtype()), e, parallelism);
                }
            }
        }
        computeDeferred(targets, parallelism);
    }

    /** Not-deferred, not-computed nodes the targets depend on through uncomputed nodes, in creation order. */
    private static List<Node> unforced(List<? extends Node> targets) {
        List<Node> found = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayList<Node> stack = new ArrayList<>();
        for (Node t : targets) {
            if (t.valueIfComputed() == null && seen.add(t)) {
                stack.add(t);
            }
        }
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (n.isUnforced()) {
                found.add(n);
            }
            for (int i = 0; i < n.op().arity(); i++) {
                Node in = n.input(i);
                if (in.valueIfComputed() == null && seen.add(in)) {
                    stack.add(in);
                }
            }
        }
        found.sort(Comparator.comparingLong(Node::id));
        return found;
    }

    /** Computes {@code v} (of precision {@code p}), whose inputs are all computed, alone. */
    private static <A> void computeNow(Precision<A> p, Node v, Parallelism parallelism) {
        if (v.isFusible()) {
            v.setValue(fusibleValue(v, parallelism));
            return;
        }
        RowConsumer<A> c = RowConsumers.of(p, v);
        if (c == null) {
            v.setValue(Eval.forward(v, parallelism));
        } else {
            int segment = c.segmentRows() == 0 ? RowConsumer.segmentRows(c.rows(), 0) : c.segmentRows();
            RowPass.run(p, List.of(c), segment, parallelism);
        }
    }

    /** Computes deferred targets (and unforced ones whose inputs are computed or deferred), sharing passes. */
    private static void computeDeferred(List<? extends Node> targets, Parallelism parallelism) {
        for (List<Node> ready = ready(targets); !ready.isEmpty(); ready = ready(targets)) {
            for (Precision<?> p : PRECISIONS) {
                run(p, ready, parallelism);
            }
        }
        for (Node t : targets) {
            if (t.valueIfComputed() == null) {
                t.setValue(fusibleValue(t, parallelism));
            }
        }
    }

    /** A fusible node's value: its kernel on whole arrays when small with computed inputs, else its plan. */
    private static Tensor fusibleValue(Node v, Parallelism parallelism) {
        return v.size() <= Fusion.TASK && !v.hasDeferredInput()
                ? Fusion.direct(v, parallelism) : Fusion.materialize(v, parallelism);
    }

    /** Pending non-fusible nodes needed by the targets whose inputs involve no pending node, in creation order. */
    private static List<Node> ready(List<? extends Node> targets) {
        List<Node> pending = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayList<Node> stack = new ArrayList<>();
        for (Node t : targets) {
            if (t.valueIfComputed() == null && seen.add(t)) {
                stack.add(t);
            }
        }
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (!n.isFusible()) {
                pending.add(n);
            }
            for (int i = 0; i < n.op().arity(); i++) {
                Node in = n.input(i);
                if (in.isDeferred() && seen.add(in)) {
                    stack.add(in);
                }
            }
        }
        pending.sort(Comparator.comparingLong(Node::id));
        Map<Node, Boolean> blocked = new IdentityHashMap<>();
        List<Node> ready = new ArrayList<>();
        for (Node n : pending) {
            boolean free = true;
            for (int i = 0; i < n.op().arity() && free; i++) {
                free = !blocked(n.input(i), blocked);
            }
            if (free) {
                ready.add(n);
            }
        }
        return ready;
    }

    /** Whether computing {@code v} needs a pending non-fusible node; memoised in {@code memo}. */
    private static boolean blocked(Node v, Map<Node, Boolean> memo) {
        if (!v.isDeferred()) {
            return false;
        }
        if (!v.isFusible()) {
            return true;
        }
        Boolean known = memo.get(v);
        if (known != null) {
            return known;
        }
        boolean b = false;
        for (int i = 0; i < v.op().arity() && !b; i++) {
            b = blocked(v.input(i), memo);
        }
        memo.put(v, b);
        return b;
    }

    /**
     * Computes the {@code ready} nodes of precision {@code p}: row consumers grouped into passes,
     * others alone.
     */
    private static <A> void run(Precision<A> p, List<Node> ready, Parallelism parallelism) {
        Map<List<Integer>, List<RowConsumer<A>>> groups = new LinkedHashMap<>();
        List<RowConsumer<A>> free = new ArrayList<>();
        for (Node n : ready) {
            if (n.dtype() != p.dtype()) {
                continue;
            }
            RowConsumer<A> c = RowConsumers.of(p, n);
            if (c == null) {
                n.setValue(Eval.forward(n, parallelism));
            } else if (c.segmentRows() == 0) {
                free.add(c);
            } else {
                groups.computeIfAbsent(List.of(c.rows(), c.segmentRows()), k -> new ArrayList<>()).add(c);
            }
        }
        for (RowConsumer<A> c : free) {
            List<RowConsumer<A>> home = null;
            for (Map.Entry<List<Integer>, List<RowConsumer<A>>> e : groups.entrySet()) {
                if (e.getKey().get(0) == c.rows()) {
                    home = e.getValue();
                    break;
                }
            }
            if (home == null) {
                home = groups.computeIfAbsent(List.of(c.rows(), RowConsumer.segmentRows(c.rows(), 0)),
                        k -> new ArrayList<>());
            }
            home.add(c);
        }
        for (Map.Entry<List<Integer>, List<RowConsumer<A>>> e : groups.entrySet()) {
            RowPass.run(p, e.getValue(), e.getKey().get(1), parallelism);
        }
    }
}
