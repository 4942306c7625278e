package io.score4j.objective;

import io.score4j.Parallelism;
import io.score4j.autodiff.Autodiff;
import io.score4j.autodiff.Var;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Sliced score matching (Song, Garg, Shi &amp; Ermon 2019) on the generic autodiff engine, for any
 * dimension D and MLP depth. With M random projections v₁ … v_M per example (E[v vᵀ] = I), the
 * per-example loss is
 *
 * <pre>  plain:              ℓ(θ; x) = (1/M) Σ_m [ v_mᵀ (∂s/∂x) v_m + ½ (v_mᵀ s(x))² ]
 *  variance-reduced:   ℓ(θ; x) = (1/M) Σ_m   v_mᵀ (∂s/∂x) v_m + ½ ‖s(x)‖²</pre>
 *
 * and the batch loss is the mean over the batch. Both have expectation over v equal to the exact
 * objective ½‖s‖² + tr ∂s/∂x ({@link ExactScoreMatching}); the variance-reduced one integrates
 * the second term analytically. Each (∂s/∂x)·v_m is one forward-mode JVP on the whole batch with a
 * [B, D] tangent holding every example's own v_m, so the cost is O(M) network passes, not O(D).
 * The parameter gradient is reverse mode through those JVPs.
 *
 * <p>Randomness: component j of v_m for batch row b is {@code projection.component(key.child(b),
 * m·D + j)}, so an example's projections depend only on the key and its batch index.
 */
public final class SlicedScoreMatching implements Objective {
    private final int projections;
    private final Projection projection;
    private final boolean varianceReduced;

    /**
     * @param projections     M ≥ 1 projections per example
     * @param projection      law of v (Rademacher or Gaussian)
     * @param varianceReduced use ½‖s‖² in place of ½(vᵀs)² (the "sliced-vr" objective)
     */
    public SlicedScoreMatching(int projections, Projection projection, boolean varianceReduced) {
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1, got " + projections);
        }
        if (projection == null) {
            throw new IllegalArgumentException("projection must not be null");
        }
        this.projections = projections;
        this.projection = projection;
        this.varianceReduced = varianceReduced;
    }

    public int projections() {
        return projections;
    }

    public Projection projection() {
        return projection;
    }

    public boolean varianceReduced() {
        return varianceReduced;
    }

    /**
     * The per-example losses ℓ(θ; x_b) of rows [first, first + B) as a graph of shape [B], for a
     * score network {@code spec} (d_in = d_out = D) and input {@code x} of shape [B, D].
     */
    public Var perExampleLoss(MlpSpec spec, Map<String, Var> params, Var x, Key key, int first) {
        int[] xs = x.shape();
        Var s = MlpModel.apply(spec, params, x);
        Var sum = null;
        for (int m = 0; m < projections; m++) {
            Var v = Var.leaf(directions(key, first, xs[0], xs[1], m, x.dtype()));
            Var term = Autodiff.jvp(s, List.of(x), List.of(v)).mul(v).sum(1);
            if (!varianceReduced) {
                term = term.add(s.mul(v).sum(1).square().mul(0.5));
            }
            sum = sum == null ? term : sum.add(term);
        }
        Var mean = projections == 1 ? sum : sum.mul(1.0 / projections);
        return varianceReduced ? mean.add(s.square().sum(1).mul(0.5)) : mean;
    }

    /**
     * Projection m for rows [first, first + rows): shape [rows, dim], row r holding v_m of the
     * example at batch index first + r.
     */
    Tensor directions(Key key, int first, int rows, int dim, int m, DType dtype) {
        Evaluation.require(key, "sliced score matching");
        double[] v = new double[rows * dim];
        for (int r = 0; r < rows; r++) {
            Key kb = key.child(first + r);
            for (int j = 0; j < dim; j++) {
                v[r * dim + j] = projection.component(kb, (long) m * dim + j);
            }
        }
        return Tensor.wrap(v, rows, dim).astype(dtype);
    }

    @Override
    public double loss(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 0);
        return Evaluation.loss(rowLoss(spec), params, batch, Evaluation.require(key, name()), parallelism);
    }

    @Override
    public LossAndGrad lossAndGrad(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 0);
        return Evaluation.lossAndGrad(rowLoss(spec), params, batch, Evaluation.require(key, name()), parallelism);
    }

    @Override
    public PerExample perExample(MlpSpec spec, Params params, Tensor batch, Key key, Parallelism parallelism) {
        Evaluation.check(spec, params, batch, 0);
        return Evaluation.perExample(rowLoss(spec), params, batch, Evaluation.require(key, name()), parallelism);
    }

    private RowLoss rowLoss(MlpSpec spec) {
        return (p, rows, key, first) -> perExampleLoss(spec, p, Var.leaf(rows), key, first);
    }

    private String name() {
        return varianceReduced ? "sliced-vr score matching" : "sliced score matching";
    }

    @Override
    public String toString() {
        return "SlicedScoreMatching[M=" + projections + ", " + projection.id() + (varianceReduced ? ", vr]" : "]");
    }
}
