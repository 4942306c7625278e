package io.score4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.autodiff.Var;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class MlpModelTest {

    /** The same network written out by hand with loops over the flat arrays. */
    private static double[] reference(MlpSpec spec, Params p, double[] x, int batch) {
        int[] s = spec.sizes();
        double[] h = x;
        for (int l = 0; l < spec.layers(); l++) {
            Tensor w = p.get(MlpSpec.weightName(l));
            Tensor b = p.get(MlpSpec.biasName(l));
            double[] z = new double[batch * s[l + 1]];
            for (int r = 0; r < batch; r++) {
                for (int j = 0; j < s[l + 1]; j++) {
                    double acc = b.get(j);
                    for (int i = 0; i < s[l]; i++) {
                        acc += h[r * s[l] + i] * w.get(i * s[l + 1] + j);
                    }
                    z[r * s[l + 1] + j] = l < spec.layers() - 1 ? act(spec.activation()).applyAsDouble(acc) : acc;
                }
            }
            h = z;
        }
        return h;
    }

    private static DoubleUnaryOperator act(Activation a) {
        return switch (a) {
            case SOFTPLUS -> z -> Math.log1p(Math.exp(z));
            case TANH -> Math::tanh;
            case SILU -> z -> z / (1 + Math.exp(-z));
            case RELU -> z -> Math.max(0, z);
        };
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardMatchesAHandWrittenLoop(Activation a) {
        MlpSpec spec = new MlpSpec(new int[] {3, 5, 4, 2}, a);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(11), DType.F64);
        Tensor x = Tensor.wrap(io.score4j.random.Draw.normalDouble(Key.of(12), 6 * 3), 6, 3);
        Var out = MlpModel.apply(spec, MlpModel.lift(p), Var.leaf(x));
        assertArrayEquals(new int[] {6, 2}, out.shape());
        assertArrayEquals(reference(spec, p, x.toDoubleArray(), 6), out.value().toDoubleArray(), 1e-12);
    }

    @Test
    void liftAndLowerKeepNamesAndOrder() {
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.TANH, 4);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F32);
        Map<String, Var> vars = MlpModel.lift(p);
        assertEquals(p.names(), List.copyOf(vars.keySet()));
        assertTrue(p.bitEquals(MlpModel.lower(p.names(), MlpModel.values(vars))));
    }

    @Test
    void wrongShapesAreRejectedNamingTheTensor() {
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.TANH, 4);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(1), DType.F64);
        Var badX = Var.leaf(Tensor.zeros(DType.F64, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> MlpModel.apply(spec, MlpModel.lift(p), badX));
        MlpSpec wider = MlpSpec.scoreNet(2, Activation.TANH, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpModel.apply(wider, MlpModel.lift(p), Var.leaf(Tensor.zeros(DType.F64, 3, 2))));
        assertTrue(e.getMessage().contains("layers.0.weight"), e.getMessage());
    }
}
