package io.score4j.objective;

import static io.score4j.objective.ObjectiveChecks.batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.autodiff.Var;
import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sliced and sliced-vr score matching: closed forms, finite differences, unbiasedness, keys. */
final class SlicedScoreMatchingTest {
    private static final SlicedScoreMatching GAUSSIAN = new SlicedScoreMatching(1, Projection.GAUSSIAN, false);
    private static final SlicedScoreMatching RADEMACHER = new SlicedScoreMatching(1, Projection.RADEMACHER, false);
    private static final SlicedScoreMatching GAUSSIAN_VR = new SlicedScoreMatching(1, Projection.GAUSSIAN, true);

    @Test
    void linearScoreInThreeDimensionsMatchesTheClosedForm() {
        // s(x) = x·W + c, so ∂s/∂x = Wᵀ and vᵀ(∂s/∂x)v = vᵀWv, whatever v.
        double[] w = {0.9, -0.3, 0.2, 0.4, 1.7, -0.6, 0.1, 0.8, -1.1};
        double[] c = {0.25, -0.5, 0.3};
        Params p = Params.of(Map.of(MlpSpec.weightName(0), Tensor.of(w, 3, 3), MlpSpec.biasName(0), Tensor.of(c, 3)));
        MlpSpec spec = new MlpSpec(new int[] {3, 3}, Activation.TANH);
        Tensor x = batch(3, 6, 3);
        Key key = Key.of(4);
        for (Projection law : Projection.values()) {
            for (boolean vr : new boolean[] {false, true}) {
                SlicedScoreMatching o = new SlicedScoreMatching(3, law, vr);
                double expected = closedForm(o, w, c, x, key);
                assertEquals(expected, o.loss(spec, p, x, key), 1e-13 * Math.max(1, Math.abs(expected)), o.toString());
            }
        }
    }

    private static double closedForm(SlicedScoreMatching o, double[] w, double[] c, Tensor x, Key key) {
        int b = x.dim(0);
        double total = 0;
        for (int r = 0; r < b; r++) {
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                s[i] = c[i] + x.get(r * 3) * w[i] + x.get(r * 3 + 1) * w[3 + i] + x.get(r * 3 + 2) * w[6 + i];
            }
            double perExample = o.varianceReduced() ? 0.5 * (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]) : 0;
            for (int m = 0; m < o.projections(); m++) {
                Tensor v = o.directions(key, r, 1, 3, m, DType.F64);
                double vwv = 0;
                double vs = 0;
                for (int i = 0; i < 3; i++) {
                    vs += v.get(i) * s[i];
                    for (int j = 0; j < 3; j++) {
                        vwv += v.get(i) * w[i * 3 + j] * v.get(j);
                    }
                }
                perExample += (vwv + (o.varianceReduced() ? 0 : 0.5 * vs * vs)) / o.projections();
            }
            total += perExample / b;
        }
        return total;
    }

    @Test
    void parameterGradientMatchesCentralDifferencesThroughTheJvp() {
        // The gradient of vᵀ(∂s/∂x)v needs second derivatives of the network: this is the
        // higher-order path (reverse mode over forward mode) on a two-hidden-layer net.
        MlpSpec spec = new MlpSpec(new int[] {3, 8, 8, 3}, Activation.SOFTPLUS);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(51), DType.F64);
        Tensor x = batch(52, 5, 3);
        for (SlicedScoreMatching o : new SlicedScoreMatching[] {
                new SlicedScoreMatching(2, Projection.RADEMACHER, false), new SlicedScoreMatching(2, Projection.GAUSSIAN, true)}) {
            ObjectiveChecks.assertGradientMatchesCentralDifferences(o, spec, p, x, Key.of(53));
        }
        MlpSpec tanh = new MlpSpec(new int[] {2, 16, 2}, Activation.TANH);
        ObjectiveChecks.assertGradientMatchesCentralDifferences(GAUSSIAN, tanh,
                MlpInit.init(tanh, Init.NORMAL, Key.of(54), DType.F64), batch(55, 4, 2), Key.of(56));
    }

    @Test
    void expectationOverProjectionsIsTheExactObjective() {
        // E[v vᵀ] = I for both laws, so E_v[vᵀJv] = tr J and E_v[(vᵀs)²] = ‖s‖²: averaged over
        // K = 2000 keys (batch of 32) the sliced loss must sit within 4 standard errors of the
        // exact loss (a two-sided miss has probability ≈ 6e-5 per case). The tolerance is not
        // vacuous: the trace term alone (0.40 here; se ≈ 0.03 for plain Gaussian slicing, 0.002
        // for vr) is checked to exceed 10 standard errors, so an estimator that lost or
        // mis-scaled it would fail.
        MlpSpec spec = new MlpSpec(new int[] {3, 16, 3}, Activation.SOFTPLUS);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(61), DType.F64);
        Tensor x = batch(62, 32, 3);
        double exact = new ExactScoreMatching().loss(spec, p, x);
        double trace = exact - halfSquaredNorm(spec, p, x);
        SlicedScoreMatching[] cases = {GAUSSIAN, RADEMACHER, GAUSSIAN_VR,
                new SlicedScoreMatching(3, Projection.RADEMACHER, true)};
        for (SlicedScoreMatching o : cases) {
            int k = 2000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < k; i++) {
                double l = o.loss(spec, p, x, Key.of(1000 + i));
                sum += l;
                sumSq += l * l;
            }
            double mean = sum / k;
            double se = Math.sqrt((sumSq / k - mean * mean) / (k - 1));
            assertEquals(exact, mean, 4 * se, o + ": mean " + mean + " ± " + se);
            assertTrue(Math.abs(trace) > 10 * se, o + ": trace " + trace + " not resolvable with se " + se);
        }
    }

    private static double halfSquaredNorm(MlpSpec spec, Params p, Tensor x) {
        Var s = MlpModel.apply(spec, MlpModel.lift(p), Var.leaf(x));
        return s.square().sum(1).mul(0.5).mean().value().item();
    }

    @Test
    void projectionsHaveTheirLawAndDependOnlyOnKeyAndRowIndex() {
        Key key = Key.of(71);
        Tensor all = GAUSSIAN.directions(key, 0, 6, 4, 1, DType.F64);
        Tensor row3 = GAUSSIAN.directions(key, 3, 1, 4, 1, DType.F64);
        assertArrayEquals(Arrays.copyOfRange(all.toDoubleArray(), 12, 16), row3.toDoubleArray(), 0.0);
        assertTrue(!Arrays.equals(all.toDoubleArray(), GAUSSIAN.directions(key, 0, 6, 4, 0, DType.F64).toDoubleArray()));
        // 40 000 Gaussian components: mean within 4/√n = 0.02 of 0, second moment within
        // 4·√2/√n ≈ 0.028 of 1 (four standard errors each).
        double[] g = GAUSSIAN.directions(key, 0, 10_000, 4, 0, DType.F64).toDoubleArray();
        assertEquals(0, Arrays.stream(g).average().orElseThrow(), 0.02);
        assertEquals(1, Arrays.stream(g).map(v -> v * v).average().orElseThrow(), 0.028);
        double[] r = RADEMACHER.directions(key, 0, 10_000, 4, 0, DType.F64).toDoubleArray();
        assertTrue(Arrays.stream(r).allMatch(v -> v == 1.0 || v == -1.0));
        assertEquals(0, Arrays.stream(r).average().orElseThrow(), 0.02);
    }

    @Test
    void perExampleMeansAreTheBatchAndTheKeyDeterminesTheBits() {
        MlpSpec spec = new MlpSpec(new int[] {2, 8, 2}, Activation.SILU);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(81), DType.F64);
        Tensor x = batch(82, 5, 2);
        for (SlicedScoreMatching o : new SlicedScoreMatching[] {new SlicedScoreMatching(2, Projection.GAUSSIAN, false),
                GAUSSIAN_VR}) {
            ObjectiveChecks.assertPerExampleMeanIsTheBatch(o, spec, p, x, Key.of(83));
            ObjectiveChecks.assertKeyDeterminesTheBits(o, spec, p, x);
        }
    }

    @Test
    void f32PathAgreesWithF64() {
        // Same draws in both precisions (directions are drawn in double, then rounded).
        MlpSpec spec = new MlpSpec(new int[] {2, 8, 2}, Activation.SOFTPLUS);
        Params p = MlpInit.init(spec, Init.SCALED, Key.of(91), DType.F64);
        Tensor x = batch(92, 16, 2);
        LossAndGrad hi = GAUSSIAN.lossAndGrad(spec, p, x, Key.of(93));
        LossAndGrad lo = GAUSSIAN.lossAndGrad(spec, p.map(t -> t.astype(DType.F32)), x.astype(DType.F32), Key.of(93));
        assertEquals(hi.loss(), lo.loss(), 1e-5 * Math.max(1, Math.abs(hi.loss())));
        for (String name : p.names()) {
            ObjectiveChecks.assertClose(hi.grad().get(name).toDoubleArray(), lo.grad().get(name).toDoubleArray(), 1e-4);
        }
    }

    @Test
    void badSettingsAndInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SlicedScoreMatching(0, Projection.GAUSSIAN, false));
        assertThrows(IllegalArgumentException.class, () -> new SlicedScoreMatching(1, null, false));
        MlpSpec spec = new MlpSpec(new int[] {2, 4, 2}, Activation.TANH);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(94), DType.F64);
        assertThrows(IllegalArgumentException.class, () -> GAUSSIAN.loss(spec, p, batch(1, 4, 2), null));
        assertThrows(IllegalArgumentException.class, () -> GAUSSIAN.loss(spec, p, batch(1, 4, 3), Key.of(1)));
        assertThrows(IllegalArgumentException.class,
                () -> GAUSSIAN.loss(spec, p, batch(1, 4, 2).astype(DType.F32), Key.of(1)));
        assertEquals(Projection.GAUSSIAN, Projection.parse("Gaussian"));
        assertThrows(IllegalArgumentException.class, () -> Projection.parse("uniform"));
    }
}
