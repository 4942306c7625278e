package io.score4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.autodiff.executor.Fusion;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
        return lossAndGrad(x, params, act, Parallelism.available());
    }

    /** The loss and its gradients, every value computed on {@code parallelism}'s threads. */
    static List<Tensor> lossAndGrad(Tensor x, List<Tensor> params, UnaryOperator<Var> act, Parallelism parallelism) {
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
        out.add(mean.value(parallelism));
        out.addAll(GradCheck.values(Autodiff.grad(mean, p, parallelism)));
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

    /**
     * Golden-free: the step computed by the scheduler (built lazily, fused, passes shared) against
     * the same graph rebuilt and evaluated eagerly, one node at a time in creation order, each
     * from computed inputs and with nothing deferred.
     */
    @Test
    void scheduledStepEqualsNodeByNodeEagerEvaluation() {
        for (DType dt : DType.values()) {
            for (int[] shape : new int[][] {{2048, 1, 1024}, {1100, 2, 64}}) {
                Tensor x = GradCheck.normal(Key.of(shape[1]), shape[0], shape[1]).astype(dt);
                List<Tensor> params = mlp(shape[1], shape[2], dt, Key.of(7));
                for (UnaryOperator<Var> act : ACTIVATIONS) {
                    List<Var> outs = lossAndGradGraph(x, params, act);
                    List<Tensor> scheduled = new ArrayList<>();
                    for (Var o : outs) {
                        scheduled.add(o.value());
                    }
                    Map<Var, Var> memo = new IdentityHashMap<>();
                    List<Tensor> eager = withDeferMin(Integer.MAX_VALUE, () -> {
                        List<Tensor> r = new ArrayList<>();
                        for (Var o : outs) {
                            r.add(evalEagerly(o, memo));
                        }
                        return r;
                    });
                    assertBitEqual(eager, scheduled, dt + " " + java.util.Arrays.toString(shape));
                }
            }
        }
    }

    /** The graph of {@link #lossAndGrad}: the loss, then the gradients (as Vars). */
    private static List<Var> lossAndGradGraph(Tensor x, List<Tensor> params, UnaryOperator<Var> act) {
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
        List<Var> out = new ArrayList<>();
        out.add(mean);
        out.addAll(Autodiff.grad(mean, p));
        return out;
    }

    /** {@code out}'s graph rebuilt node by node in creation order, each node computed as soon as built. */
    private static Tensor evalEagerly(Var out, Map<Var, Var> memo) {
        for (Var n : Autodiff.topologicalOrder(out)) {
            if (!memo.containsKey(n)) {
                Var c = n;
                if (!n.isLeaf()) {
                    Var[] in = new Var[n.op().arity()];
                    for (int i = 0; i < in.length; i++) {
                        in[i] = memo.get(n.input(i));
                    }
                    c = Var.apply(n.op(), n.attr(), in);
                    assertFalse(c.isDeferred(), "nothing is deferred");
                    c.value();
                }
                memo.put(n, c);
            }
        }
        return memo.get(out).value();
    }

    @Test
    void oneTwoAndThreeThreadsGiveTheSameBits() {
        for (DType dt : DType.values()) {
            Tensor x = GradCheck.normal(Key.of(2), 2048, 1).astype(dt);
            List<Tensor> params = mlp(1, 256, dt, Key.of(8));
            List<Tensor> one = lossAndGrad(x, params, Var::softplus, Parallelism.of(1));
            for (int t = 2; t <= 3; t++) {
                assertBitEqual(one, lossAndGrad(x, params, Var::softplus, Parallelism.of(t)), dt + " threads=" + t);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Parallelism.of(0));
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
        Primitive.EXP.compute(x.data32(), ref, ref.length);
        assertTrue(Tensor.wrap(ref, 200, 100).bitEquals(y.value()));
        assertFalse(y.isDeferred());
        Var small = Var.leaf(Tensor.full(DType.F32, 1, 3)).exp();
        assertFalse(small.isDeferred(), "small nodes are computed alone, not fused");
        assertNull(small.valueIfComputed(), "building a node computes nothing");
        float[] e = new float[3];
        Primitive.EXP.compute(new float[] {1, 1, 1}, e, 3);
        assertTrue(Tensor.wrap(e, 3).bitEquals(small.value()));
        assertNotNull(small.valueIfComputed());
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
        assertTrue(Fusion.deferredSize(deferred, 1000) <= Fusion.MAX_STEPS);
        Tensor immediate = withDeferMin(Integer.MAX_VALUE, () -> chain.get().value());
        assertTrue(immediate.bitEquals(deferred.value()));
    }

    @Test
    void zeroSizedTensorsFlowThroughEveryKindOfNode() {
        Var x = Var.leaf(Tensor.zeros(DType.F32, 0, 3));
        Var w = Var.leaf(Tensor.full(DType.F32, 1, 3, 20));
        Var y = x.matmul(w).softplus().add(Var.leaf(Tensor.full(DType.F32, 1, 20)));
        assertEquals(0, y.value().size());
        assertEquals(0.0, y.sum().value().item());
        Tensor g = Autodiff.grad(y.sum(), List.of(w)).get(0).value();
        assertTrue(g.bitEquals(Tensor.zeros(DType.F32, 3, 20)));
    }

    /** Sums of products of deferred values, several rounds deep, against a plain double loop. */
    @Test
    void pendingNodesSeveralRoundsDeepAreComputedOnDemand() {
        int b = 700;
        int h = 40;
        Tensor x = GradCheck.normal(Key.of(12), b, 3);
        Tensor w = GradCheck.normal(Key.of(13), 3, h);
        Tensor v = GradCheck.normal(Key.of(14), h, 1);
        Supplier<Var> build = () -> {
            Var a = Var.leaf(x).matmul(Var.leaf(w)).tanh();
            Var s = a.matmul(Var.leaf(v));
            return a.mul(s).sum(0).mul(a.sum()).sum();
        };
        Var deferred = withDeferMin(1, build);
        assertTrue(deferred.isDeferred());
        Tensor immediate = withDeferMin(Integer.MAX_VALUE, () -> build.get().value());
        assertTrue(immediate.bitEquals(deferred.value()));
        double[] refAndScale = deepChainReference(x, w, v, b, h);
        // every path has at most b·h + h + 3 roundings, each of relative size 2⁻⁵³ of the magnitudes
        // summed (s itself has h, and tanh a few ulp): far below 1e-11 of the absolute sums
        assertEquals(refAndScale[0], immediate.item(), 1e-11 * refAndScale[1]);
    }

    /** Σ_j (Σ_r a_rj·s_r)·Σ a for a = tanh(x·w), s = a·v, in double; and the same sum of absolute values. */
    private static double[] deepChainReference(Tensor x, Tensor w, Tensor v, int b, int h) {
        double[] a = new double[b * h];
        double[] s = new double[b];
        double total = 0;
        double totalAbs = 0;
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < h; j++) {
                double z = 0;
                for (int p = 0; p < 3; p++) {
                    z += x.get(r * 3 + p) * w.get(p * h + j);
                }
                a[r * h + j] = Math.tanh(z);
                s[r] += a[r * h + j] * v.get(j);
                total += a[r * h + j];
                totalAbs += Math.abs(a[r * h + j]);
            }
        }
        double ref = 0;
        double scale = 0;
        for (int j = 0; j < h; j++) {
            double col = 0;
            double colAbs = 0;
            for (int r = 0; r < b; r++) {
                col += a[r * h + j] * s[r];
                colAbs += Math.abs(a[r * h + j] * s[r]);
            }
            ref += col * total;
            scale += colAbs * totalAbs;
        }
        return new double[] {ref, scale};
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
