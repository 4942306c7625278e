package io.score4j.objective;

import io.score4j.Parallelism;
import io.score4j.autodiff.Autodiff;
import io.score4j.autodiff.ValueAndGrad;
import io.score4j.autodiff.Var;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three {@link Objective} methods for any {@link RowLoss}: the batch mean, its gradient by
 * reverse mode, and per-example values and gradients (one graph per row, row b keeping index b),
 * each computed on the {@link Parallelism} it is given.
 */
final class Evaluation {
    private Evaluation() {}

    static double loss(RowLoss f, Params params, Tensor batch, Key key, Parallelism parallelism) {
        return f.apply(MlpModel.lift(params), batch, key, 0).mean().value(parallelism).item();
    }

    static LossAndGrad lossAndGrad(RowLoss f, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Map<String, Var> p = MlpModel.lift(params);
        Var loss = f.apply(p, batch, key, 0).mean();
        List<Var> g = Autodiff.grad(loss, MlpModel.values(p), parallelism);
        return new LossAndGrad(loss.value(parallelism).item(), MlpModel.lower(params.names(), g));
    }

    /** Row b's loss and gradient, stacked as {@link PerExample} documents; row b keeps index b. */
    static PerExample perExample(RowLoss f, Params params, Tensor batch, Key key, Parallelism parallelism) {
        List<String> names = params.names();
        int b = batch.dim(0);
        int d = batch.dim(1);
        double[] losses = new double[b];
        List<double[]> stacks = new ArrayList<>();
        for (Tensor t : params.tensors()) {
            stacks.add(new double[b * t.size()]);
        }
        double[] all = batch.toDoubleArray();
        for (int e = 0; e < b; e++) {
            Tensor row = Tensor.wrap(Arrays.copyOfRange(all, e * d, (e + 1) * d), 1, d).astype(batch.dtype());
            int index = e;
            ValueAndGrad vg = Autodiff.valueAndGrad(ps -> f.apply(named(names, ps), row, key, index).sum(),
                    params.tensors(), parallelism);
            losses[e] = vg.value().item();
            for (int i = 0; i < names.size(); i++) {
                double[] g = vg.grads().get(i).toDoubleArray();
                System.arraycopy(g, 0, stacks.get(i), e * g.length, g.length);
            }
        }
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Tensor p = params.tensors().get(i);
            int[] s = new int[p.rank() + 1];
            s[0] = b;
            System.arraycopy(p.shape(), 0, s, 1, p.rank());
            grads.put(names.get(i), Tensor.wrap(stacks.get(i), s).astype(p.dtype()));
        }
        return new PerExample(losses, Params.of(grads));
    }

    /**
     * Checks that {@code batch} is [B ≥ 1, D] in the parameters' dtype, for a network with
     * d_out = D and d_in = D + {@code extraInputs}.
     */
    static void check(MlpSpec spec, Params params, Tensor batch, int extraInputs) {
        int dim = spec.outputDim();
        if (spec.inputDim() != dim + extraInputs) {
            throw new IllegalArgumentException("this objective needs d_in = d_out" + (extraInputs > 0 ? " + " + extraInputs : "")
                    + ", got " + spec);
        }
        if (batch.rank() != 2 || batch.dim(0) < 1 || batch.dim(1) != dim) {
            throw new IllegalArgumentException("batch must have shape [B>=1, " + dim + "], got "
                    + Arrays.toString(batch.shape()));
        }
        DType pt = params.tensors().get(0).dtype();
        if (batch.dtype() != pt) {
            throw new IllegalArgumentException("batch dtype " + batch.dtype() + " differs from params dtype " + pt);
        }
    }

    /** A key for a stochastic objective: present, else an error naming the objective. */
    static Key require(Key key, String objective) {
        if (key == null) {
            throw new IllegalArgumentException(objective + " draws randomness and needs a key, got null");
        }
        return key;
    }

    /**
     * Standard normals [R, D] for rows [first, first + R): row b, column j is
     * {@code Draw.normalAt(key.child(b), j)}, in double precision.
     */
    static double[] normalRows(Key key, int first, int rows, int dim) {
        double[] z = new double[rows * dim];
        for (int r = 0; r < rows; r++) {
            Key kb = key.child(first + r);
            for (int j = 0; j < dim; j++) {
                z[r * dim + j] = Draw.normalAt(kb, j);
            }
        }
        return z;
    }

    private static Map<String, Var> named(List<String> names, List<Var> vars) {
        Map<String, Var> p = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            p.put(names.get(i), vars.get(i));
        }
        return p;
    }
}
