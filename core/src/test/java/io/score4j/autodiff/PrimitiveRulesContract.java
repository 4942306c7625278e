package io.score4j.autodiff;

import static io.score4j.autodiff.GradCheck.awayFromZero;
import static io.score4j.autodiff.GradCheck.normal;
import static io.score4j.autodiff.GradCheck.positive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive's JVP and VJP rule, to first and second order, in F64 (JAX's check_grads recipe).
 *
 * <p>Finite differences are central with h = 1e−5 along a seeded N(0, I) direction. Their error
 * is truncation h²/6·|f'''| ≈ 2e−11·|f'''| plus rounding ≈ ε|f|/h ≈ 2e−11·|f|; with the O(10)
 * values and derivatives of these small inputs that is below 1e−9, so {@link #FD_TOL} = 1e−6
 * (relative to max(1, |reference|)) leaves three orders of margin while any wrong rule is off by
 * O(1). Identities that hold exactly in real arithmetic (⟨u, Jv⟩ = ⟨Jᵀu, v⟩, forward-over-reverse
 * = reverse-over-forward) only see rounding, so they use {@link #EXACT_TOL} = 1e−12.
 *
 * <p>Second order uses the scalar f(x) = Σ w ⊙ op(x) ⊙ op(x) (w fixed and random), whose Hessian
 * is non-zero even for linear primitives, so differentiating each VJP rule is exercised.
 *
 * <p>Run twice: as {@link PrimitiveRulesTest} with the default scheduling (these small tensors are
 * computed at once) and as {@link PrimitiveRulesDeferredTest} with every fusible node deferred,
 * so the rules are also checked through fused plans.
 */
abstract class PrimitiveRulesContract {
    private static final double H = 1e-5;
    private static final double FD_TOL = 1e-6;
    private static final double EXACT_TOL = 1e-12;

    record Case(Primitive op, List<Tensor> inputs, Function<List<Var>, Var> f) {}

    static Stream<Arguments> cases() {
        return Arrays.stream(Primitive.values())
                .flatMap(p -> casesFor(p).stream())
                .map(c -> Arguments.of(Named.of(c.op() + " " + shapes(c.inputs()), c)));
    }

    /**
     * Elementwise primitives get one generic case on inputs drawn from their {@link Primitive.Domain},
     * so a primitive added to {@link Primitive} is checked here without a line of test code; the
     * structural ones have hand-picked cases, and one without a case fails {@link #cases()}.
     */
    private static List<Case> casesFor(Primitive p) {
        Key k = Key.of(1000 + p.ordinal());
        Key a = k.child(0);
        Key b = k.child(1);
        if (p.isElementwiseUnary()) {
            return List.of(unary(p, draw(p.domain(), a), x -> x.map(p)));
        }
        if (p.isElementwiseBinary()) {
            Tensor y = p.domain() == Primitive.Domain.POSITIVE_SECOND ? positive(b, 0.5, 3, 4) : draw(p.domain(), b);
            Tensor x = p.domain() == Primitive.Domain.POSITIVE_SECOND ? normal(a, 3, 4) : draw(p.domain(), a);
            return List.of(binary(p, x, y, (u, v) -> Var.apply(p, null, u, v)));
        }
        return switch (p) {
            case MATMUL -> List.of(binary(p, normal(a, 3, 4), normal(b, 4, 5), Var::matmul),
                    binary(p, normal(a, 6, 3), normal(b, 3, 1), Var::matmul),
                    binary(p, normal(a, 4, 3), normal(b, 4, 5), (x, y) -> x.gemm(y, true, false)),
                    binary(p, normal(a, 3, 4), normal(b, 5, 4), (x, y) -> x.gemm(y, false, true)),
                    binary(p, normal(a, 4, 3), normal(b, 5, 4), (x, y) -> x.gemm(y, true, true)));
            case TRANSPOSE -> List.of(unary(p, normal(a, 3, 4), Var::transpose));
            case SUM_AXIS -> List.of(unary(p, normal(a, 3, 4, 2), x -> x.sum(1)),
                    unary(p, normal(a, 3, 4), x -> x.sum(0)));
            case SUM_ALL -> List.of(unary(p, normal(a, 3, 4), Var::sum));
            case BROADCAST -> List.of(unary(p, normal(a, 4), x -> x.broadcastTo(3, 4)),
                    unary(p, normal(a, 3, 1), x -> x.broadcastTo(3, 4)),
                    unary(p, normal(a), x -> x.broadcastTo(2, 3)));
            case RESHAPE -> List.of(unary(p, normal(a, 3, 4), x -> x.reshape(2, 6)));
            default -> throw new IllegalStateException("no test case for structural primitive " + p);
        };
    }

    /** A [3, 4] input from {@code domain}. */
    private static Tensor draw(Primitive.Domain domain, Key k) {
        return switch (domain) {
            case REAL, POSITIVE_SECOND -> normal(k, 3, 4);
            case POSITIVE -> positive(k, 0.5, 3, 4);
            case AWAY_FROM_ZERO -> awayFromZero(k, 0.2, 3, 4);
        };
    }

    private static Case unary(Primitive p, Tensor x, UnaryOperator<Var> f) {
        return new Case(p, List.of(x), xs -> f.apply(xs.get(0)));
    }

    private static Case binary(Primitive p, Tensor x, Tensor y, BinaryOperator<Var> f) {
        return new Case(p, List.of(x, y), xs -> f.apply(xs.get(0), xs.get(1)));
    }

    /** f(x) = Σ w ⊙ y ⊙ y with y = op(x) and w a fixed random tensor of y's shape. */
    private static Var scalarized(Case c, List<Var> xs) {
        Var y = c.f().apply(xs);
        Var w = Var.leaf(normal(Key.of(77), y.shape()));
        return w.mul(y).mul(y).sum();
    }

    private static Tensor scalarValue(Case c, List<Tensor> xs) {
        return scalarized(c, GradCheck.leaves(xs)).value();
    }

    private static List<Tensor> gradAt(Case c, List<Tensor> xs) {
        List<Var> leaves = GradCheck.leaves(xs);
        return GradCheck.values(Autodiff.grad(scalarized(c, leaves), leaves));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void caseBuildsItsPrimitive(Case c) {
        assertEquals(c.op(), c.f().apply(GradCheck.leaves(c.inputs())).op());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Case c) {
        List<Tensor> v = GradCheck.directions(Key.of(5), c.inputs());
        double analytic = GradCheck.dot(gradAt(c, c.inputs()), v);
        double fd = GradCheck.directional(xs -> scalarValue(c, xs), c.inputs(), v, H).item();
        assertTrue(GradCheck.relErr(analytic, fd) < FD_TOL, () -> analytic + " vs finite difference " + fd);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jvpMatchesCentralDifferences(Case c) {
        List<Tensor> v = GradCheck.directions(Key.of(6), c.inputs());
        List<Var> xs = GradCheck.leaves(c.inputs());
        Tensor jv = Autodiff.jvp(c.f(), xs, GradCheck.leaves(v)).tangent().value();
        Tensor fd = GradCheck.directional(ys -> c.f().apply(GradCheck.leaves(ys)).value(), c.inputs(), v, H);
        assertTrue(GradCheck.relErr(jv, fd) < FD_TOL, () -> "error " + GradCheck.relErr(jv, fd));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jvpAndVjpSatisfyTheInnerProductIdentity(Case c) {
        List<Var> xs = GradCheck.leaves(c.inputs());
        List<Tensor> v = GradCheck.directions(Key.of(8), c.inputs());
        Var y = c.f().apply(xs);
        Tensor u = normal(Key.of(9), y.shape());
        double uJv = GradCheck.dot(u, Autodiff.jvp(y, xs, GradCheck.leaves(v)).value());
        double jtuV = GradCheck.dot(GradCheck.values(Autodiff.vjp(y, Var.leaf(u), xs)), v);
        assertTrue(GradCheck.relErr(uJv, jtuV) < EXACT_TOL, () -> uJv + " vs " + jtuV);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradOfGradMatchesCentralDifferencesOfTheGradient(Case c) {
        List<Tensor> v = GradCheck.directions(Key.of(10), c.inputs());
        List<Var> xs = GradCheck.leaves(c.inputs());
        List<Var> g = Autodiff.grad(scalarized(c, xs), xs);
        Var gv = null;
        for (int i = 0; i < g.size(); i++) {
            Var term = g.get(i).mul(Var.leaf(v.get(i))).sum();
            gv = gv == null ? term : gv.add(term);
        }
        List<Tensor> hv = GradCheck.values(Autodiff.grad(gv, xs));
        List<Tensor> plus = gradAt(c, GradCheck.axpy(c.inputs(), H, v));
        List<Tensor> minus = gradAt(c, GradCheck.axpy(c.inputs(), -H, v));
        List<Tensor> fd = new ArrayList<>();
        for (int i = 0; i < plus.size(); i++) {
            fd.add(GradCheck.centralDiff(plus.get(i), minus.get(i), H));
        }
        assertTrue(GradCheck.relErr(hv, fd) < FD_TOL, () -> "error " + GradCheck.relErr(hv, fd));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jvpOfGradEqualsGradOfJvp(Case c) {
        List<Tensor> v = GradCheck.directions(Key.of(11), c.inputs());
        List<Var> xs = GradCheck.leaves(c.inputs());
        List<Var> vs = GradCheck.leaves(v);
        Var f = scalarized(c, xs);
        List<Tensor> forwardOverReverse = new ArrayList<>();
        for (Var g : Autodiff.grad(f, xs)) {
            forwardOverReverse.add(Autodiff.jvp(g, xs, vs).value());
        }
        List<Tensor> reverseOverForward = GradCheck.values(Autodiff.grad(Autodiff.jvp(f, xs, vs), xs));
        assertTrue(GradCheck.relErr(forwardOverReverse, reverseOverForward) < EXACT_TOL,
                () -> "error " + GradCheck.relErr(forwardOverReverse, reverseOverForward));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void f32ForwardMatchesF64ToFloatPrecision(Case c) {
        List<Tensor> f32 = new ArrayList<>();
        for (Tensor t : c.inputs()) {
            f32.add(t.astype(DType.F32));
        }
        Tensor lo = c.f().apply(GradCheck.leaves(f32)).value();
        Tensor hi = c.f().apply(GradCheck.leaves(c.inputs())).value();
        assertEquals(DType.F32, lo.dtype());
        assertTrue(GradCheck.relErr(lo, hi) < 1e-5, () -> "error " + GradCheck.relErr(lo, hi));
    }

    private static String shapes(List<Tensor> ts) {
        StringBuilder sb = new StringBuilder();
        for (Tensor t : ts) {
            sb.append(Arrays.toString(t.shape()));
        }
        return sb.toString();
    }
}
