package io.score4j.autodiff;

import io.score4j.autodiff.executor.Fusion;
import io.score4j.autodiff.executor.Op;
import io.score4j.autodiff.executor.Shapes;
import io.score4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The closed set of operations the autodiff engine knows, each defined in one place: its body
 * here holds the op's shape rule, its F64 and F32 kernels (elementwise ops), its JVP and VJP
 * rules and whether it fuses. Every derivative is itself a graph of these primitives, so
 * derivatives can be differentiated again; {@link RuleTable#STANDARD} is the table built from
 * these bodies.
 *
 * <p><b>Elementwise ops</b> declare a {@link Domain} and implement their kernels and one
 * {@link #derivative} (their Jacobian is diagonal, so the JVP and the VJP are both multiplication by
 * the local derivative). Their shape rule (equal shapes and dtypes in, same shape out; the
 * friendly {@link Var} API inserts {@link #BROADCAST} for you) and their fusibility (always; see
 * {@link io.score4j.autodiff.executor.Fusion}) are shared. Adding one is a one-constant change in this file; it is then
 * reachable as {@link Var#map} and checked by the generic rule tests (central differences,
 * JVP/VJP identity, second order, F32 against F64, fused and unfused) on inputs drawn from its
 * domain. docs/DESIGN.md shows a worked example.
 *
 * <p><b>Structural ops</b> ({@link #MATMUL}, {@link #TRANSPOSE}, the sums, {@link #BROADCAST},
 * {@link #RESHAPE}) override the shape rule and both derivative rules; the deferred executor
 * ({@code io.score4j.autodiff.executor}: {@code RowConsumers}, {@code Eval}, {@code Reductions})
 * computes them. Primitive implements the executor's {@link Op}, the executor's whole view of an op.
 *
 * <p>Kernel contract: read elements [0, n) of the inputs (never modifying them) and overwrite
 * {@code out[0, n)}; {@code out} may be an input. Every element is computed by the same operation
 * sequence wherever a chunk starts, so computing a tensor in chunks gives the same bits as
 * computing it whole. F64: exact formulas in double; F32: arithmetic in float, transcendental
 * functions from {@link Elementwise}'s math provider (bit-identical scalar fallback without the
 * Vector API).
 */
public enum Primitive implements Op {
    /** a + b, elementwise. */
    ADD(2, Domain.REAL, false) {
        @Override public void compute(double[] a, double[] b, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] + b[i]; }
        @Override public void compute(float[] a, float[] b, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] + b[i]; }
        @Override Var derivative(Var node, int arg, Var t) { return t; }
    },
    /** a − b, elementwise. */
    SUB(2, Domain.REAL, false) {
        @Override public void compute(double[] a, double[] b, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] - b[i]; }
        @Override public void compute(float[] a, float[] b, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] - b[i]; }
        @Override Var derivative(Var node, int arg, Var t) { return arg == 0 ? t : t.neg(); }
    },
    /** a · b, elementwise. */
    MUL(2, Domain.REAL, false) {
        @Override public void compute(double[] a, double[] b, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] * b[i]; }
        @Override public void compute(float[] a, float[] b, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] * b[i]; }
        @Override Var derivative(Var node, int arg, Var t) { return t.mul(node.input(1 - arg)); }
    },
    /** a / b, elementwise (checked with b &gt; 0). */
    DIV(2, Domain.POSITIVE_SECOND, false) {
        @Override public void compute(double[] a, double[] b, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] / b[i]; }
        @Override public void compute(float[] a, float[] b, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] / b[i]; }
        @Override Var derivative(Var node, int arg, Var t) {
            return arg == 0 ? t.div(node.input(1)) : t.mul(node).div(node.input(1)).neg();
        }
    },
    /** −x. */
    NEG(1, Domain.REAL, false) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = -a[i]; }
        @Override public void compute(float[] a, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = -a[i]; }
        @Override Var derivative(Var node, int arg, Var t) { return t.neg(); }
    },
    /** eˣ. */
    EXP(1, Domain.REAL, true) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = Math.exp(a[i]); }
        @Override public void compute(float[] a, float[] o, int n) { Elementwise.MATH.exp(a, o, 0, n); }
        @Override Var derivative(Var node, int arg, Var t) { return t.mul(node); }
    },
    /** ln x (F32: computed in double, rounded once). */
    LOG(1, Domain.POSITIVE, true) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = Math.log(a[i]); }
        @Override public void compute(float[] a, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = (float) Math.log(a[i]); }
        @Override Var derivative(Var node, int arg, Var t) { return t.div(node.input(0)); }
    },
    /** tanh x (F64: {@link Elementwise#tanh(double)}). */
    TANH(1, Domain.REAL, true) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = Elementwise.tanh(a[i]); }
        @Override public void compute(float[] a, float[] o, int n) { Elementwise.MATH.tanh(a, o, 0, n); }
        @Override Var derivative(Var node, int arg, Var t) { return t.sub(t.mul(node.mul(node))); }
    },
    /** σ(x) = 1 / (1 + e⁻ˣ). */
    SIGMOID(1, Domain.REAL, true) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = 1.0 / (1.0 + Math.exp(-a[i])); }
        @Override public void compute(float[] a, float[] o, int n) { Elementwise.MATH.sigmoid(a, o, 0, n); }
        @Override Var derivative(Var node, int arg, Var t) { return t.mul(node.sub(node.mul(node))); }
    },
    /** log(1 + eˣ) (F64: {@link Elementwise#softplus(double)}); derivative σ(x). */
    SOFTPLUS(1, Domain.REAL, true) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = Elementwise.softplus(a[i]); }
        @Override public void compute(float[] a, float[] o, int n) { Elementwise.MATH.softplus(a, o, 0, n); }
        @Override Var derivative(Var node, int arg, Var t) { return t.mul(node.input(0).sigmoid()); }
    },
    /** max(0, x); derivative STEP(x). */
    RELU(1, Domain.AWAY_FROM_ZERO, false) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] > 0 ? a[i] : 0.0; }
        @Override public void compute(float[] a, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] > 0 ? a[i] : 0f; }
        @Override Var derivative(Var node, int arg, Var t) { return t.mul(node.input(0).step()); }
    },
    /** Heaviside: 1 where x &gt; 0, else 0. Its derivative is taken to be zero everywhere (null). */
    STEP(1, Domain.AWAY_FROM_ZERO, false) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] > 0 ? 1.0 : 0.0; }
        @Override public void compute(float[] a, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = a[i] > 0 ? 1f : 0f; }
        @Override Var derivative(Var node, int arg, Var t) { return null; }
    },
    /** √x (checked on x &gt; 0); derivative 1/(2√x), written as t / (√x + √x). */
    SQRT(1, Domain.POSITIVE, false) {
        @Override public void compute(double[] a, double[] o, int n) { for (int i = 0; i < n; i++) o[i] = Math.sqrt(a[i]); }
        @Override public void compute(float[] a, float[] o, int n) { for (int i = 0; i < n; i++) o[i] = (float) Math.sqrt(a[i]); }
        @Override Var derivative(Var node, int arg, Var t) { return t.div(node.add(node)); }
    },
    /**
     * Matrix product op(a)·op(b) of two rank-2 tensors, [m,k]·[k,n] → [m,n]. The optional
     * attribute {transA, transB} (0 or 1 each, BLAS gemm style) makes op a transpose, so the VJP
     * rules (g·bᵀ, aᵀ·g) never materialise a transposed activation matrix. Fusible when k is at
     * most {@link Fusion#SMALL_K}.
     */
    MATMUL(2) {
        @Override int[] shape(int[] attr, Var[] in) { return matmulShape(in[0], in[1], attr); }
        @Override boolean fusible(int[] attr, Var[] in) { return innerDim(attr, in[1]) <= Fusion.SMALL_K; }
        @Override Var jvp(Var n, int i, Var t) { return matmulJvp(n, i, t); }
        @Override Var vjp(Var n, int i, Var g) { return matmulVjp(n, i, g); }
    },
    /** Transpose of a rank-2 tensor: [m,n] → [n,m]. */
    TRANSPOSE(1) {
        @Override int[] shape(int[] attr, Var[] in) {
            int[] a = in[0].shape();
            if (a.length != 2) {
                throw new IllegalArgumentException("TRANSPOSE needs a rank-2 tensor, got " + in[0]);
            }
            return new int[] {a[1], a[0]};
        }
        @Override Var jvp(Var n, int i, Var t) { return t.transpose(); }
        @Override Var vjp(Var n, int i, Var g) { return g.transpose(); }
    },
    /** Sum over one axis (attribute: the axis), which is removed: [.., a, ..] → [.., ..]. */
    SUM_AXIS(1) {
        @Override int[] shape(int[] attr, Var[] in) {
            if (attr[0] < 0 || attr[0] >= in[0].shape().length) {
                throw new IllegalArgumentException("SUM_AXIS axis " + attr[0] + " out of range for " + in[0]);
            }
            return Shapes.remove(in[0].shape(), attr[0]);
        }
        @Override Var jvp(Var n, int i, Var t) { return t.sum(n.attr()[0]); }
        @Override Var vjp(Var n, int i, Var g) {
            return g.reshape(Shapes.insertOne(g.shape(), n.attr()[0])).broadcastTo(n.input(0).shape());
        }
    },
    /** Sum of all elements → scalar shape []. */
    SUM_ALL(1) {
        @Override int[] shape(int[] attr, Var[] in) { return new int[0]; }
        @Override Var jvp(Var n, int i, Var t) { return t.sum(); }
        @Override Var vjp(Var n, int i, Var g) { return g.broadcastTo(n.input(0).shape()); }
    },
    /**
     * Numpy-style broadcast to a target shape (attribute): the input shape, left-padded with 1s to
     * the target rank, must equal the target or be 1 on each axis. E.g. [H] → [B,H], [] → any,
     * [B,1] → [B,D]. Its VJP is a sum over the broadcast axes. Always fusible.
     */
    BROADCAST(1) {
        @Override int[] shape(int[] attr, Var[] in) { return broadcastShape(in[0], attr); }
        @Override boolean fusible(int[] attr, Var[] in) { return true; }
        @Override Var jvp(Var n, int i, Var t) { return t.broadcastTo(n.attr()); }
        @Override Var vjp(Var n, int i, Var g) { return sumTo(g, n.input(0).shape()); }
    },
    /** Same elements under a new shape of equal size (attribute); fusible (free) on a deferred input. */
    RESHAPE(1) {
        @Override int[] shape(int[] attr, Var[] in) { return reshapeShape(in[0], attr); }
        @Override boolean fusible(int[] attr, Var[] in) { return in[0].isPending(); }
        @Override Var jvp(Var n, int i, Var t) { return t.reshape(n.attr()); }
        @Override Var vjp(Var n, int i, Var g) { return g.reshape(n.input(0).shape()); }
    };

    /** Where an elementwise op is smooth: the inputs its derivative checks are drawn from. */
    enum Domain {
        /** Any real input (drawn N(0, 1)). */
        REAL,
        /** Positive input (drawn 0.5 + |N(0, 1)|). */
        POSITIVE,
        /** First input real, second positive (a quotient). */
        POSITIVE_SECOND,
        /** Real input at least 0.2 away from 0, where the op has a kink or a jump. */
        AWAY_FROM_ZERO
    }

    private final int arity;
    /** Null for a structural op. */
    private final Domain domain;
    private final boolean transcendental;
    private final Kind kind;

    Primitive(int arity, Domain domain, boolean transcendental) {
        this.arity = arity;
        this.domain = domain;
        this.transcendental = transcendental;
        this.kind = domain != null ? Kind.ELEMENTWISE : Kind.valueOf(name());
    }

    Primitive(int arity) {
        this(arity, null, false);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public Pairing pairing() {
        return this == SOFTPLUS ? Pairing.SOFTPLUS : this == SIGMOID ? Pairing.SIGMOID : Pairing.NONE;
    }

    /** Number of tensor inputs. */
    @Override
    public int arity() {
        return arity;
    }

    /** Whether this is a one-input op applied element by element. */
    @Override
    public boolean isElementwiseUnary() {
        return domain != null && arity == 1;
    }

    /** Whether this is a two-input op applied element by element. */
    @Override
    public boolean isElementwiseBinary() {
        return domain != null && arity == 2;
    }

    /** Whether this op is applied element by element (has kernels and a {@link Domain}). */
    public boolean isElementwise() {
        return domain != null;
    }

    /** The domain of an elementwise op; null for a structural one. */
    Domain domain() {
        return domain;
    }

    /**
     * Whether the F64 kernel (and the F32 one without the Vector API) calls a libm-class function
     * (tens of ns per element): {@code Fusion.expensive} then writes the result out once instead
     * of recomputing it in every consumer.
     */
    @Override
    public boolean transcendental() {
        return transcendental;
    }

    /**
     * The output shape on inputs {@code in} (arity already checked) with attribute {@code attr};
     * throws IllegalArgumentException naming the op and the inputs. Elementwise: equal shapes and
     * dtypes, same shape out.
     */
    int[] shape(int[] attr, Var[] in) {
        for (Var v : in) {
            if (!Arrays.equals(in[0].shape(), v.shape()) || in[0].dtype() != v.dtype()) {
                throw new IllegalArgumentException(this + " needs equal shapes and dtypes, got " + in[0] + " and " + v);
            }
        }
        return in[0].shape();
    }

    /** Whether an executor plan can compute this op on {@code in}: every elementwise op can. */
    boolean fusible(int[] attr, Var[] in) {
        return isElementwise();
    }

    /** out[i] = op(a[i]) for i &lt; n (elementwise unary, F64); modifies out. */
    public void compute(double[] a, double[] out, int n) {
        throw new UnsupportedOperationException(this + " has no unary F64 kernel");
    }

    /** out[i] = op(a[i]) for i &lt; n (elementwise unary, F32); modifies out. */
    public void compute(float[] a, float[] out, int n) {
        throw new UnsupportedOperationException(this + " has no unary F32 kernel");
    }

    /** out[i] = a[i] op b[i] for i &lt; n (elementwise binary, F64); modifies out. */
    public void compute(double[] a, double[] b, double[] out, int n) {
        throw new UnsupportedOperationException(this + " has no binary F64 kernel");
    }

    /** out[i] = a[i] op b[i] for i &lt; n (elementwise binary, F32); modifies out. */
    public void compute(float[] a, float[] b, float[] out, int n) {
        throw new UnsupportedOperationException(this + " has no binary F32 kernel");
    }

    /**
     * Elementwise ops: ∂node/∂x_arg ⊙ t, built from primitives (null for a symbolic zero). The
     * Jacobian is diagonal, so this is both the JVP and the VJP rule.
     */
    Var derivative(Var node, int arg, Var t) {
        throw new UnsupportedOperationException("no derivative for " + this);
    }

    /** JVP rule: ∂node/∂x_arg · t, or null for zero. */
    Var jvp(Var node, int arg, Var t) {
        return derivative(node, arg, t);
    }

    /** VJP rule: (∂node/∂x_arg)ᵀ · g, or null for zero. */
    Var vjp(Var node, int arg, Var g) {
        return derivative(node, arg, g);
    }
    /** The inner dimension k of op(a)·op(b) given b and the MATMUL attribute. */
    static int innerDim(int[] attr, Var b) {
        return b.shape()[Shapes.transposed(attr, 1) ? 1 : 0];
    }

    private static int[] matmulShape(Var a, Var b, int[] attr) {
        int[] sa = a.shape();
        int[] sb = b.shape();
        boolean ta = Shapes.transposed(attr, 0);
        boolean tb = Shapes.transposed(attr, 1);
        if (sa.length != 2 || sb.length != 2 || (ta ? sa[0] : sa[1]) != (tb ? sb[1] : sb[0]) || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("MATMUL needs op(a) [m,k] and op(b) [k,n] of one dtype, got "
                    + a + (ta ? "ᵀ" : "") + " and " + b + (tb ? "ᵀ" : ""));
        }
        return new int[] {ta ? sa[1] : sa[0], tb ? sb[0] : sb[1]};
    }

    /** For C = op_a(A)·op_b(B): ∂C = t·op_b(B) for A's tangent t, op_a(A)·t for B's. */
    private static Var matmulJvp(Var n, int i, Var t) {
        boolean ta = Shapes.transposed(n.attr(), 0);
        boolean tb = Shapes.transposed(n.attr(), 1);
        return i == 0 ? t.gemm(n.input(1), ta, tb) : n.input(0).gemm(t, ta, tb);
    }

    /**
     * For C = op_a(A)·op_b(B): ∂A = g·op_b(B)ᵀ, or op_b(B)·gᵀ when A enters transposed; ∂B =
     * op_a(A)ᵀ·g, or gᵀ·op_a(A) when B enters transposed.
     */
    private static Var matmulVjp(Var n, int i, Var g) {
        boolean ta = Shapes.transposed(n.attr(), 0);
        boolean tb = Shapes.transposed(n.attr(), 1);
        Var a = n.input(0);
        Var b = n.input(1);
        if (i == 0) {
            return ta ? b.gemm(g, tb, true) : g.gemm(b, false, !tb);
        }
        return tb ? g.gemm(a, true, ta) : a.gemm(g, !ta, false);
    }

    private static int[] broadcastShape(Var x, int[] attr) {
        int[] a = x.shape();
        if (attr.length < a.length || !Arrays.equals(Shapes.broadcast(Shapes.padLeft(a, attr.length), attr), attr)) {
            throw new IllegalArgumentException("cannot BROADCAST " + x + " to " + Arrays.toString(attr));
        }
        return attr.clone();
    }

    private static int[] reshapeShape(Var x, int[] attr) {
        if (Tensor.sizeOf(attr) != x.size()) {
            throw new IllegalArgumentException("cannot RESHAPE " + x + " to " + Arrays.toString(attr));
        }
        return attr.clone();
    }

    /** Sums {@code g} over the axes along which {@code shape} was broadcast, then reshapes to it. */
    private static Var sumTo(Var g, int[] shape) {
        int[] gs = g.shape();
        int[] padded = Shapes.padLeft(shape, gs.length);
        Var r = g;
        for (int d = gs.length - 1; d >= 0; d--) {
            if (padded[d] == 1 && gs[d] != 1) {
                r = r.sum(d);
            }
        }
        return r.reshape(shape);
    }
}
