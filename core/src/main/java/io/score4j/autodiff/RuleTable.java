package io.score4j.autodiff;

import java.util.EnumMap;
import java.util.Map;

/**
 * The derivative rules, one table for every primitive, in the style of JAX's {@code defjvp}:
 * a rule maps (node, argument index, incoming tangent or cotangent) to the contribution for that
 * argument, built from primitives through the {@link Var} API, so every derivative is again a
 * differentiable graph. A rule may return null for a symbolic zero (e.g. {@link Primitive#STEP}).
 *
 * <p>JVP rule for argument i: ∂node/∂xᵢ · tᵢ (the engine sums the arguments' contributions).
 * VJP rule for argument i: (∂node/∂xᵢ)ᵀ · g. For elementwise ops both are multiplication by the
 * local derivative, so they share one lambda.
 */
final class RuleTable {
    /** A derivative rule for one primitive: contribution of argument {@code arg} given {@code t}. */
    @FunctionalInterface
    interface Rule {
        Var apply(Var node, int arg, Var t);
    }

    /** The table used by {@link Autodiff}: every primitive has both rules. */
    static final RuleTable STANDARD = standard();

    private final Map<Primitive, Rule> jvp = new EnumMap<>(Primitive.class);
    private final Map<Primitive, Rule> vjp = new EnumMap<>(Primitive.class);

    /** An empty table (every lookup fails); {@link #STANDARD} is the populated one. */
    RuleTable() {}

    /** Registers {@code rule} as the JVP of {@code op}; modifies this table. */
    void defjvp(Primitive op, Rule rule) {
        jvp.put(op, rule);
    }

    /** Registers {@code rule} as the VJP of {@code op}; modifies this table. */
    void defvjp(Primitive op, Rule rule) {
        vjp.put(op, rule);
    }

    /** Registers one rule as both JVP and VJP (elementwise ops, whose Jacobian is diagonal). */
    void defElementwise(Primitive op, Rule rule) {
        defjvp(op, rule);
        defvjp(op, rule);
    }

    boolean hasJvp(Primitive op) {
        return jvp.containsKey(op);
    }

    boolean hasVjp(Primitive op) {
        return vjp.containsKey(op);
    }

    /** ∂node/∂x_arg · t, or null for zero; throws UnsupportedOperationException without a rule. */
    Var jvp(Var node, int arg, Var t) {
        Rule r = jvp.get(node.op());
        if (r == null) {
            throw new UnsupportedOperationException("no JVP for " + node.op());
        }
        return r.apply(node, arg, t);
    }

    /** (∂node/∂x_arg)ᵀ · g, or null for zero; throws UnsupportedOperationException without a rule. */
    Var vjp(Var node, int arg, Var g) {
        Rule r = vjp.get(node.op());
        if (r == null) {
            throw new UnsupportedOperationException("no VJP for " + node.op());
        }
        return r.apply(node, arg, g);
    }

    private static RuleTable standard() {
        RuleTable t = new RuleTable();
        t.defElementwise(Primitive.ADD, (n, i, g) -> g);
        t.defElementwise(Primitive.SUB, (n, i, g) -> i == 0 ? g : g.neg());
        t.defElementwise(Primitive.MUL, (n, i, g) -> g.mul(n.input(1 - i)));
        t.defElementwise(Primitive.DIV, (n, i, g) -> i == 0 ? g.div(n.input(1)) : g.mul(n).div(n.input(1)).neg());
        t.defElementwise(Primitive.NEG, (n, i, g) -> g.neg());
        t.defElementwise(Primitive.EXP, (n, i, g) -> g.mul(n));
        t.defElementwise(Primitive.LOG, (n, i, g) -> g.div(n.input(0)));
        t.defElementwise(Primitive.TANH, (n, i, g) -> g.sub(g.mul(n.mul(n))));
        t.defElementwise(Primitive.SIGMOID, (n, i, g) -> g.mul(n.sub(n.mul(n))));
        t.defElementwise(Primitive.SOFTPLUS, (n, i, g) -> g.mul(n.input(0).sigmoid()));
        t.defElementwise(Primitive.RELU, (n, i, g) -> g.mul(n.input(0).step()));
        t.defElementwise(Primitive.STEP, (n, i, g) -> null);

        t.defjvp(Primitive.MATMUL, (n, i, g) -> i == 0
                ? g.gemm(n.input(1), transA(n), transB(n))
                : n.input(0).gemm(g, transA(n), transB(n)));
        t.defvjp(Primitive.MATMUL, RuleTable::matmulVjp);
        t.defjvp(Primitive.TRANSPOSE, (n, i, g) -> g.transpose());
        t.defvjp(Primitive.TRANSPOSE, (n, i, g) -> g.transpose());
        t.defjvp(Primitive.SUM_AXIS, (n, i, g) -> g.sum(n.attr()[0]));
        t.defvjp(Primitive.SUM_AXIS, (n, i, g) ->
                g.reshape(Shapes.insertOne(g.shape(), n.attr()[0])).broadcastTo(n.input(0).shape()));
        t.defjvp(Primitive.SUM_ALL, (n, i, g) -> g.sum());
        t.defvjp(Primitive.SUM_ALL, (n, i, g) -> g.broadcastTo(n.input(0).shape()));
        t.defjvp(Primitive.BROADCAST, (n, i, g) -> g.broadcastTo(n.attr()));
        t.defvjp(Primitive.BROADCAST, (n, i, g) -> sumTo(g, n.input(0).shape()));
        t.defjvp(Primitive.RESHAPE, (n, i, g) -> g.reshape(n.attr()));
        t.defvjp(Primitive.RESHAPE, (n, i, g) -> g.reshape(n.input(0).shape()));
        return t;
    }

    /**
     * For C = op_a(A)·op_b(B): ∂A = g·op_b(B)ᵀ, or op_b(B)·gᵀ when A enters transposed; ∂B =
     * op_a(A)ᵀ·g, or gᵀ·op_a(A) when B enters transposed.
     */
    private static Var matmulVjp(Var n, int i, Var g) {
        boolean ta = transA(n);
        boolean tb = transB(n);
        Var a = n.input(0);
        Var b = n.input(1);
        if (i == 0) {
            return ta ? b.gemm(g, tb, true) : g.gemm(b, false, !tb);
        }
        return tb ? g.gemm(a, true, ta) : a.gemm(g, !ta, false);
    }

    private static boolean transA(Var n) {
        int[] a = n.attr();
        return a != null && a[0] != 0;
    }

    private static boolean transB(Var n) {
        int[] a = n.attr();
        return a != null && a[1] != 0;
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
