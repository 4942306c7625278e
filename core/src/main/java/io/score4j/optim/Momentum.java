package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGD with heavy-ball momentum, as {@code torch.optim.SGD(momentum=μ)} (no dampening, not Nesterov)
 * and optax {@code sgd(lr, momentum)}: t ← μ·t + g, u = −lr·t. The first step has t = g.
 * State names: {@code sgd.trace.<param>}.
 */
record Momentum(double lr, double momentum) implements Optimizer<TraceState> {
    static final String PREFIX = "sgd.trace.";

    Momentum {
        Optimizers.checkRate(lr);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public TraceState init(Params params) {
        return new TraceState(Leaves.zerosLike(params));
    }

    @Override
    public Update<TraceState> update(Params grads, TraceState state, Params params) {
        Leaves.checkLike("grad", grads, params);
        Leaves.checkLike("trace", state.trace(), params);
        List<String> names = params.names();
        Tensor[] traces = new Tensor[names.size()];
        Tensor[] updates = new Tensor[names.size()];
        for (int k = 0; k < traces.length; k++) {
            Tensor g = grads.get(names.get(k));
            Tensor t = state.trace().get(names.get(k));
            traces[k] = g.dtype() == DType.F32 ? trace32(g, t) : trace64(g, t);
            updates[k] = Leaves.scaled(traces[k], -lr);
        }
        return new Update<>(Leaves.build(names, updates), new TraceState(Leaves.build(names, traces)));
    }

    private Tensor trace32(Tensor g, Tensor t) {
        float[] ga = g.data32();
        float[] ta = t.data32();
        float mu = (float) momentum;
        float[] o = new float[ga.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = mu * ta[i] + ga[i];
        }
        return Tensor.wrap(o, g.shape());
    }

    private Tensor trace64(Tensor g, Tensor t) {
        double[] ga = g.data64();
        double[] ta = t.data64();
        double[] o = new double[ga.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = momentum * ta[i] + ga[i];
        }
        return Tensor.wrap(o, g.shape());
    }

    @Override
    public Map<String, Tensor> stateTensors(TraceState state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Leaves.put(out, PREFIX, state.trace());
        return out;
    }

    @Override
    public TraceState restoreState(Map<String, Tensor> tensors, Params params) {
        return new TraceState(Leaves.read(tensors, PREFIX, params));
    }
}
