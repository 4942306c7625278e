package io.score4j.autodiff.executor;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.VectorMath;

/**
 * When values are computed. A node is <em>deferred</em> (built without a value) when
 * <ul>
 *   <li>it is fusible (an elementwise op, a {@link Op.Kind#BROADCAST}, a {@link Op.Kind#MATMUL}
 *       with inner dimension at most {@link #SMALL_K}, or a reshape of a deferred node) and has at
 *       least {@link #deferMin()} elements: it is then computed chunk by chunk inside whatever
 *       consumes it (through a {@link Plan}), never written out whole unless its value is asked
 *       for; or</li>
 *   <li>one of its inputs is deferred: products and sums then wait, so that the {@link Scheduler}
 *       can run those that read the same rows in one {@link RowPass}.</li>
 * </ul>
 * Everything else is computed when built. {@link Node#value()} computes a deferred node on demand
 * and {@link Autodiff#vjp} computes its results before returning them. The kernels and their
 * summation orders depend only on shapes, never on the schedule, so a value has the same bits
 * whether it was deferred or not, batched or not, and whatever the thread count: work is split
 * into tasks of fixed size ({@link #TASK} elements, or fixed blocks of rows).
 */
public final class Fusion {
    /** Elements computed per plan evaluation: the scratch buffers of a plan stay in L1/L2 cache. */
    public static final int CHUNK = 4096;
    /** Elements per parallel task when materialising. */
    public static final int TASK = 16 * CHUNK;
    /** Largest inner dimension of a MATMUL computed as a fusible product. */
    public static final int SMALL_K = 8;
    /** Most deferred nodes one plan may hold; a node that would exceed it is materialised. */
    public static final int MAX_STEPS = 48;
    private static final int DEFAULT_DEFER_MIN = 1 << 14;
    private static volatile int deferMin = DEFAULT_DEFER_MIN;

    private Fusion() {}

    /** Smallest size (elements) at which a fusible node is deferred. */
    public static int deferMin() {
        return deferMin;
    }

    /** Sets {@link #deferMin()} ({@code 1} defers everything fusible); for tests. Returns the old value. */
    public static int setDeferMin(int n) {
        int old = deferMin;
        deferMin = Math.max(1, n);
        return old;
    }

    /**
     * Number of distinct deferred fusible nodes {@code v} depends on through such nodes (itself
     * included), up to limit + 1: an upper bound on the steps of its plan.
     */
    public static int deferredSize(Node v, int limit) {
        return Plan.deferredSize(v, limit);
    }

    /**
     * Whether a node that was just built stays deferred: when an input is not computed yet (so
     * that consumers of common inputs can share a pass), or when it is fusible and has at least
     * {@link #deferMin()} elements; but never an {@link #expensive} node, nor a fusible node whose
     * plan would exceed {@link #MAX_STEPS} steps.
     */
    static boolean keepDeferred(Node node) {
        boolean pendingInput = node.hasPendingInput();
        if (!node.isFusible()) {
            return pendingInput;
        }
        if (expensive(node)) {
            return false;
        }
        boolean wanted = pendingInput || node.size() >= deferMin;
        return wanted && Plan.deferredSize(node, MAX_STEPS) <= MAX_STEPS;
    }

    /**
     * Whether recomputing {@code node} in every plan that reads it would cost more than writing
     * it out once: exp, log, tanh, sigmoid and softplus in F64 (libm-accurate, tens of ns per
     * element) or in F32 without the Vector API. These are computed when built.
     */
    static boolean expensive(Node node) {
        return node.op().transcendental() && (node.dtype() == DType.F64 || !VectorMath.vectorEnabled());
    }

    /**
     * The value of fusible node {@code v} whose inputs are all computed and that fits one task:
     * its kernel called once on whole arrays, without compiling a plan (the kernels give the same
     * bits on a whole array as on chunks).
     */
    static Tensor direct(Node v) {
        int size = v.size();
        Object out = v.dtype() == DType.F64 ? new double[size] : new float[size];
        Op op = v.op();
        Object a = data(v.input(0));
        if (op.isElementwiseUnary()) {
            if (out instanceof double[] o) {
                op.compute((double[]) a, o, size);
            } else {
                op.compute((float[]) a, (float[]) out, size);
            }
        } else if (op.isElementwiseBinary()) {
            Object b = data(v.input(1));
            if (out instanceof double[] o) {
                op.compute((double[]) a, (double[]) b, o, size);
            } else {
                op.compute((float[]) a, (float[]) b, (float[]) out, size);
            }
        } else if (op.kind() == Op.Kind.BROADCAST) {
            Kernels.broadcastRange(a, new Kernels.Broadcast(v.input(0).shape(), v.shape()), out, 0, 0, size);
        } else if (op.kind() == Op.Kind.MATMUL) {
            int n = v.shape()[1];
            Object pa = Plan.operand(v, 0, v.input(0).value());
            Object pb = Plan.operand(v, 1, v.input(1).value());
            Kernels.product(pa, pb, Plan.innerDim(v), n, out, 0, size, v.dtype() == DType.F64 ? new double[n] : new float[n]);
        } else {
            return materialize(v);
        }
        return out instanceof double[] d ? Tensor.wrap(d, v.shape()) : Tensor.wrap((float[]) out, v.shape());
    }

    private static Object data(Node v) {
        Tensor t = v.value();
        return t.dtype() == DType.F64 ? t.data64() : t.data32();
    }

    /** The value of deferred fusible node {@code v}, computed in parallel over fixed blocks. */
    static Tensor materialize(Node v) {
        int[] shape = v.shape();
        Node u = Plan.skipReshapes(v);
        if (u != v && (!u.isDeferred() || !u.isFusible())) {
            return u.value().reshape(shape);
        }
        int size = v.size();
        if (size == 0) {
            return Tensor.zeros(v.dtype(), shape);
        }
        Plan plan = Plan.compile(v);
        Object out = v.dtype() == DType.F64 ? new double[size] : new float[size];
        int tasks = (size + TASK - 1) / TASK;
        int workers = Parallel.workers(tasks);
        Object[][] scratch = new Object[workers][];
        Parallel.run(tasks, workers, (t, w) -> {
            if (scratch[w] == null) {
                scratch[w] = plan.scratch(Math.min(CHUNK, size));
            }
            int end = Math.min(size, (t + 1) * TASK);
            for (int from = t * TASK; from < end; from += CHUNK) {
                int len = Math.min(CHUNK, end - from);
                System.arraycopy(plan.eval(from, len, scratch[w]), 0, out, from, len);
            }
        });
        return out instanceof double[] d ? Tensor.wrap(d, shape) : Tensor.wrap((float[]) out, shape);
    }

    /**
     * Reads flat ranges of a node's value for a consumer: straight from its array when it has
     * one, otherwise computed by its plan into a per-worker buffer. One reader serves
     * {@code workers} threads, each passing its own worker index.
     */
    static final class Reader {
        private final Object data;
        private final Plan plan;
        private final int maxLen;
        private final Object[][] scratch;

        /** A reader of an array that is already computed (float[] or double[]). */
        Reader(Object data) {
            this.data = data;
            this.plan = null;
            this.maxLen = 0;
            this.scratch = null;
        }

        /** A reader of {@code v} for reads of at most {@code maxLen} elements by {@code workers} threads. */
        Reader(Node v, int maxLen, int workers) {
            Node u = Plan.skipReshapes(v);
            Tensor t = u.isDeferred() && u.isFusible() ? null : v.value();
            this.data = t == null ? null : t.dtype() == DType.F64 ? t.data64() : t.data32();
            this.plan = t == null ? Plan.compile(v) : null;
            this.maxLen = maxLen;
            this.scratch = new Object[workers][];
        }

        /**
         * An array holding elements [from, from + len) of the value starting at {@link #offset(int)
         * offset(from)}; valid until this worker's next read.
         */
        Object read(int worker, int from, int len) {
            if (plan == null) {
                return data;
            }
            if (scratch[worker] == null) {
                scratch[worker] = plan.scratch(maxLen);
            }
            return plan.eval(from, len, scratch[worker]);
        }

        /** Where element {@code from} sits in the array the matching {@link #read} returned. */
        int offset(int from) {
            return plan == null ? from : 0;
        }
    }
}
