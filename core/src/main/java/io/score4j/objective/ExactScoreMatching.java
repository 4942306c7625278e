package io.score4j.objective;

import io.score4j.Parallelism;
import io.score4j.autodiff.Autodiff;
import io.score4j.autodiff.PerExampleGrads;
import io.score4j.autodiff.Var;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyvärinen's exact score matching, on the generic autodiff engine, for any dimension D and any
 * MLP depth. Per example:
 *
 * <pre>  ℓ(θ; x) = ½ Σᵢ sᵢ(x)² + tr ∂s/∂x (x) = ½‖s(x)‖² + Σ_d ∂s_d/∂x_d</pre>
 *
 * and the batch loss is the mean of ℓ over the batch. The trace takes D forward-mode JVPs with
 * one-hot tangents e_d on the whole batch: examples are independent, so one JVP yields every
 * example's Jacobian column d. The parameter gradient is reverse mode through those JVPs.
 * Deterministic: the {@link Key} arguments of {@link Objective} are ignored.
 */
public final class ExactScoreMatching implements Objective {

    public ExactScoreMatching() {}

    /**
     * The per-example losses ℓ(θ; x_b) as a differentiable graph of shape [B], for a score network
     * {@code spec} (d_in = d_out = D) and input {@code x} of shape [B, D].
     */
    public static Var perExampleLoss(MlpSpec spec, Map<String, Var> params, Var x) {
        int[] xs = x.shape();
        Var s = MlpModel.apply(spec, params, x);
        Var loss = s.square().sum(1).mul(0.5);
        for (int d = 0; d < xs[1]; d++) {
            Var e = Var.leaf(oneHotColumns(x.dtype(), xs[0], xs[1], d));
            Var column = Autodiff.jvp(s, List.of(x), List.of(e));
            loss = loss.add(column.mul(e).sum(1));
        }
        return loss;
    }

    /** The batch loss (1/B)·Σ_b ℓ(θ; x_b) for {@code batch} of shape [B, D], on {@code parallelism}'s threads. */
    public double loss(MlpSpec spec, Params params, Tensor batch, Parallelism parallelism) {
        check(spec, params, batch);
        return perExampleLoss(spec, MlpModel.lift(params), Var.leaf(batch)).mean().value(parallelism).item();
    }

    /** The batch loss and ∂loss/∂θ (names and shapes of {@code params}), on {@code parallelism}'s threads. */
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Parallelism parallelism) {
        check(spec, params, batch);
        Map<String, Var> p = MlpModel.lift(params);
        Var loss = perExampleLoss(spec, p, Var.leaf(batch)).mean();
        List<Var> g = Autodiff.grad(loss, MlpModel.values(p), parallelism);
        return new LossAndGrad(loss.value(parallelism).item(), MlpModel.lower(params.names(), g));
    }

    /** ℓ(θ; x_b) and ∂ℓ(θ; x_b)/∂θ for each row b separately (one graph per example), on {@code parallelism}'s threads. */
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch, Parallelism parallelism) {
        check(spec, params, batch);
        List<String> names = params.names();
        PerExampleGrads r = Autodiff.perExample((ps, row) -> {
            Map<String, Var> p = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                p.put(names.get(i), ps.get(i));
            }
            return perExampleLoss(spec, p, row).sum();
        }, params.tensors(), batch, parallelism);
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            grads.put(names.get(i), r.grads().get(i));
        }
        return new PerExample(r.values().toDoubleArray(), Params.of(grads));
    }

    /** {@link #loss(MlpSpec, Params, Tensor, Parallelism)} on {@link Parallelism#available()}. */
    public double loss(MlpSpec spec, Params params, Tensor batch) {
        return loss(spec, params, batch, Parallelism.available());
    }

    /** {@link #lossAndGrad(MlpSpec, Params, Tensor, Parallelism)} on {@link Parallelism#available()}. */
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch) {
        return lossAndGrad(spec, params, batch, Parallelism.available());
    }

    /** {@link #perExample(MlpSpec, Params, Tensor, Parallelism)} on {@link Parallelism#available()}. */
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch) {
        return perExample(spec, params, batch, Parallelism.available());
    }

    @Override
    public double loss(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        return loss(spec, params, batch, parallelism);
    }

    @Override
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        return lossAndGrad(spec, params, batch, parallelism);
    }

    @Override
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        return perExample(spec, params, batch, parallelism);
    }

    /** [B, D] with ones in column {@code d}: the tangent e_d for every example at once. */
    static Tensor oneHotColumns(DType dtype, int b, int dim, int d) {
        double[] e = new double[b * dim];
        for (int r = 0; r < b; r++) {
            e[r * dim + d] = 1.0;
        }
        return Tensor.wrap(e, b, dim).astype(dtype);
    }

    private static void check(MlpSpec spec, Params params, Tensor batch) {
        if (spec.inputDim() != spec.outputDim()) {
            throw new IllegalArgumentException("a score network needs d_in = d_out, got " + spec);
        }
        if (batch.rank() != 2 || batch.dim(0) < 1 || batch.dim(1) != spec.inputDim()) {
            throw new IllegalArgumentException("batch must have shape [B>=1, " + spec.inputDim() + "], got "
                    + Arrays.toString(batch.shape()));
        }
        DType pt = params.tensors().get(0).dtype();
        if (batch.dtype() != pt) {
            throw new IllegalArgumentException("batch dtype " + batch.dtype() + " differs from params dtype " + pt);
        }
    }
}
