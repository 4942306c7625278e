package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Properties of reverse mode that hold for any input, cotangent and scale. */
final class VjpLinearityProperties {

    /** Jᵀ(αu₁ + βu₂) = αJᵀu₁ + βJᵀu₂ for y = softplus(x·W + b)·V, a two-layer map [4,3] → [4,2]. */
    @Property(tries = 60)
    void vjpIsLinearInTheCotangent(
            @ForAll long seed,
            @ForAll @DoubleRange(min = -3, max = 3) double alpha,
            @ForAll @DoubleRange(min = -3, max = 3) double beta) {
        Key k = Key.of(seed);
        List<Var> params = GradCheck.leaves(List.of(GradCheck.normal(k.child(0), 3, 5),
                GradCheck.normal(k.child(1), 5), GradCheck.normal(k.child(2), 5, 2)));
        Var x = Var.leaf(GradCheck.normal(k.child(3), 4, 3));
        Var y = x.matmul(params.get(0)).add(params.get(1)).softplus().matmul(params.get(2));
        Tensor u1 = GradCheck.normal(k.child(4), 4, 2);
        Tensor u2 = GradCheck.normal(k.child(5), 4, 2);
        Tensor mixed = GradCheck.combine(alpha, List.of(u1), beta, List.of(u2)).get(0);
        List<Tensor> lhs = GradCheck.values(Autodiff.vjp(y, Var.leaf(mixed), params));
        List<Tensor> rhs = GradCheck.combine(
                alpha, GradCheck.values(Autodiff.vjp(y, Var.leaf(u1), params)),
                beta, GradCheck.values(Autodiff.vjp(y, Var.leaf(u2), params)));
        assertTrue(GradCheck.relErr(lhs, rhs) < 1e-12, () -> "error " + GradCheck.relErr(lhs, rhs));
    }
}
