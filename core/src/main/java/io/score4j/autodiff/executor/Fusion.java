package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.tensor.simd.VectorMath;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
    static Tensor direct(Node v, Parallelism parallelism) {
        return direct(Precision.of(v.dtype()), v, parallelism);
    }

    private static <A> Tensor direct(Precision<A> p, Node v, Parallelism parallelism) {
        int size = v.size();
        A out = p.alloc(size);
        Op op = v.op();
        A a = p.data(v.input(0).value(parallelism));
        if (op.isElementwiseUnary()) {
            p.unary(op, a, out, size);
        } else if (op.isElementwiseBinary()) {
            p.binary(op, a, p.data(v.input(1).value(parallelism)), out, size);
        } else if (op.kind() == Op.Kind.BROADCAST) {
            Kernels.broadcastRange(p, a, new Kernels.Broadcast(v.input(0).shape(), v.shape()), out, 0, 0, size);
        } else if (op.kind() == Op.Kind.MATMUL) {
            int n = v.shape()[1];
            A pa = Plan.operand(p, v, 0, v.input(0).value(parallelism));
            A pb = Plan.operand(p, v, 1, v.input(1).value(parallelism));
            p.product(pa, pb, Plan.innerDim(v), n, out, 0, size, p.alloc(n));
        } else {
            return materialize(p, v, parallelism);
        }
        return p.wrap(out, v.shape());
    }

    /** The value of deferred fusible node {@code v}, computed in parallel over fixed blocks. */
    static Tensor materialize(Node v, Parallelism parallelism) {
        return materialize(Precision.of(v.dtype()), v, parallelism);
    }

    private static <A> Tensor materialize(Precision<A> p, Node v, Parallelism parallelism) {
        int[] shape = v.shape();
        Node u = Plan.skipReshapes(v);
        if (u != v && (!u.isDeferred() || !u.isFusible())) {
            return u.value(parallelism).reshape(shape);
        }
        int size = v.size();
        if (size == 0) {
            return Tensor.zeros(v.dtype(), shape);
        }
        Plan<A> plan = Plan.compile(p, v, parallelism);
        A out = p.alloc(size);
        int tasks = (size + TASK - 1) / TASK;
        AtomicReferenceArray<A[]> scratch = new AtomicReferenceArray<>(parallelism.workers(tasks));
        parallelism.run(tasks, (t, w) -> {
            A[] mine = scratch.get(w);
            if (mine == null) {
                mine = plan.scratch(Math.min(CHUNK, size));
                scratch.set(w, mine);
            }
            int end = Math.min(size, (t + 1) * TASK);
            for (int from = t * TASK; from < end; from += CHUNK) {
                int len = Math.min(CHUNK, end - from);
                System.arraycopy(plan.eval(from, len, mine), 0, out, from, len);
            }
        });
        return p.wrap(out, shape);
    }

    /**
     * Reads flat ranges of a node's value for a consumer: straight from its array when it has
     * one, otherwise computed by its plan into a per-worker buffer. One reader serves
     * {@code workers} threads, each passing its own worker index.
     */
    static final class Reader<A> {
        private final A data;
        private final Plan<A> plan;
        private final int maxLen;
        private final AtomicReferenceArray<A[]> scratch;

        /** A reader of {@code v} for reads of at most {@code maxLen} elements by {@code workers} threads. */
        Reader(Precision<A> p, Node v, int maxLen, int workers, Parallelism parallelism) {
            Node u = Plan.skipReshapes(v);
            Tensor t = u.isDeferred() && u.isFusible() ? null : v.value(parallelism);
            this.data = t == null ? null : p.data(t);
            this.plan = t == null ? Plan.compile(p, v, parallelism) : null;
            this.maxLen = maxLen;
            this.scratch = new AtomicReferenceArray<>(workers);
        }

        /**
         * An array holding elements [from, from + len) of the value starting at {@link #offset(int)
         * offset(from)}; valid until this worker's next read.
         */
        A read(int worker, int from, int len) {
            if (plan == null) {
                return data;
            }
            A[] mine = scratch.get(worker);
            if (mine == null) {
                mine = plan.scratch(maxLen);
                scratch.set(worker, mine);
            }
            return plan.eval(from, len, mine);
        }

        /** Where element {@code from} sits in the array the matching {@link #read} returned. */
        int offset(int from) {
            return plan == null ? from : 0;
        }
    }
}
