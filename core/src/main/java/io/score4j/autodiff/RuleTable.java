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
 * VJP rule for argument i: (∂node/∂xᵢ)ᵀ · g. Each primitive writes its rules in its own body
 * ({@link Primitive#jvp}, {@link Primitive#vjp}; for elementwise ops one
 * {@link Primitive#derivative}); {@link #STANDARD} is the table of those rules.
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

    /** The rules each {@link Primitive} defines in its own body, for every primitive. */
    private static RuleTable standard() {
        RuleTable t = new RuleTable();
        for (Primitive op : Primitive.values()) {
            t.defjvp(op, op::jvp);
            t.defvjp(op, op::vjp);
        }
        return t;
    }
}
