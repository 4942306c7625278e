package io.score4j.autodiff.executor;

import io.score4j.Parallelism;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of a computation graph as the executor sees it: an {@link Op} (null for a leaf), input
 * nodes, an attribute, a shape and dtype, and a value that is null until computed. Building a node
 * computes nothing; {@link #value(Parallelism)} computes on demand through the {@link Scheduler},
 * on the threads it is given. Only the
 * executor sets values; {@code io.score4j.autodiff.Var} is the one subclass users see.
 *
 * <p>Nodes are numbered in creation order; since inputs exist before the nodes built on them, that
 * number is a topological order of any graph.
 */
public abstract class Node {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final long id;
    private final Op op;
    private final Node[] inputs;
    private final int[] attr;
    private final int[] shape;
    private final int size;
    private final DType dtype;
    /** Whether a {@link Plan} can compute this node. */
    private final boolean fusible;
    /** Whether the node is deferred ({@link Fusion#keepDeferred}); decided when built. */
    private final boolean deferred;
    /**
     * Set on a deferred non-fusible node when a not-deferred node is built on it: computing when
     * built would have computed it then, so nodes built later decide deferral as if it were
     * computed (the schedule stays that of eager building; values do not depend on it).
     */
    private volatile boolean settledAtBuild;
    /**
     * The value; null until computed. Set once, to a value that does not depend on who computes
     * it, so a race at worst computes it twice.
     */
    private volatile Tensor value;

    /**
     * A node of {@code op} on {@code inputs} (shapes already checked by the caller), or a leaf
     * holding {@code value} when {@code op} is null. Decides deferral; computes nothing.
     */
    protected Node(Tensor value, int[] shape, DType dtype, Op op, Node[] inputs, int[] attr, boolean fusible) {
        this.id = COUNTER.getAndIncrement();
        this.value = value;
        this.shape = shape;
        this.size = Tensor.sizeOf(shape);
        this.dtype = dtype;
        this.fusible = fusible;
        this.op = op;
        this.inputs = inputs;
        this.attr = attr;
        this.deferred = op != null && Fusion.keepDeferred(this);
        if (op != null && !deferred && hasPendingInput()) {
            settlePendingInputs();
        }
    }

    /**
     * The value (shared, do not modify its array); computed on first use with
     * {@link Parallelism#available()}. The same bits as {@link #value(Parallelism)} with any thread count.
     */
    public Tensor value() {
        Tensor v = value;
        return v != null ? v : value(Parallelism.available());
    }

    /**
     * The value (shared, do not modify its array); computed on first use, together with whatever
     * it needs, on {@code parallelism}'s threads. The bits do not depend on the thread count.
     */
    public Tensor value(Parallelism parallelism) {
        Tensor v = value;
        if (v == null) {
            Scheduler.compute(this, parallelism);
            v = value;
        }
        return v;
    }

    /** Sets the value (once; a racing second setter sets equal bits). */
    final void setValue(Tensor t) {
        value = t;
    }

    /** The op that made this node, or null for a leaf. */
    protected Op op() {
        return op;
    }

    /** Whether this node has no inputs. */
    public boolean isLeaf() {
        return op == null;
    }

    /** Input {@code i}. */
    protected Node input(int i) {
        return inputs[i];
    }

    /** Creation number (a topological order). */
    protected long id() {
        return id;
    }

    /** The attribute (axis, target shape or transpose flags), a copy; null when none. */
    public int[] attr() {
        return attr == null ? null : attr.clone();
    }

    /** The attribute without copying (never modified). */
    final int[] attrView() {
        return attr;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (1 for a scalar). */
    protected int size() {
        return size;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** Whether a {@link Plan} computes this node (elementwise ops, broadcasts, small-k products). */
    protected boolean isFusible() {
        return fusible;
    }

    /** The value if computed, else null (never computes). */
    protected Tensor valueIfComputed() {
        return value;
    }

    /** Whether this is a deferred node not computed yet (see {@link Fusion}). */
    protected boolean isDeferred() {
        return deferred && value == null;
    }

    /**
     * Whether the node is neither computed nor deferred: nobody has asked for it yet, and the
     * {@link Scheduler} computes it first, in creation order, as if it had been computed when built.
     */
    protected boolean isUnforced() {
        return !deferred && value == null;
    }

    /**
     * Whether this node counts as deferred when a consumer is built: deferred, not computed, and
     * not settled by a not-deferred consumer built earlier (see {@link #settledAtBuild}).
     */
    protected boolean isPending() {
        return isDeferred() && !settledAtBuild;
    }

    /** Whether some input {@link #isPending()}: the build-time view of {@link #hasDeferredInput()}. */
    final boolean hasPendingInput() {
        for (Node in : inputs) {
            if (in.isPending()) {
                return true;
            }
        }
        return false;
    }

    /** Marks the non-fusible pending nodes below this one, through pending nodes, as settled. */
    private void settlePendingInputs() {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        stack.push(this);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Node in : n.inputs) {
                if (in.isPending() && seen.add(in)) {
                    stack.push(in);
                }
            }
            if (n != this && !n.fusible) {
                n.settledAtBuild = true;
            }
        }
    }

    /** Whether some input is deferred and not computed yet. */
    protected boolean hasDeferredInput() {
        for (Node in : inputs) {
            if (in.isDeferred()) {
                return true;
            }
        }
        return false;
    }

    /** A computed leaf, for the executor's own stand-ins. */
    static Node leaf(Tensor value) {
        return new Node(value, value.shape(), value.dtype(), null, new Node[0], null, false) {};
    }
}
