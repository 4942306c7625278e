package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deferred fusible nodes (the roots) and the deferred fusible nodes they depend on, compiled into
 * steps that compute any block of rows of every root chunk by chunk, each intermediate living only
 * in a small scratch buffer (so a chain such as {@code g·(n − n·n)} over [2048, 1024] never writes
 * a full-size array). Steps are elementwise ops, {@link Op.Kind#BROADCAST} of a computed tensor
 * and {@link Op.Kind#MATMUL} with a small inner dimension; a deferred {@link Op.Kind#RESHAPE}
 * keeps the flat order, so it is skipped.
 *
 * <p>Rows: every root has {@code rows}·w elements for its own width w, row r being elements
 * [r·w, (r+1)·w) (row-major [rows, w] under any shape). Elementwise steps share their consumers'
 * sizes, so each step has one width too. A single root compiled with rows = its size is evaluated
 * element by element ranges.
 *
 * <p>Immutable once compiled; evaluate from several threads, each with its own scratch.
 *
 * @param <A> the buffer type of its {@link Precision}
 */
final class Plan<A> {
    private final Precision<A> precision;
    /** Computed steps in topological order. */
    private final Node[] steps;
    /** Elements per row: per step, then per load. */
    private final int[] width;
    /**
     * Per step and input of an elementwise step: the scratch slot of that input (a step's index, or
     * steps.length + load index); −1 for the inputs of BROADCAST and MATMUL steps (see first, second).
     */
    private final int[][] argSlot;
    /** Per BROADCAST or MATMUL step: its first operand (MATMUL: untransposed); null for other steps. */
    private final A[] first;
    /** Per MATMUL step: its second operand, untransposed; null for other steps. */
    private final A[] second;
    /** Computed arrays read by elementwise steps, copied chunk by chunk into their slots. */
    private final A[] loads;
    private final Kernels.Broadcast[] broadcasts;
    /** Per step: {k, n} of a MATMUL step, else null. */
    private final int[][] products;
    /** The slot holding each root. */
    private final int[] rootSlot;
    /**
     * F32 only: a SOFTPLUS and a SIGMOID step of the same input are computed together from one
     * exponential, at the earlier of the two, which holds the other's index; the later one holds −2
     * (skipped). −1 otherwise.
     */
    private final int[] partner;

    private Plan(Precision<A> precision, Node[] steps, int[] width, int[][] argSlot, A[] first, A[] second,
                 A[] loads, Kernels.Broadcast[] broadcasts, int[][] products, int[] rootSlot) {
        this.precision = precision;
        this.steps = steps;
        this.width = width;
        this.argSlot = argSlot;
        this.first = first;
        this.second = second;
        this.loads = loads;
        this.broadcasts = broadcasts;
        this.products = products;
        this.rootSlot = rootSlot;
        this.partner = partners(precision.pairsSoftplusAndSigmoid(), steps, argSlot);
    }

    private static int[] partners(boolean pairs, Node[] steps, int[][] argSlot) {
        int[] p = new int[steps.length];
        java.util.Arrays.fill(p, -1);
        for (int s = 0; s < steps.length && pairs; s++) {
            for (int t = 0; t < steps.length && steps[s].op().pairing() == Op.Pairing.SOFTPLUS; t++) {
                if (steps[t].op().pairing() == Op.Pairing.SIGMOID && argSlot[t][0] == argSlot[s][0] && p[t] == -1) {
                    p[Math.min(s, t)] = Math.max(s, t);
                    p[Math.max(s, t)] = -2;
                    break;
                }
            }
        }
        return p;
    }

    /** A plan of one root evaluated by flat element ranges ({@link #eval}). */
    static <A> Plan<A> compile(Precision<A> p, Node root, Parallelism parallelism) {
        return compile(p, List.of(root), root.size(), parallelism);
    }

    /**
     * Compiles {@code roots} (deferred fusible nodes, or deferred reshapes of them, all of
     * precision {@code p}) for row blocks of {@code rows} rows. Computes (in this thread, with
     * {@code parallelism}) whatever computed operands the steps need.
     */
    static <A> Plan<A> compile(Precision<A> p, List<Node> roots, int rows, Parallelism parallelism) {
        List<Node> order = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node r : roots) {
            collect(skipReshapes(r), order, seen);
        }
        order.sort(Comparator.comparingLong(Node::id));
        int count = order.size();
        Map<Node, Integer> slot = new IdentityHashMap<>();
        for (int s = 0; s < count; s++) {
            slot.put(order.get(s), s);
        }
        Loads<A> loads = new Loads<>(count);
        int[] width = new int[count];
        int[][] argSlot = new int[count][];
        A[] first = p.buffers(count);
        A[] second = p.buffers(count);
        Kernels.Broadcast[] broadcasts = new Kernels.Broadcast[count];
        int[][] products = new int[count][];
        for (int s = 0; s < count; s++) {
            Node n = order.get(s);
            width[s] = widthOf(n, rows);
            argSlot[s] = new int[n.op().arity()];
            if (n.op().kind() == Op.Kind.ELEMENTWISE) {
                for (int i = 0; i < argSlot[s].length; i++) {
                    argSlot[s][i] = loads.slot(p, n.input(i), rows, slot, parallelism);
                }
            } else {
                java.util.Arrays.fill(argSlot[s], -1);
                first[s] = operand(p, n, 0, skipReshapes(n.input(0)).value(parallelism));
                second[s] = n.op().arity() > 1 ? operand(p, n, 1, skipReshapes(n.input(1)).value(parallelism)) : null;
            }
            broadcasts[s] = n.op().kind() == Op.Kind.BROADCAST ? new Kernels.Broadcast(n.input(0).shape(), n.shape()) : null;
            products[s] = n.op().kind() == Op.Kind.MATMUL ? new int[] {innerDim(n), n.shape()[1]} : null;
        }
        int[] rootSlot = new int[roots.size()];
        for (int r = 0; r < rootSlot.length; r++) {
            rootSlot[r] = slot.get(skipReshapes(roots.get(r)));
        }
        A[] loaded = p.buffers(loads.arrays.size());
        int[] widths = java.util.Arrays.copyOf(width, count + loaded.length);
        for (int l = 0; l < loaded.length; l++) {
            loaded[l] = loads.arrays.get(l);
            widths[count + l] = loads.widths.get(l);
        }
        return new Plan<>(p, order.toArray(new Node[0]), widths, argSlot, first, second, loaded, broadcasts,
                products, rootSlot);
    }

    /** The computed arrays elementwise steps read, each loaded once, with their widths. */
    private static final class Loads<A> {
        private final int steps;
        private final List<A> arrays = new ArrayList<>();
        private final Map<A, Integer> index = new IdentityHashMap<>();
        private final List<Integer> widths = new ArrayList<>();

        Loads(int steps) {
            this.steps = steps;
        }

        /** The scratch slot of elementwise input {@code input}: a step's slot, or a load's (added if new). */
        int slot(Precision<A> p, Node input, int rows, Map<Node, Integer> stepSlot, Parallelism parallelism) {
            Node in = skipReshapes(input);
            Integer step = stepSlot.get(in);
            if (step != null) {
                return step;
            }
            A data = p.data(in.value(parallelism));
            Integer at = index.get(data);
            if (at == null) {
                at = steps + arrays.size();
                index.put(data, at);
                arrays.add(data);
                widths.add(widthOf(in, rows));
            }
            return at;
        }
    }

    private static int widthOf(Node n, int rows) {
        int size = n.size();
        if (size % rows != 0) {
            throw new IllegalStateException(n + " does not split into " + rows + " rows");
        }
        return size / rows;
    }

    /**
     * Number of distinct deferred fusible nodes {@code v} depends on through such nodes (itself
     * included), up to limit + 1: an upper bound on the steps of its plan.
     */
    static int deferredSize(Node v, int limit) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayList<Node> stack = new ArrayList<>();
        stack.add(v);
        seen.add(v);
        while (!stack.isEmpty() && seen.size() <= limit) {
            Node n = stack.remove(stack.size() - 1);
            for (int i = 0; i < n.op().arity(); i++) {
                Node in = n.input(i);
                if (in.isDeferred() && in.isFusible() && seen.add(in)) {
                    stack.add(in);
                }
            }
        }
        return seen.size();
    }

    /** Fresh scratch for one thread, for blocks of up to {@code maxRows} rows. */
    A[] scratch(int maxRows) {
        int row = 0;
        for (int[] p : products) {
            row = p == null ? row : Math.max(row, p[1]);
        }
        A[] s = precision.buffers(width.length + 1);
        for (int i = 0; i < s.length; i++) {
            s[i] = precision.alloc(i == width.length ? row : maxRows * width[i]);
        }
        return s;
    }

    /** Computes rows [row, row + count) of every root into {@code scratch}; see {@link #root}. Modifies scratch. */
    void evalRows(int row, int count, A[] scratch) {
        int n = steps.length;
        for (int l = 0; l < loads.length; l++) {
            int w = width[n + l];
            System.arraycopy(loads[l], row * w, scratch[n + l], 0, count * w);
        }
        for (int s = 0; s < n; s++) {
            step(s, row * width[s], count * width[s], scratch);
        }
    }

    /** Root {@code r}'s rows from the last {@link #evalRows}, starting at index 0. */
    A root(int r, A[] scratch) {
        return scratch[rootSlot[r]];
    }

    /** Elements [from, from + len) of a one-root plan from {@link #compile(Precision, Node, Parallelism)}, at index 0 of the result. */
    A eval(int from, int len, A[] scratch) {
        evalRows(from, len, scratch);
        return root(0, scratch);
    }

    private void step(int s, int from, int len, A[] scratch) {
        Op op = steps[s].op();
        A dst = scratch[s];
        if (partner[s] >= 0) {
            A other = scratch[partner[s]];
            boolean sp = op.pairing() == Op.Pairing.SOFTPLUS;
            precision.softplusAndSigmoid(scratch[argSlot[s][0]], sp ? dst : other, sp ? other : dst, len);
        } else if (partner[s] == -2) {
            return;
        } else if (op.isElementwiseUnary()) {
            precision.unary(op, scratch[argSlot[s][0]], dst, len);
        } else if (op.isElementwiseBinary()) {
            precision.binary(op, scratch[argSlot[s][0]], scratch[argSlot[s][1]], dst, len);
        } else if (op.kind() == Op.Kind.BROADCAST) {
            Kernels.broadcastRange(precision, first[s], broadcasts[s], dst, 0, from, len);
        } else {
            precision.product(first[s], second[s], products[s][0], products[s][1], dst, from, len,
                    scratch[scratch.length - 1]);
        }
    }

    /** The inner dimension k of MATMUL node {@code n}. */
    static int innerDim(Node n) {
        return n.input(1).shape()[Shapes.transposed(n.attr(), 1) ? 1 : 0];
    }

    /** The array a step reads for computed input {@code i}: MATMUL operands packed untransposed. */
    static <A> A operand(Precision<A> p, Node n, int i, Tensor t) {
        A data = p.data(t);
        if (n.op().kind() != Op.Kind.MATMUL || !Shapes.transposed(n.attr(), i)) {
            return data;
        }
        int[] s = t.shape();
        return Kernels.transposed(p, data, s[0], s[1]);
    }

    private static void collect(Node n, List<Node> order, Set<Node> seen) {
        if (!seen.add(n)) {
            return;
        }
        ArrayList<Node> stack = new ArrayList<>();
        stack.add(n);
        while (!stack.isEmpty()) {
            Node v = stack.remove(stack.size() - 1);
            order.add(v);
            boolean elementwise = v.op().kind() == Op.Kind.ELEMENTWISE;
            for (int i = 0; i < v.op().arity() && elementwise; i++) {
                Node in = skipReshapes(v.input(i));
                if (in.isDeferred() && in.isFusible() && seen.add(in)) {
                    stack.add(in);
                }
            }
        }
    }

    /** The node a chain of deferred reshapes of {@code v} stands for (v itself if none). */
    static Node skipReshapes(Node v) {
        Node r = v;
        while (r.isDeferred() && r.op().kind() == Op.Kind.RESHAPE) {
            r = r.input(0);
        }
        return r;
    }
}
