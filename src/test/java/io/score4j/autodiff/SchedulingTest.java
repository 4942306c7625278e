package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Deferred (fused) evaluation and parallelism never change a bit: the exact-score-matching loss
 * and gradient of small MLPs, on shapes that cross chunk and segment boundaries, are the same
 * whether nodes are deferred or computed at once and whatever the thread count; and the F32 step
 * at the benchmark shape agrees with F64.
 */
final class SchedulingTest {

    /** ½‖s‖² + tr ∂s/∂x averaged over the batch, s an MLP [D, H, D]; returns loss then gradients. */
    static List<Tensor> lossAndGrad(Tensor x, List<Tensor> params, UnaryOperator<Var> act) {
        List<Var> p = GradCheck.leaves(params);
        Var xv = Var.leaf(x);
        int d = x.dim(1);
        Var s = act.apply(xv.matmul(p.get(0)).add(p.get(1))).matmul(p.get(2)).add(p.get(3));
        Var loss = s.square().sum(1).mul(0.5);
        for (int c = 0; c < d; c++) {
            double[] e = new double[x.size()];
            for (int r = 0; r < x.dim(0); r++) {
                e[r * d + c] = 1;
            }
            Var ev = Var.leaf(Tensor.wrap(e, x.shape()).astype(x.dtype()));
            loss = loss.add(Autodiff.jvp(s, List.of(xv), List.of(ev)).mul(ev).sum(1));
        }
        Var mean = loss.mean();
        List<Tensor> out = new ArrayList<>();
        out.add(mean.value());
        out.addAll(GradCheck.values(Autodiff.grad(mean, p)));
        return out;
    }

    static List<Tensor> mlp(int d, int h, DType dt, Key key) {
        return List.of(
                GradCheck.normal(key.child(0), d, h).astype(dt), GradCheck.normal(key.child(1), h).astype(dt),
                GradCheck.normal(key.child(2), h, d).astype(dt), GradCheck.normal(key.child(3), d).astype(dt));
    }

    private static final List<UnaryOperator<Var>> ACTIVATIONS =
            List.of(Var::softplus, Var::tanh, Var::silu, Var::relu);

    @Test
    void deferredAndImmediateEvaluationGiveTheSameBits() {
        for (DType dt : DType.values()) {
            for (int[] shape : new int[][] {{1100, 2, 64}, {40, 1, 1024}}) {
                Tensor x = GradCheck.normal(Key.of(shape[1]), shape[0], shape[1]).astype(dt);
                List<Tensor> params = mlp(shape[1], shape[2], dt, Key.of(7));
                for (UnaryOperator<Var> act : ACTIVATIONS) {
                    List<Tensor> deferred = withDeferMin(1, () -> lossAndGrad(x, params, act));
                    List<Tensor> immediate = withDeferMin(Integer.MAX_VALUE, () -> lossAndGrad(x, params, act));
                    List<Tensor> standard = lossAndGrad(x, params, act);
                    assertBitEqual(immediate, deferred, dt + " deferred");
                    assertBitEqual(immediate, standard, dt + " default");
                }
            }
        }
    }

    @Test
    void oneTwoAndThreeThreadsGiveTheSameBits() {
        int saved = Autodiff.threads();
        try {
            for (DType dt : DType.values()) {
                Tensor x = GradCheck.normal(Key.of(2), 2048, 1).astype(dt);
                List<Tensor> params = mlp(1, 256, dt, Key.of(8));
                Autodiff.setThreads(1);
                List<Tensor> one = lossAndGrad(x, params, Var::softplus);
                for (int t = 2; t <= 3; t++) {
                    Autodiff.setThreads(t);
                    assertBitEqual(one, lossAndGrad(x, params, Var::softplus), dt + " threads=" + t);
                }
            }
        } finally {
            Autodiff.setThreads(saved);
        }
        assertThrows(IllegalArgumentException.class, () -> Autodiff.setThreads(0));
    }

    /** The benchmark's step in F32 against F64 (float inputs): relative error within float tolerance. */
    @Test
    void f32StepAtTheBenchmarkShapeAgreesWithF64() {
        Tensor x = GradCheck.normal(Key.of(1), 2048, 1).astype(DType.F32);
        List<Tensor> p32 = mlp(1, 1024, DType.F32, Key.of(0));
        List<Tensor> p64 = new ArrayList<>();
        for (Tensor t : p32) {
            p64.add(t.astype(DType.F64));
        }
        List<Tensor> lo = lossAndGrad(x, p32, Var::softplus);
        List<Tensor> hi = lossAndGrad(x.astype(DType.F64), p64, Var::softplus);
        for (int i = 0; i < lo.size(); i++) {
            double err = GradCheck.relErr(lo.get(i), hi.get(i));
            // sums of 2048 float terms: a few hundred u relative to the largest entry at most
            assertTrue(err < 1e-4, "output " + i + " error " + err);
        }
    }

    @Test
    void aLargeElementwiseResultIsComputedOnDemand() {
        Tensor x = Tensor.wrap(Draw.normalDouble(Key.of(4), 200 * 100), 200, 100).astype(DType.F32);
        Var y = Var.leaf(x).exp();
        assertTrue(y.isDeferred());
        float[] ref = new float[x.size()];
        Elementwise.unary(Primitive.EXP, x.data32(), ref, ref.length);
        assertTrue(Tensor.wrap(ref, 200, 100).bitEquals(y.value()));
        assertFalse(y.isDeferred());
        assertTrue(Var.leaf(Tensor.full(DType.F32, 1, 3)).exp().valueIfComputed() != null, "small nodes are computed at once");
    }

    @Test
    void longChainsAreMaterialisedAtTheStepLimit() {
        Tensor x = Tensor.wrap(Draw.normalDouble(Key.of(5), 200 * 100), 200, 100);
        Supplier<Var> chain = () -> {
            Var c = Var.leaf(x);
            Var y = c;
            for (int i = 0; i < 200; i++) {
                y = y.mul(c).add(c).tanh();
            }
            return y;
        };
        Var deferred = chain.get();
        assertTrue(Plan.deferredSize(deferred, 1000) <= Fusion.MAX_STEPS);
        Tensor immediate = withDeferMin(Integer.MAX_VALUE, () -> chain.get().value());
        assertTrue(immediate.bitEquals(deferred.value()));
    }

    private static void assertBitEqual(List<Tensor> expected, List<Tensor> actual, String what) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).bitEquals(actual.get(i)), what + ": output " + i + " differs");
        }
    }

    private static <T> T withDeferMin(int n, Supplier<T> body) {
        int saved = Fusion.setDeferMin(n);
        try {
            return body.get();
        } finally {
            Fusion.setDeferMin(saved);
        }
    }
}
