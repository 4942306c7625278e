package io.score4j.autodiff.executor;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.MathProvider;
import io.score4j.tensor.simd.VectorMath;
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
 */
final class Plan {
    private static final MathProvider MATH = VectorMath.provider();

    private final DType dtype;
    /** Computed steps in topological order. */
    private final Node[] steps;
    /** Elements per row: per step, then per load. */
    private final int[] width;
    /**
     * Per step and input of an elementwise step: the scratch slot of that input (a step's index, or
     * steps.length + load index); −1 for the inputs of BROADCAST and MATMUL steps (see argData).
     */
    private final int[][] argSlot;
    /** Per step and input of a BROADCAST or MATMUL step: the operand array (MATMUL: untransposed). */
    private final Object[][] argData;
    /** Computed arrays read by elementwise steps, copied chunk by chunk into their slots. */
    private final Object[] loads;
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

    private Plan(DType dtype, Node[] steps, int[] width, int[][] argSlot, Object[][] argData, Object[] loads,
                 Kernels.Broadcast[] broadcasts, int[][] products, int[] rootSlot) {
        this.dtype = dtype;
        this.steps = steps;
        this.width = width;
        this.argSlot = argSlot;
        this.argData = argData;
        this.loads = loads;
        this.broadcasts = broadcasts;
        this.products = products;
        this.rootSlot = rootSlot;
        this.partner = partners(dtype, steps, argSlot);
    }

    private static int[] partners(DType dtype, Node[] steps, int[][] argSlot) {
        int[] p = new int[steps.length];
        java.util.Arrays.fill(p, -1);
        for (int s = 0; s < steps.length && dtype == DType.F32; s++) {
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
    static Plan compile(Node root) {
        return compile(List.of(root), root.size());
    }

    /**
     * Compiles {@code roots} (deferred fusible nodes, or deferred reshapes of them) for row blocks
     * of {@code rows} rows. Computes (in this thread) whatever computed operands the steps need.
     */
    static Plan compile(List<Node> roots, int rows) {
        List<Node> order = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node r : roots) {
            collect(skipReshapes(r), order, seen);
        }
        order.sort(Comparator.comparingLong(Node::id));
        int count = order.size();
        Map<Object, Integer> slot = new IdentityHashMap<>();
        for (int s = 0; s < count; s++) {
            slot.put(order.get(s), s);
        }
        List<Object> loads = new ArrayList<>();
        List<Integer> loadWidths = new ArrayList<>();
        int[] stepWidths = new int[count];
        int[][] argSlot = new int[count][];
        Object[][] argData = new Object[count][];
        Kernels.Broadcast[] broadcasts = new Kernels.Broadcast[count];
        int[][] products = new int[count][];
        for (int s = 0; s < count; s++) {
            Node n = order.get(s);
            stepWidths[s] = widthOf(n, rows);
            argSlot[s] = new int[n.op().arity()];
            argData[s] = new Object[n.op().arity()];
            for (int i = 0; i < argSlot[s].length; i++) {
                bind(n, i, rows, slot, loads, loadWidths, argSlot[s], argData[s]);
            }
            broadcasts[s] = n.op().kind() == Op.Kind.BROADCAST ? new Kernels.Broadcast(n.input(0).shape(), n.shape()) : null;
            products[s] = n.op().kind() == Op.Kind.MATMUL ? new int[] {innerDim(n), n.shape()[1]} : null;
        }
        int[] rootSlot = new int[roots.size()];
        for (int r = 0; r < rootSlot.length; r++) {
            rootSlot[r] = slot.get(skipReshapes(roots.get(r)));
        }
        int[] width = new int[count + loads.size()];
        System.arraycopy(stepWidths, 0, width, 0, count);
        for (int l = 0; l < loads.size(); l++) {
            width[count + l] = loadWidths.get(l);
        }
        return new Plan(roots.get(0).dtype(), order.toArray(new Node[0]), width, argSlot, argData, loads.toArray(),
                broadcasts, products, rootSlot);
    }

    /** Wires input {@code i} of step {@code n}: a step's slot, a load's slot, or an operand array. */
    private static void bind(Node n, int i, int rows, Map<Object, Integer> slot, List<Object> loads,
                             List<Integer> loadWidths, int[] argSlot, Object[] argData) {
        Node in = skipReshapes(n.input(i));
        boolean elementwise = n.op().kind() == Op.Kind.ELEMENTWISE;
        if (!elementwise) {
            argSlot[i] = -1;
            argData[i] = operand(n, i, in.value());
        } else if (slot.containsKey(in)) {
            argSlot[i] = slot.get(in);
        } else {
            Tensor t = in.value();
            Object data = t.dtype() == DType.F64 ? t.data64() : t.data32();
            Integer at = slot.get(data);
            if (at == null) {
                at = slot.size();
                slot.put(data, at);
                loads.add(data);
                loadWidths.add(widthOf(in, rows));
            }
            argSlot[i] = at;
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
    Object[] scratch(int maxRows) {
        int row = 0;
        for (int[] p : products) {
            row = p == null ? row : Math.max(row, p[1]);
        }
        Object[] s = new Object[width.length + 1];
        for (int i = 0; i < s.length; i++) {
            int n = i == width.length ? row : maxRows * width[i];
            s[i] = dtype == DType.F64 ? new double[n] : new float[n];
        }
        return s;
    }

    /** Computes rows [row, row + count) of every root into {@code scratch}; see {@link #root}. Modifies scratch. */
    void evalRows(int row, int count, Object[] scratch) {
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
    Object root(int r, Object[] scratch) {
        return scratch[rootSlot[r]];
    }

    /** Elements [from, from + len) of a one-root plan from {@link #compile(Node)}, at index 0 of the result. */
    Object eval(int from, int len, Object[] scratch) {
        evalRows(from, len, scratch);
        return root(0, scratch);
    }

    private void step(int s, int from, int len, Object[] scratch) {
        Op op = steps[s].op();
        Object dst = scratch[s];
        if (partner[s] >= 0) {
            boolean sp = op.pairing() == Op.Pairing.SOFTPLUS;
            MATH.softplusAndSigmoid((float[]) scratch[argSlot[s][0]],
                    (float[]) (sp ? dst : scratch[partner[s]]), (float[]) (sp ? scratch[partner[s]] : dst), 0, len);
        } else if (partner[s] == -2) {
            return;
        } else if (op.isElementwiseUnary()) {
            Object a = scratch[argSlot[s][0]];
            if (dtype == DType.F64) {
                op.compute((double[]) a, (double[]) dst, len);
            } else {
                op.compute((float[]) a, (float[]) dst, len);
            }
        } else if (op.isElementwiseBinary()) {
            Object a = scratch[argSlot[s][0]];
            Object b = scratch[argSlot[s][1]];
            if (dtype == DType.F64) {
                op.compute((double[]) a, (double[]) b, (double[]) dst, len);
            } else {
                op.compute((float[]) a, (float[]) b, (float[]) dst, len);
            }
        } else if (op.kind() == Op.Kind.BROADCAST) {
            Kernels.broadcastRange(argData[s][0], broadcasts[s], dst, 0, from, len);
        } else {
            Kernels.product(argData[s][0], argData[s][1], products[s][0], products[s][1], dst, from, len,
                    scratch[scratch.length - 1]);
        }
    }

    /** The inner dimension k of MATMUL node {@code n}. */
    static int innerDim(Node n) {
        return n.input(1).shape()[Shapes.transposed(n.attr(), 1) ? 1 : 0];
    }

    /** The array a step reads for computed input {@code i}: MATMUL operands packed untransposed. */
    static Object operand(Node n, int i, Tensor t) {
        Object data = t.dtype() == DType.F64 ? t.data64() : t.data32();
        if (n.op().kind() != Op.Kind.MATMUL || !Shapes.transposed(n.attr(), i)) {
            return data;
        }
        int[] s = t.shape();
        return Kernels.transposed(data, s[0], s[1]);
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
