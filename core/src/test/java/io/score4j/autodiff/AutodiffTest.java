package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AutodiffTest {

    @Test
    void rowVectorBroadcastsAgainstABatchAndItsGradientIsAColumnSum() {
        Var x = Var.leaf(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        Var b = Var.leaf(Tensor.of(new double[] {10, 20, 30}, 3));
        Var y = x.add(b);
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, y.value().toDoubleArray());
        Var w = Var.leaf(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        List<Var> g = Autodiff.grad(y.mul(w).sum(), List.of(b));
        assertArrayEquals(new double[] {5, 7, 9}, g.get(0).value().toDoubleArray());
    }

    @Test
    void scalarAndColumnBroadcasts() {
        Var c = Var.leaf(Tensor.of(new double[] {1, 2}, 2, 1));
        Var y = c.broadcastTo(2, 3).mul(2.0).add(1.0);
        assertArrayEquals(new double[] {3, 3, 3, 5, 5, 5}, y.value().toDoubleArray());
    }

    @Test
    void gradOfAnUnrelatedVariableIsZeros() {
        Var x = Var.leaf(Tensor.full(DType.F64, 2, 3));
        Var z = Var.leaf(Tensor.full(DType.F64, 2, 2, 2));
        Var g = Autodiff.grad(x.exp().sum(), List.of(z)).get(0);
        assertTrue(g.value().bitEquals(Tensor.zeros(DType.F64, 2, 2)));
    }

    @Test
    void gradNeedsAOneElementOutput() {
        Var x = Var.leaf(Tensor.full(DType.F64, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Autodiff.grad(x.exp(), List.of(x)));
    }

    @Test
    void mixingDtypesIsRejected() {
        Var a = Var.leaf(Tensor.full(DType.F64, 1, 2));
        Var b = Var.leaf(Tensor.full(DType.F32, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> a.add(b));
    }

    @Test
    void valueAndGradOfASquaredNorm() {
        Tensor x = Tensor.of(new double[] {1, -2, 3}, 3);
        ValueAndGrad vg = Autodiff.valueAndGrad(xs -> xs.get(0).square().sum(), List.of(x));
        assertEquals(14.0, vg.value().item());
        assertArrayEquals(new double[] {2, -4, 6}, vg.grads().get(0).toDoubleArray());
    }

    @Test
    void thirdDerivativeOfExpIsExp() {
        Var x = Var.leaf(Tensor.of(new double[] {0.3}));
        Var g1 = Autodiff.grad(x.exp().sum(), List.of(x)).get(0);
        Var g2 = Autodiff.grad(g1.sum(), List.of(x)).get(0);
        Var g3 = Autodiff.grad(g2.sum(), List.of(x)).get(0);
        assertEquals(Math.exp(0.3), g3.value().item(), 1e-15);
    }

    @Test
    void gradOfAJacobianTraceMatchesTheClosedForm() {
        // s(x) = tanh(x·W) with x [1,2]: tr ∂s/∂x = Σ_d W[d,d]·(1 − s_d²); its gradient w.r.t. W[0][0]
        // is (1 − s_0²) − 2 W00 s_0 (1 − s_0²) x_0 by the product rule.
        double[] w = {0.7, -0.4, 0.2, 1.1};
        double[] xv = {0.5, -0.3};
        Var wv = Var.leaf(Tensor.of(w, 2, 2));
        Var x = Var.leaf(Tensor.of(xv, 1, 2));
        Var s = x.matmul(wv).tanh();
        Var trace = null;
        for (int d = 0; d < 2; d++) {
            double[] e = new double[2];
            e[d] = 1;
            Var ev = Var.leaf(Tensor.of(e, 1, 2));
            Var col = Autodiff.jvp(s, List.of(x), List.of(ev)).mul(ev).sum();
            trace = trace == null ? col : trace.add(col);
        }
        double z0 = xv[0] * w[0] + xv[1] * w[2];
        double z1 = xv[0] * w[1] + xv[1] * w[3];
        double s0 = Math.tanh(z0);
        double s1 = Math.tanh(z1);
        assertEquals(w[0] * (1 - s0 * s0) + w[3] * (1 - s1 * s1), trace.value().item(), 1e-14);
        double dW00 = (1 - s0 * s0) - 2 * w[0] * s0 * (1 - s0 * s0) * xv[0];
        assertEquals(dW00, Autodiff.grad(trace, List.of(wv)).get(0).value().get(0), 1e-14);
    }

    @Test
    void perExampleMatchesRowByRowAndItsMeanMatchesTheBatchGradient() {
        Tensor w = GradCheck.normal(Key.of(1), 3, 2);
        Tensor batch = GradCheck.normal(Key.of(2), 5, 3);
        PerExampleGrads r = Autodiff.perExample(
                (ps, row) -> row.matmul(ps.get(0)).softplus().sum(), List.of(w), batch);
        assertArrayEquals(new int[] {5, 3, 2}, r.grads().get(0).shape());
        ValueAndGrad all = Autodiff.valueAndGrad(
                ps -> Var.leaf(batch).matmul(ps.get(0)).softplus().sum().mul(1.0 / 5), List.of(w));
        double mean = 0;
        double[] meanGrad = new double[6];
        for (int b = 0; b < 5; b++) {
            Tensor row = Autodiff.row(batch, b);
            ValueAndGrad one = Autodiff.valueAndGrad(ps -> Var.leaf(row).matmul(ps.get(0)).softplus().sum(), List.of(w));
            assertEquals(one.value().item(), r.values().get(b), 0.0);
            for (int i = 0; i < 6; i++) {
                assertEquals(one.grads().get(0).get(i), r.grads().get(0).get(b * 6 + i), 0.0);
                meanGrad[i] += r.grads().get(0).get(b * 6 + i) / 5;
            }
            mean += r.values().get(b) / 5;
        }
        assertEquals(all.value().item(), mean, 1e-14);
        assertArrayEquals(all.grads().get(0).toDoubleArray(), meanGrad, 1e-14);
    }

    @Test
    void f32GradientsAgreeWithF64ToFloatPrecision() {
        Tensor w = GradCheck.normal(Key.of(3), 4, 3);
        Tensor x = GradCheck.normal(Key.of(4), 6, 4);
        ValueAndGrad hi = Autodiff.valueAndGrad(ps -> Var.leaf(x).matmul(ps.get(0)).tanh().square().sum(), List.of(w));
        Tensor x32 = x.astype(DType.F32);
        ValueAndGrad lo = Autodiff.valueAndGrad(
                ps -> Var.leaf(x32).matmul(ps.get(0)).tanh().square().sum(), List.of(w.astype(DType.F32)));
        assertEquals(DType.F32, lo.grads().get(0).dtype());
        assertTrue(GradCheck.relErr(lo.grads().get(0), hi.grads().get(0)) < 1e-5);
    }
}
