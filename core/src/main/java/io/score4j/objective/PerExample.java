package io.score4j.objective;

import io.score4j.nn.LossAndGrad;
import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-example losses ℓ_b ({@code losses[b]}, length B) and gradients, stacked as JAX's
 * {@code vmap} stacks them: each leaf of {@code grads} has shape [B, …parameter shape] and holds
 * example b's gradient at leading index b.
 */
public record PerExample(double[] losses, Params grads) {
    public PerExample {
        if (losses == null || losses.length == 0) {
            throw new IllegalArgumentException("losses must hold at least one value, got "
                    + (losses == null ? "null" : "length 0"));
        }
        if (grads == null) {
            throw new IllegalArgumentException("grads must not be null");
        }
        for (var e : grads.asMap().entrySet()) {
            Tensor g = e.getValue();
            if (g.rank() < 1 || g.dim(0) != losses.length) {
                throw new IllegalArgumentException("grads '" + e.getKey() + "' has shape "
                        + Arrays.toString(g.shape()) + ", expected leading axis " + losses.length);
            }
        }
        losses = losses.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** Number of examples B. */
    public int batchSize() {
        return losses.length;
    }

    /** Example {@code b}'s gradient, with the parameters' shapes. */
    public Params grad(int b) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        grads.asMap().forEach((k, g) -> {
            int[] s = g.shape();
            int n = g.size() / s[0];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = g.get(b * n + i);
            }
            out.put(k, Tensor.wrap(v, Arrays.copyOfRange(s, 1, s.length)).astype(g.dtype()));
        });
        return Params.of(out);
    }

    /** The mean loss and mean gradient over the examples (accumulated in double, then rounded to the dtype). */
    public LossAndGrad mean() {
        int b = losses.length;
        double loss = 0;
        for (double l : losses) {
            loss += l;
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        grads.asMap().forEach((k, g) -> out.put(k, meanOverAxis0(g, b)));
        return new LossAndGrad(loss / b, Params.of(out));
    }

    private static Tensor meanOverAxis0(Tensor g, int b) {
        int[] s = g.shape();
        int n = g.size() / b;
        double[] acc = new double[n];
        for (int e = 0; e < b; e++) {
            for (int i = 0; i < n; i++) {
                acc[i] += g.get(e * n + i);
            }
        }
        for (int i = 0; i < n; i++) {
            acc[i] /= b;
        }
        DType dt = g.dtype();
        return Tensor.wrap(acc, Arrays.copyOfRange(s, 1, s.length)).astype(dt);
    }
}
