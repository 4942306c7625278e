package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class RuleTableTest {

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void standardTableHasBothRulesForEveryPrimitive(Primitive op) {
        assertTrue(RuleTable.STANDARD.hasJvp(op), "JVP of " + op);
        assertTrue(RuleTable.STANDARD.hasVjp(op), "VJP of " + op);
    }

    @Test
    void missingRulesFailLoudlyNamingThePrimitive() {
        RuleTable empty = new RuleTable();
        Var x = Var.leaf(Tensor.full(DType.F64, 0.5, 2));
        Var y = x.exp();
        UnsupportedOperationException j = assertThrows(UnsupportedOperationException.class, () -> empty.jvp(y, 0, x));
        assertEquals("no JVP for EXP", j.getMessage());
        UnsupportedOperationException v = assertThrows(UnsupportedOperationException.class, () -> empty.vjp(y, 0, y));
        assertEquals("no VJP for EXP", v.getMessage());
    }

    @Test
    void stepHasAZeroDerivative() {
        Var x = Var.leaf(Tensor.of(new double[] {-1, 2}, 2));
        Var g = Autodiff.grad(x.step().sum(), java.util.List.of(x)).get(0);
        assertTrue(g.value().bitEquals(Tensor.zeros(DType.F64, 2)));
    }
}
