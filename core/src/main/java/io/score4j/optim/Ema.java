package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exponential moving average of the parameters with warm-up (score_sde's {@code ExponentialMovingAverage}):
 * ema_0 = θ_0 and, after the n-th update (n = 1, 2, …) has made the parameters θ_n,
 *
 * <pre>  d_n = min(decay, (1 + n)/(10 + n)),   ema_n = d_n·ema_{n−1} + (1 − d_n)·θ_n</pre>
 *
 * computed in double per element and rounded to the leaf's precision. As a transformation it passes its
 * incoming updates through unchanged and reads θ_n = params + updates, so it goes last in a
 * {@link Optimizers#chain chain}: the EMA then lives in the optimizer state, is checkpointed with it and is
 * resumed bit for bit. State names: {@code ema.count} (F64 scalar), {@code ema.value.<param>}.
 *
 * @param decay the largest d_n, in (0, 1)
 */
record Ema(double decay) implements Optimizer<EmaState> {
    static final String COUNT = "ema.count";
    static final String VALUE = "ema.value.";

    Ema {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay must be in (0, 1), got " + decay);
        }
    }

    /** d_n = min(decay, (1 + n)/(10 + n)) for the n-th update (n ≥ 1). */
    double decayAt(long n) {
        return Math.min(decay, (1.0 + n) / (10.0 + n));
    }

    @Override
    public EmaState init(Params params) {
        return new EmaState(0, params);
    }

    /** The state after one more update that made the parameters {@code theta} (nothing is modified). */
    EmaState track(EmaState state, Params theta) {
        Leaves.checkLike("ema", state.ema(), theta);
        long n = state.count() + 1;
        double dn = decayAt(n);
        List<String> names = theta.names();
        Tensor[] out = new Tensor[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = mix(state.ema().get(names.get(k)), theta.get(names.get(k)), dn);
        }
        return new EmaState(n, Leaves.build(names, out));
    }

    private static Tensor mix(Tensor ema, Tensor theta, double dn) {
        if (theta.dtype() == DType.F32) {
            float[] e = ema.data32();
            float[] t = theta.data32();
            float[] o = new float[t.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = (float) (dn * e[i] + (1 - dn) * t[i]);
            }
            return Tensor.wrap(o, theta.shape());
        }
        double[] e = ema.data64();
        double[] t = theta.data64();
        double[] o = new double[t.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = dn * e[i] + (1 - dn) * t[i];
        }
        return Tensor.wrap(o, theta.shape());
    }

    @Override
    public Update<EmaState> update(Params updates, EmaState state, Params params) {
        return new Update<>(updates, track(state, Optimizers.applyUpdates(params, updates)));
    }

    @Override
    public Map<String, Tensor> stateTensors(EmaState state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(COUNT, Tensor.scalar(DType.F64, state.count()));
        Leaves.put(out, VALUE, state.ema());
        return out;
    }

    @Override
    public EmaState restoreState(Map<String, Tensor> tensors, Params params) {
        double count = Leaves.require(tensors, COUNT).item();
        if (!(count >= 0) || count != Math.rint(count) || count > 0x1p53) {
            throw new IllegalArgumentException("state tensor '" + COUNT + "' must hold a whole number >= 0, got " + count);
        }
        return new EmaState((long) count, Leaves.read(tensors, VALUE, params));
    }
}
