package io.score4j.autodiff;

import io.score4j.autodiff.executor.Node;
import io.score4j.autodiff.executor.Shapes;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

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
 * whatever is built on deferred values, are then not computed alone (see
 * {@link io.score4j.autodiff.executor.Fusion}): they are
 * fused into their consumers, with consumers that read the same rows sharing one pass. This is
 * invisible to callers except in speed: values are the same whenever they are computed.
 *
 * <p>Nodes are numbered in creation order; since inputs exist before the nodes built on them, that
 * number is a topological order of any graph.
 */
public final class Var extends Node {
    private static final int UNARY_SLOTS = Primitive.values().length;

    /**
     * Cache of unary primitives applied to this node (common-subexpression sharing: the σ(z) that
     * softplus' JVP and VJP both need is computed once). Not synchronised: a racing thread at worst
     * computes an equal node twice. Observable behaviour stays that of an immutable object.
     */
    private Var[] unaryCache;

    private Var(Tensor value, int[] shape, DType dtype, Primitive op, Var[] inputs, int[] attr, boolean fusible) {
        super(value, shape, dtype, op, inputs, attr, fusible);
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
        return leaf(Tensor.zeros(like.dtype(), like.shape()));
    }

    /**
     * Applies a primitive to inputs of matching shapes (no implicit broadcasting). Checks shapes;
     * the node decides whether it is deferred (see {@link Node}); computes nothing: values are
     * computed when asked for ({@link #value()}, {@link Autodiff#vjp}).
     */
    static Var apply(Primitive op, int[] attr, Var... in) {
        if (in.length != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + in.length);
        }
        int[] shape = op.shape(attr, in);
        int[] a = attr == null ? null : attr.clone();
        return new Var(null, shape, in[0].dtype(), op, in, a, op.fusible(a, in));
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

    /** The primitive that made this node, or null for a leaf. */
    @Override
    public Primitive op() {
        return (Primitive) super.op();
    }

    @Override
    protected Var input(int i) {
        return (Var) super.input(i);
    }

    @Override
    protected long id() {
        return super.id();
    }

    @Override
    protected int size() {
        return super.size();
    }

    @Override
    protected boolean isFusible() {
        return super.isFusible();
    }

    @Override
    protected boolean isDeferred() {
        return super.isDeferred();
    }

    @Override
    protected boolean isPending() {
        return super.isPending();
    }

    @Override
    protected boolean isUnforced() {
        return super.isUnforced();
    }

    @Override
    protected Tensor valueIfComputed() {
        return super.valueIfComputed();
    }

    /** The input nodes, in argument order (empty for a leaf). */
    public List<Var> inputs() {
        Var[] in = new Var[isLeaf() ? 0 : op().arity()];
        for (int i = 0; i < in.length; i++) {
            in[i] = input(i);
        }
        return List.of(in);
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

    /**
     * {@code activation} applied elementwise: the one map from {@link Activation} to primitives
     * (softplus → {@link Primitive#SOFTPLUS}, tanh → {@link Primitive#TANH}, silu → x·sigmoid(x), relu →
     * {@link Primitive#RELU}).
     */
    public Var activate(Activation activation) {
        return switch (activation) {
            case SOFTPLUS -> softplus();
            case TANH -> tanh();
            case SILU -> silu();
            case RELU -> relu();
        };
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
        int a = axis < 0 ? shape().length + axis : axis;
        return apply(Primitive.SUM_AXIS, new int[] {a}, this);
    }

    /** Sum of all elements → shape []. */
    public Var sum() {
        return apply(Primitive.SUM_ALL, null, this);
    }

    /** Mean of all elements → shape [] (composite). */
    public Var mean() {
        return sum().mul(1.0 / size());
    }

    /** Numpy-style broadcast to {@code shape}; returns this when the shape already matches. */
    public Var broadcastTo(int... shape) {
        if (Arrays.equals(shape, shape())) {
            return this;
        }
        return apply(Primitive.BROADCAST, shape, this);
    }

    /** Same elements under {@code shape}; returns this when the shape already matches. */
    public Var reshape(int... shape) {
        if (Arrays.equals(shape, shape())) {
            return this;
        }
        return apply(Primitive.RESHAPE, shape, this);
    }

    private Var binary(Primitive op, Var o) {
        if (o.dtype() != dtype()) {
            throw new IllegalArgumentException(op + " of " + dtype() + " and " + o.dtype() + ": convert first");
        }
        int[] s = Shapes.broadcast(shape(), o.shape());
        return apply(op, null, broadcastTo(s), o.broadcastTo(s));
    }

    @Override
    public String toString() {
        return "Var#" + id() + "(" + (isLeaf() ? "leaf" : op()) + ", " + dtype() + Arrays.toString(shape()) + ")";
    }
}
