package io.score4j.autodiff;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An immutable node of a computation graph: a value, plus the {@link Primitive}
 * and input nodes that produced it (none for a leaf). Differentiate with {@link Autodiff}.
 *
 * <p>Elementwise binary ops broadcast numpy-style ([H] against [B,H], a scalar against anything,
 * [B,1] against [B,D]) by inserting {@link Primitive#BROADCAST} nodes, so every graph contains only
 * primitives. Inputs are never modified.
 *
 * <p>Ops are instance methods only ({@code x.softplus()}, {@code x.matmul(w)}): static twins of
 * the same name would make method references such as {@code Var::softplus} ambiguous.
 *
 * <p>Building a node computes nothing: {@link #value()} (and {@link Autodiff#vjp} for its results)
 * computes on demand. Large results of elementwise ops, broadcasts and small-k products, and
 * whatever is built on deferred values, are then not computed alone (see {@link Fusion}): they are
 * fused into their consumers, with consumers that read the same rows sharing one pass. This is
 * invisible to callers except in speed: values are the same whenever they are computed.
 *
 * <p>Nodes are numbered in creation order; since inputs exist before the nodes built on them, that
 * number is a topological order of any graph.
 */
public final class Var {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final int UNARY_SLOTS = Primitive.values().length;

    private final long id;
    private final Primitive op;
    private final Var[] inputs;
    private final int[] attr;
    private final int[] shape;
    private final int size;
    private final DType dtype;
    /** Whether a {@link Plan} can compute this node (see {@link Fusion#fusible}). */
    private final boolean fusible;
    /**
     * Whether the node is deferred in the sense of {@link Fusion#keepDeferred}: computed inside
     * (or together with) its consumers rather than on its own. Decided once, when the node is
     * built, before it is published.
     */
    private boolean deferred;
    /**
     * The value; null until computed (building a node never computes it). Set once, to a value
     * that does not depend on who computes it, so a race at worst computes it twice.
     */
    private volatile Tensor value;
    /**
     * Cache of unary primitives applied to this node (common-subexpression sharing: the σ(z) that
     * softplus' JVP and VJP both need is computed once). Not synchronised: a racing thread at worst
     * computes an equal node twice. Observable behaviour stays that of an immutable object.
     */
    private Var[] unaryCache;

    private Var(Tensor value, int[] shape, DType dtype, Primitive op, Var[] inputs, int[] attr, boolean fusible) {
        this.id = COUNTER.getAndIncrement();
        this.value = value;
        this.shape = shape;
        this.size = Tensor.sizeOf(shape);
        this.dtype = dtype;
        this.fusible = fusible;
        this.op = op;
        this.inputs = inputs;
        this.attr = attr;
    }

    /** A leaf holding {@code value} (an input, parameter or constant). */
    public static Var leaf(Tensor value) {
        if (value == null) {
            throw new IllegalArgumentException("leaf value must not be null");
        }
        return new Var(value, value.shape(), value.dtype(), null, new Var[0], null, false);
    }

    /** A scalar (shape []) leaf. */
    public static Var scalar(double value, DType dtype) {
        return leaf(Tensor.scalar(dtype, value));
    }

    /** A leaf of zeros with the shape and dtype of {@code like}. */
    public static Var zerosLike(Var like) {
        return leaf(Tensor.zeros(like.dtype, like.shape()));
    }

    /**
     * Applies a primitive to inputs of matching shapes (no implicit broadcasting). Checks shapes
     * and decides whether the node is deferred ({@link Fusion#keepDeferred}); computes nothing:
     * values are computed when asked for ({@link #value()}, {@link Autodiff#vjp}).
     */
    static Var apply(Primitive op, int[] attr, Var... in) {
        if (in.length != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + in.length);
        }
        int[] shape = op.shape(attr, in);
        int[] a = attr == null ? null : attr.clone();
        Var v = new Var(null, shape, in[0].dtype, op, in, a, Fusion.fusible(op, a, in));
        v.deferred = Fusion.keepDeferred(v);
        return v;
    }

    private Var unary(Primitive op) {
        Var[] cache = unaryCache;
        if (cache == null) {
            cache = new Var[UNARY_SLOTS];
            unaryCache = cache;
        }
        Var v = cache[op.ordinal()];
        if (v == null) {
            v = apply(op, null, this);
            cache[op.ordinal()] = v;
        }
        return v;
    }

    /** The value (shared, do not modify its array); a deferred node is computed on first use. */
    public Tensor value() {
        Tensor v = value;
        if (v == null) {
            Scheduler.compute(this);
            v = value;
        }
        return v;
    }

    /** Sets the value of a deferred node (once; a racing second setter sets equal bits). */
    void setValue(Tensor t) {
        value = t;
    }

    /** Whether some input is deferred and not computed yet. */
    boolean hasDeferredInput() {
        for (Var in : inputs) {
            if (in.isDeferred()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@link Plan} computes this node (elementwise ops, broadcasts, small-k products). */
    boolean isFusible() {
        return fusible;
    }

    /** The value if it has been computed, else null (never computes). */
    Tensor valueIfComputed() {
        return value;
    }

    /**
     * Whether this is a deferred node not computed yet (see {@link Fusion}). A node that is not
     * deferred but not computed either is one nobody has asked for yet: {@link Scheduler} computes
     * such nodes first, in creation order, as if each had been computed when built.
     */
    boolean isDeferred() {
        return deferred && value == null;
    }

    /** Whether the node is built but not computed, and not deferred (see {@link #isDeferred()}). */
    boolean isUnforced() {
        return !deferred && value == null;
    }

    /** The primitive that made this node, or null for a leaf. */
    public Primitive op() {
        return op;
    }

    /** Whether this node has no inputs (made by {@link #leaf}). */
    public boolean isLeaf() {
        return op == null;
    }

    /** The input nodes, in argument order (empty for a leaf). */
    public List<Var> inputs() {
        return List.of(inputs);
    }

    Var input(int i) {
        return inputs[i];
    }

    long id() {
        return id;
    }

    /** The primitive's attribute (axis or target shape), a copy; null when it has none. */
    public int[] attr() {
        return attr == null ? null : attr.clone();
    }

    /** A copy of the value's shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (1 for a scalar). */
    int size() {
        return size;
    }

    /** The value's element type. */
    public DType dtype() {
        return dtype;
    }

    /** this + o elementwise, broadcasting numpy-style; shape is the broadcast shape. */
    public Var add(Var o) {
        return binary(Primitive.ADD, o);
    }

    /** this − o elementwise, broadcasting numpy-style. */
    public Var sub(Var o) {
        return binary(Primitive.SUB, o);
    }

    /** this · o elementwise, broadcasting numpy-style. */
    public Var mul(Var o) {
        return binary(Primitive.MUL, o);
    }

    /** this / o elementwise, broadcasting numpy-style. */
    public Var div(Var o) {
        return binary(Primitive.DIV, o);
    }

    /** this + c (c a scalar constant of this dtype). */
    public Var add(double c) {
        return add(scalar(c, dtype()));
    }

    /** this · c (c a scalar constant of this dtype). */
    public Var mul(double c) {
        return mul(scalar(c, dtype()));
    }

    /** −this, same shape. */
    public Var neg() {
        return unary(Primitive.NEG);
    }

    /** e^this elementwise. */
    public Var exp() {
        return unary(Primitive.EXP);
    }

    /** ln(this) elementwise. */
    public Var log() {
        return unary(Primitive.LOG);
    }

    /** tanh(this) elementwise. */
    public Var tanh() {
        return unary(Primitive.TANH);
    }

    /** σ(this) = 1/(1 + e^−this) elementwise. */
    public Var sigmoid() {
        return unary(Primitive.SIGMOID);
    }

    /** log(1 + e^this) elementwise (derivative σ). */
    public Var softplus() {
        return unary(Primitive.SOFTPLUS);
    }

    /** max(0, this) elementwise (derivative: step). */
    public Var relu() {
        return unary(Primitive.RELU);
    }

    /** Heaviside step (1 where positive); zero derivative. */
    public Var step() {
        return unary(Primitive.STEP);
    }

    /**
     * An elementwise unary primitive applied to this (e.g. {@code x.map(Primitive.EXP)} is
     * {@code x.exp()}): every elementwise op added to {@link Primitive} is usable through this
     * without a method of its own.
     *
     * @throws IllegalArgumentException if {@code op} is not elementwise unary
     */
    public Var map(Primitive op) {
        if (!op.isElementwiseUnary()) {
            throw new IllegalArgumentException(op + " is not an elementwise unary primitive");
        }
        return unary(op);
    }

    /** x·σ(x) (composite). */
    public Var silu() {
        return mul(sigmoid());
    }

    /** x·x (composite). */
    public Var square() {
        return mul(this);
    }

    /** [m,k]·[k,n] → [m,n]. */
    public Var matmul(Var w) {
        return apply(Primitive.MATMUL, null, this, w);
    }

    /** op(this)·op(w), op a transpose where the flag says so (one MATMUL node, nothing copied). */
    Var gemm(Var w, boolean transA, boolean transB) {
        if (!transA && !transB) {
            return matmul(w);
        }
        return apply(Primitive.MATMUL, new int[] {transA ? 1 : 0, transB ? 1 : 0}, this, w);
    }

    /** [m,n] → [n,m]. */
    public Var transpose() {
        return unary(Primitive.TRANSPOSE);
    }

    /** Sum over {@code axis} (negative counts from the end), removing it. */
    public Var sum(int axis) {
        int a = axis < 0 ? shape.length + axis : axis;
        return apply(Primitive.SUM_AXIS, new int[] {a}, this);
    }

    /** Sum of all elements → shape []. */
    public Var sum() {
        return apply(Primitive.SUM_ALL, null, this);
    }

    /** Mean of all elements → shape [] (composite). */
    public Var mean() {
        return sum().mul(1.0 / size);
    }

    /** Numpy-style broadcast to {@code shape}; returns this when the shape already matches. */
    public Var broadcastTo(int... shape) {
        if (Arrays.equals(shape, this.shape)) {
            return this;
        }
        return apply(Primitive.BROADCAST, shape, this);
    }

    /** Same elements under {@code shape}; returns this when the shape already matches. */
    public Var reshape(int... shape) {
        if (Arrays.equals(shape, this.shape)) {
            return this;
        }
        return apply(Primitive.RESHAPE, shape, this);
    }

    private Var binary(Primitive op, Var o) {
        if (o.dtype() != dtype()) {
            throw new IllegalArgumentException(op + " of " + dtype() + " and " + o.dtype() + ": convert first");
        }
        int[] s = Shapes.broadcast(shape, o.shape);
        return apply(op, null, broadcastTo(s), o.broadcastTo(s));
    }

    @Override
    public String toString() {
        return "Var#" + id + "(" + (op == null ? "leaf" : op) + ", " + dtype() + Arrays.toString(shape) + ")";
    }
}
