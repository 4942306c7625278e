package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The named elementwise methods of {@link Var} build their primitive, with the bits of the generic
 * {@link Var#map} / {@link Var#apply} that {@link PrimitiveRulesContract} checks.
 */
final class VarMethodsTest {
    private static final Map<Primitive, UnaryOperator<Var>> UNARY = Map.of(
            Primitive.NEG, Var::neg, Primitive.EXP, Var::exp, Primitive.LOG, Var::log, Primitive.TANH, Var::tanh,
            Primitive.SIGMOID, Var::sigmoid, Primitive.SOFTPLUS, Var::softplus, Primitive.RELU, Var::relu,
            Primitive.STEP, Var::step);
    private static final Map<Primitive, BinaryOperator<Var>> BINARY = Map.of(
            Primitive.ADD, Var::add, Primitive.SUB, Var::sub, Primitive.MUL, Var::mul, Primitive.DIV, Var::div);

    @Test
    void namedUnaryMethodsBuildTheirPrimitive() {
        Tensor x = GradCheck.positive(Key.of(3), 0.5, 5, 7);
        UNARY.forEach((op, f) -> {
            Var named = f.apply(Var.leaf(x));
            assertEquals(op, named.op());
            assertTrue(named.value().bitEquals(Var.leaf(x).map(op).value()), op::toString);
        });
    }

    @Test
    void namedBinaryMethodsBuildTheirPrimitive() {
        Tensor x = GradCheck.normal(Key.of(4), 5, 7);
        Tensor y = GradCheck.positive(Key.of(5), 0.5, 5, 7);
        BINARY.forEach((op, f) -> {
            Var named = f.apply(Var.leaf(x), Var.leaf(y));
            assertEquals(op, named.op());
            assertTrue(named.value().bitEquals(Var.apply(op, null, Var.leaf(x), Var.leaf(y)).value()), op::toString);
        });
    }

    @Test
    void mapRefusesWhatIsNotElementwiseUnary() {
        Var x = Var.leaf(GradCheck.normal(Key.of(6), 2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.map(Primitive.TRANSPOSE));
        assertEquals("TRANSPOSE is not an elementwise unary primitive", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.map(Primitive.ADD));
    }
}
