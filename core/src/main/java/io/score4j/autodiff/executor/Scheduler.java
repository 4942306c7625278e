package io.score4j.autodiff.executor;

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
 * computed by the same kernels in the same order however it is grouped.
 */
public final class Scheduler {
    private Scheduler() {}

    /** Computes {@code v} and whatever it needs. */
    static void compute(Node v) {
        compute(List.of(v));
    }

    /**
     * Computes every target and whatever they need. First the nodes below the targets that are
     * neither computed nor deferred, in creation order, each as it would have been computed when
     * built (alone, or with its pending deferred inputs); then the deferred rest, sharing passes
     * over common inputs.
     */
    public static void compute(List<? extends Node> targets) {
        for (Node e : unforced(targets)) {
            if (e.valueIfComputed() == null) {
                if (e.hasDeferredInput()) {
                    computeDeferred(List.of(e));
                } else {
                    computeNow(e);
                }
            }
        }
        computeDeferred(targets);
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

    /** Computes {@code v}, whose inputs are all computed, alone. */
    private static void computeNow(Node v) {
        if (v.isFusible()) {
            v.setValue(fusibleValue(v));
            return;
        }
        RowConsumer c = RowConsumers.of(v);
        if (c == null) {
            v.setValue(Eval.forward(v));
        } else {
            RowPass.run(List.of(c), c.segmentRows() == 0 ? RowConsumer.segmentRows(c.rows(), 0) : c.segmentRows());
        }
    }

    /** Computes deferred targets (and unforced ones whose inputs are computed or deferred), sharing passes. */
    private static void computeDeferred(List<? extends Node> targets) {
        for (List<Node> ready = ready(targets); !ready.isEmpty(); ready = ready(targets)) {
            run(ready);
        }
        for (Node t : targets) {
            if (t.valueIfComputed() == null) {
                t.setValue(fusibleValue(t));
            }
        }
    }

    /** A fusible node's value: its kernel on whole arrays when small with computed inputs, else its plan. */
    private static Tensor fusibleValue(Node v) {
        return v.size() <= Fusion.TASK && !v.hasDeferredInput() ? Fusion.direct(v) : Fusion.materialize(v);
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

    /** Computes {@code ready} nodes: row consumers grouped into passes, others alone. */
    private static void run(List<Node> ready) {
        Map<List<Integer>, List<RowConsumer>> groups = new LinkedHashMap<>();
        List<RowConsumer> free = new ArrayList<>();
        for (Node n : ready) {
            RowConsumer c = RowConsumers.of(n);
            if (c == null) {
                n.setValue(Eval.forward(n));
            } else if (c.segmentRows() == 0) {
                free.add(c);
            } else {
                groups.computeIfAbsent(List.of(c.rows(), c.segmentRows()), k -> new ArrayList<>()).add(c);
            }
        }
        for (RowConsumer c : free) {
            List<RowConsumer> home = null;
            for (Map.Entry<List<Integer>, List<RowConsumer>> e : groups.entrySet()) {
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
        for (Map.Entry<List<Integer>, List<RowConsumer>> e : groups.entrySet()) {
            RowPass.run(e.getValue(), e.getKey().get(1));
        }
    }
}
