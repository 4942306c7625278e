package io.score4j.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic exact score-matching path against closed forms and finite differences, in F64. */
final class ExactScoreMatchingTest {
    private static final ExactScoreMatching ESM = new ExactScoreMatching();

    private static Tensor batch(long seed, int b, int d) {
        return Tensor.wrap(Draw.normalDouble(Key.of(seed), b * d), b, d);
    }

    @Test
    void linearScoreInTwoDimensionsMatchesTheClosedForm() {
        // s(x) = x·W + c (A = Wᵀ): L = mean_b ½‖s_b‖² + tr W, ∂L/∂W = mean_b x_bᵀ s_b + I, ∂L/∂c = mean_b s_b.
        double[] w = {0.9, -0.3, 0.4, 1.7};
        double[] c = {0.25, -0.5};
        Params p = Params.of(Map.of(MlpSpec.weightName(0), Tensor.of(w, 2, 2), MlpSpec.biasName(0), Tensor.of(c, 2)));
        MlpSpec spec = new MlpSpec(new int[] {2, 2}, Activation.SOFTPLUS);
        int n = 7;
        double[] x = batch(3, n, 2).toDoubleArray();
        double loss = w[0] + w[3];
        double[] gw = {1, 0, 0, 1};
        double[] gc = new double[2];
        for (int b = 0; b < n; b++) {
            double s0 = x[2 * b] * w[0] + x[2 * b + 1] * w[2] + c[0];
            double s1 = x[2 * b] * w[1] + x[2 * b + 1] * w[3] + c[1];
            loss += 0.5 * (s0 * s0 + s1 * s1) / n;
            gw[0] += x[2 * b] * s0 / n;
            gw[1] += x[2 * b] * s1 / n;
            gw[2] += x[2 * b + 1] * s0 / n;
            gw[3] += x[2 * b + 1] * s1 / n;
            gc[0] += s0 / n;
            gc[1] += s1 / n;
        }
        LossAndGrad lg = ESM.lossAndGrad(spec, p, Tensor.of(x, n, 2));
        assertEquals(loss, lg.loss(), 1e-14);
        assertClose(gw, lg.grad().get(MlpSpec.weightName(0)).toDoubleArray(), 1e-14);
        assertClose(gc, lg.grad().get(MlpSpec.biasName(0)).toDoubleArray(), 1e-14);
    }

    @Test
    void oneDimensionalSoftplusTraceMatchesTheHandDerivative() {
        // s(x) = Σ_j softplus(x·W0_j + b0_j)·W1_j + b1, so ∂s/∂x = Σ_j W0_j σ(x·W0_j + b0_j) W1_j.
        MlpSpec spec = new MlpSpec(new int[] {1, 16, 1}, Activation.SOFTPLUS);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(21), DType.F64);
        Tensor x = batch(22, 9, 1);
        double expected = 0;
        for (int b = 0; b < 9; b++) {
            double s = p.get("layers.1.bias").get(0);
            double ds = 0;
            for (int j = 0; j < 16; j++) {
                double w0 = p.get("layers.0.weight").get(j);
                double w1 = p.get("layers.1.weight").get(j);
                double z = x.get(b) * w0 + p.get("layers.0.bias").get(j);
                s += Math.log1p(Math.exp(z)) * w1;
                ds += w0 * w1 / (1 + Math.exp(-z));
            }
            expected += (0.5 * s * s + ds) / 9;
        }
        assertEquals(expected, ESM.loss(spec, p, x), 1e-12 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void meanOfPerExampleGradientsIsTheBatchGradientOneDimensionalSoftplus() {
        MlpSpec spec = new MlpSpec(new int[] {1, 16, 1}, Activation.SOFTPLUS);
        checkPerExampleMean(spec, MlpInit.init(spec, Init.NORMAL, Key.of(31), DType.F64), batch(32, 6, 1));
    }

    @Test
    void meanOfPerExampleGradientsIsTheBatchGradientTwoHiddenTanh() {
        MlpSpec spec = new MlpSpec(new int[] {2, 8, 8, 2}, Activation.TANH);
        checkPerExampleMean(spec, MlpInit.init(spec, Init.NORMAL, Key.of(41), DType.F64), batch(42, 6, 2));
    }

    private static void checkPerExampleMean(MlpSpec spec, Params p, Tensor x) {
        LossAndGrad batchResult = ESM.lossAndGrad(spec, p, x);
        PerExample per = ESM.perExample(spec, p, x);
        LossAndGrad mean = per.mean();
        assertEquals(x.dim(0), per.batchSize());
        assertEquals(batchResult.loss(), mean.loss(), 1e-12 * Math.max(1, Math.abs(batchResult.loss())));
        for (String name : p.names()) {
            assertClose(batchResult.grad().get(name).toDoubleArray(), mean.grad().get(name).toDoubleArray(), 1e-12);
        }
        for (int b = 0; b < x.dim(0); b++) {
            assertEquals(ESM.loss(spec, p, Tensor.of(slice(x, b), 1, x.dim(1))), per.losses()[b], 1e-12);
        }
    }

    @Test
    void parameterGradientMatchesFiniteDifferencesOfTheLoss() {
        // Central differences, h = 1e-5, along seeded N(0, I) directions in parameter space; the
        // error bound (h²|L'''|/6 + ε|L|/h ≈ 1e-9 here) sits far below the 1e-6 tolerance.
        MlpSpec spec = new MlpSpec(new int[] {2, 8, 2}, Activation.SOFTPLUS);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(51), DType.F64);
        Tensor x = batch(52, 5, 2);
        LossAndGrad lg = ESM.lossAndGrad(spec, p, x);
        double h = 1e-5;
        for (int k = 0; k < 3; k++) {
            Key dir = Key.of(60 + k);
            Params v = p.map(t -> Tensor.wrap(Draw.normalDouble(dir.fold(t.size()), t.size()), t.shape()));
            double analytic = 0;
            for (String name : p.names()) {
                double[] g = lg.grad().get(name).toDoubleArray();
                for (int i = 0; i < g.length; i++) {
                    analytic += g[i] * v.get(name).get(i);
                }
            }
            double fd = (ESM.loss(spec, shift(p, v, h), x) - ESM.loss(spec, shift(p, v, -h), x)) / (2 * h);
            assertEquals(fd, analytic, 1e-6 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void f32PathAgreesWithF64() {
        MlpSpec spec = new MlpSpec(new int[] {2, 8, 2}, Activation.SILU);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(71), DType.F64);
        Tensor x = batch(72, 16, 2);
        LossAndGrad hi = ESM.lossAndGrad(spec, p, x);
        LossAndGrad lo = ESM.lossAndGrad(spec, p.map(t -> t.astype(DType.F32)), x.astype(DType.F32));
        assertEquals(DType.F32, lo.grad().get("layers.0.weight").dtype());
        assertEquals(hi.loss(), lo.loss(), 1e-5 * Math.max(1, Math.abs(hi.loss())));
        for (String name : p.names()) {
            assertClose(hi.grad().get(name).toDoubleArray(), lo.grad().get(name).toDoubleArray(), 1e-4);
        }
    }

    @Test
    void lossAloneEqualsTheLossOfLossAndGradAndTheKeyIsIgnored() {
        MlpSpec spec = new MlpSpec(new int[] {2, 4, 2}, Activation.TANH);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(81), DType.F64);
        Tensor x = batch(82, 4, 2);
        Objective objective = ESM;
        LossAndGrad a = objective.lossAndGrad(spec, p, x, Key.of(1));
        LossAndGrad b = objective.lossAndGrad(spec, p, x, Key.of(2));
        assertEquals(a.loss(), objective.loss(spec, p, x, Key.of(3)), 0.0);
        assertTrue(a.grad().bitEquals(b.grad()));
    }

    @Test
    void inputsThatDoNotFitAreRejected() {
        MlpSpec spec = new MlpSpec(new int[] {2, 4, 2}, Activation.TANH);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(91), DType.F64);
        assertThrows(IllegalArgumentException.class, () -> ESM.loss(spec, p, batch(1, 4, 3)));
        assertThrows(IllegalArgumentException.class, () -> ESM.loss(spec, p, batch(1, 4, 2).astype(DType.F32)));
        MlpSpec notSquare = new MlpSpec(new int[] {2, 4, 1}, Activation.TANH);
        Params q = MlpInit.init(notSquare, Init.NORMAL, Key.of(92), DType.F64);
        assertThrows(IllegalArgumentException.class, () -> ESM.loss(notSquare, q, batch(1, 4, 2)));
        assertThrows(IllegalArgumentException.class, () -> new LossAndGrad(1.0, null));
        assertThrows(IllegalArgumentException.class, () -> new PerExample(new double[2], p));
    }

    private static Params shift(Params p, Params v, double h) {
        return p.zip(v, (a, b) -> {
            double[] r = a.toDoubleArray();
            for (int i = 0; i < r.length; i++) {
                r[i] += h * b.get(i);
            }
            return Tensor.wrap(r, a.shape());
        });
    }

    private static double[] slice(Tensor x, int b) {
        int d = x.dim(1);
        double[] r = new double[d];
        for (int i = 0; i < d; i++) {
            r[i] = x.get(b * d + i);
        }
        return r;
    }

    private static void assertClose(double[] expected, double[] actual, double rel) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * scale, "element " + i);
        }
    }
}
