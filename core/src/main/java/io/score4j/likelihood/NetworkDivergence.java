package io.score4j.likelihood;

import io.score4j.autodiff.Autodiff;
import io.score4j.autodiff.Var;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The divergence of a time-conditioned network's score s(x, t) = net([x, e(t)]) / σ(t) by forward-mode
 * autodiff on the generic engine, in float64 (the parameters widened from F32): one JVP per coordinate for
 * the exact trace (tr = Σ_j e_jᵀ J e_j / σ(t)), one per probe for {@link Trace.Kind#HUTCHINSON}
 * ((1/M) Σ_p v_pᵀ J v_p / σ(t)); the tangent of the time inputs is 0. Each call builds one graph for its batch.
 *
 * <p>Where the network has a fused trace ({@link ScoreNetwork#fusedTrace}, the deep kernel) the same directions
 * go through {@link ScoreNetwork#timeConditionalWithTrace} instead: float tangents fused into the forward
 * pass, the score computed by the same pass ({@link #scoreAndDivergence}); it agrees with the generic path to
 * float rounding (Gaussian probes are rounded to float). {@link #generic} keeps the autodiff path.
 */
public final class NetworkDivergence implements Divergence {
    private final MlpSpec spec;
    private final Map<String, Var> params;
    private final Conditioning.Time time;
    private final Trace trace;
    private final int dim;
    private final ScoreNetwork network;
    private final boolean fused;

    /**
     * @throws IllegalArgumentException when {@code network} is not time-conditioned
     */
    public NetworkDivergence(ScoreNetwork network, Trace trace) {
        this(network, trace, network.fusedTrace());
    }

    /** The divergence on the generic autodiff path whatever the kernel (the reference of the fused one). */
    public static NetworkDivergence generic(ScoreNetwork network, Trace trace) {
        return new NetworkDivergence(network, trace, false);
    }

    private NetworkDivergence(ScoreNetwork network, Trace trace, boolean fused) {
        if (!(network.conditioning() instanceof Conditioning.Time t)) {
            throw new IllegalArgumentException("the likelihood needs a time-conditioned score network (a score SDE "
                    + "model), this one is conditioned by " + network.conditioning());
        }
        this.spec = network.spec();
        this.params = MlpModel.lift(network.params().map(p -> p.astype(DType.F64)));
        this.time = t;
        this.trace = trace;
        this.dim = network.dim();
        this.network = network;
        this.fused = fused;
    }

    /**
     * The score s = net([x, e(t)]) / σ(t) (float, [count, d]) and the divergence (double, [count]) of the batch:
     * one fused pass when the network has a fused trace, else {@code network.timeConditional()} and the generic
     * divergence. x is given as float (xf) and double (xd), the same values; modifies s and tr.
     */
    public void scoreAndDivergence(int count, int[] ids, double[] t, float[] xf, double[] xd, int d, float[] s,
                                   double[] tr) {
        if (fused) {
            fusedDivergence(count, ids, t, xf, d, s, tr);
        } else {
            network.timeConditional().score(xf, t, 0, count, d, s);
            divergence(count, ids, t, xd, d, tr);
        }
    }

    private void fusedDivergence(int count, int[] ids, double[] t, float[] xf, int d, float[] s, double[] tr) {
        if (d != dim) {
            throw new IllegalArgumentException("divergence called with d=" + d + " for a model of dim " + dim);
        }
        boolean exact = trace.kind() == Trace.Kind.EXACT;
        int m = exact ? d : trace.probes();
        float[] v = new float[count * m * d];
        double[] probe = new double[d];
        for (int i = 0; i < count; i++) {
            for (int q = 0; q < m; q++) {
                int o = (i * m + q) * d;
                if (exact) {
                    v[o + q] = 1f;
                } else {
                    trace.probe(ids[i], q, d, probe, 0);
                    for (int j = 0; j < d; j++) {
                        v[o + j] = (float) probe[j];
                    }
                }
            }
        }
        network.timeConditionalWithTrace(xf, t, count, v, m, s, tr);
        if (!exact) {
            for (int i = 0; i < count; i++) {
                tr[i] /= m;
            }
        }
    }

    @Override
    public void divergence(int count, int[] ids, double[] t, double[] x, int d, double[] out) {
        if (d != dim) {
            throw new IllegalArgumentException("divergence called with d=" + d + " for a model of dim " + dim);
        }
        if (fused) {
            float[] xf = new float[count * d];
            for (int i = 0; i < count * d; i++) {
                xf[i] = (float) x[i];
            }
            fusedDivergence(count, ids, t, xf, d, new float[count * d], out);
            return;
        }
        int w = d + time.embedding().size();
        double[] in = new double[count * w];
        float[] e = new float[time.embedding().size()];
        for (int i = 0; i < count; i++) {
            System.arraycopy(x, i * d, in, i * w, d);
            time.embedding().embed(t[i], e, 0);
            for (int q = 0; q < e.length; q++) {
                in[i * w + d + q] = e[q];
            }
        }
        Var input = Var.leaf(Tensor.wrap(in, count, w));
        Var net = MlpModel.apply(spec, params, input);
        double[] acc = new double[count];
        int directions = trace.kind() == Trace.Kind.EXACT ? d : trace.probes();
        double[] v = new double[count * d];
        for (int q = 0; q < directions; q++) {
            directions(q, count, ids, d, v);
            double[] tangent = new double[count * w];
            for (int i = 0; i < count; i++) {
                System.arraycopy(v, i * d, tangent, i * w, d);
            }
            Var jv = Autodiff.jvp(net, List.of(input), List.of(Var.leaf(Tensor.wrap(tangent, count, w))));
            double[] jvp = jv.value().toDoubleArray();
            for (int i = 0; i < count; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += v[i * d + j] * jvp[i * d + j];
                }
                acc[i] += dot;
            }
        }
        for (int i = 0; i < count; i++) {
            double scale = trace.kind() == Trace.Kind.EXACT ? 1 : trace.probes();
            out[i] = acc[i] / scale / time.sde().marginalStd(t[i]);
        }
    }

    /** Direction q of every row: the unit vector e_q (exact) or probe q of the row (Hutchinson). */
    private void directions(int q, int count, int[] ids, int d, double[] v) {
        for (int i = 0; i < count; i++) {
            if (trace.kind() == Trace.Kind.EXACT) {
                java.util.Arrays.fill(v, i * d, (i + 1) * d, 0.0);
                v[i * d + q] = 1.0;
            } else {
                trace.probe(ids[i], q, d, v, i * d);
            }
        }
    }
}
