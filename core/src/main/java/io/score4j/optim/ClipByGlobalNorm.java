package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Map;

/**
 * Rescales the whole update tree so its global L2 norm ‖g‖ = sqrt(Σ g²) (over all leaves) is at most
 * {@code maxNorm}: u = g if ‖g‖ ≤ maxNorm, else g · (maxNorm / ‖g‖) (optax {@code clip_by_global_norm},
 * without torch's +1e-6 in the denominator, so the clipped norm equals maxNorm up to rounding).
 * The norm is accumulated in double. Stateless.
 */
record ClipByGlobalNorm(double maxNorm) implements Optimizer<EmptyState> {
    ClipByGlobalNorm {
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
        }
    }

    @Override
    public EmptyState init(Params params) {
        return EmptyState.INSTANCE;
    }

    @Override
    public Update<EmptyState> update(Params grads, EmptyState state, Params params) {
        Leaves.checkLike("grad", grads, params);
        double norm = Math.sqrt(Leaves.sumOfSquares(grads));
        if (norm <= maxNorm) {
            return new Update<>(grads, EmptyState.INSTANCE);
        }
        double factor = maxNorm / norm;
        return new Update<>(grads.map(g -> scaledExact(g, factor)), EmptyState.INSTANCE);
    }

    /** Like {@link Leaves#scaled} but multiplies in double before rounding F32, so the norm lands closer. */
    private static Tensor scaledExact(Tensor g, double factor) {
        if (g.dtype() == DType.F64) {
            return Leaves.scaled(g, factor);
        }
        float[] a = g.data32();
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = (float) (a[i] * factor);
        }
        return Tensor.wrap(o, g.shape());
    }

    @Override
    public Map<String, Tensor> stateTensors(EmptyState state) {
        return Map.of();
    }

    @Override
    public EmptyState restoreState(Map<String, Tensor> tensors, Params params) {
        return EmptyState.INSTANCE;
    }
}
