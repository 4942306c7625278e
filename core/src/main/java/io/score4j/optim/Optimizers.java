package io.score4j.optim;

import io.score4j.nn.Params;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;

/**
 * Factories for the built-in {@link Optimizer}s (optax aliases and transformations) and
 * {@link #applyUpdates}.
 *
 * <pre>{@code
 * Optimizer<ChainState> opt = Optimizers.chain(Optimizers.clipByGlobalNorm(1.0), Optimizers.adam(1e-3));
 * }</pre>
 */
public final class Optimizers {
    private Optimizers() {}

    /**
     * p + u per leaf, elementwise in the leaf's precision; returns fresh tensors, modifies nothing.
     * Both trees must have the same names, shapes and dtypes.
     */
    public static Params applyUpdates(Params params, Params updates) {
        Leaves.checkLike("update", updates, params);
        return params.zip(updates, Optimizers::add);
    }

    private static Tensor add(Tensor p, Tensor u) {
        if (p.dtype() == DType.F32) {
            float[] a = p.data32();
            float[] b = u.data32();
            float[] o = new float[a.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = a[i] + b[i];
            }
            return Tensor.wrap(o, p.shape());
        }
        double[] a = p.data64();
        double[] b = u.data64();
        double[] o = new double[a.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] + b[i];
        }
        return Tensor.wrap(o, p.shape());
    }

    /** Plain SGD: u = −lr·g (as {@code torch.optim.SGD}: {@code p.add_(g, alpha=−lr)}). lr finite, > 0. */
    public static Optimizer<EmptyState> sgd(double lr) {
        checkRate(lr);
        return new Scale(-lr);
    }

    /** SGD with momentum μ ∈ [0, 1): t ← μ·t + g, u = −lr·t (torch semantics, no dampening). */
    public static Optimizer<TraceState> sgd(double lr, double momentum) {
        return new Momentum(lr, momentum);
    }

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (the torch and optax defaults). */
    public static Optimizer<AdamState> adam(double lr) {
        return adam(lr, 0.9, 0.999, 1e-8);
    }

    /**
     * Adam (Kingma &amp; Ba) with bias correction, t = count + 1:
     * <pre>
     *   m ← β₁·m + (1−β₁)·g;   v ← β₂·v + ((1−β₂)·g)·g
     *   u = (−lr/(1−β₁ᵗ) · m) / (sqrt(v)/sqrt(1−β₂ᵗ) + ε)     (= −lr · m̂ / (sqrt(v̂) + ε))
     * </pre>
     * in torch.optim.Adam's single-tensor evaluation order, scalars rounded to the leaf's precision; torch
     * ≥ 2.0 computes m as m + (1−β₁)(g − m) ({@code lerp_}), which may differ from this in the last bit.
     * lr finite, &gt; 0; β ∈ [0, 1); ε ≥ 0. State: {@link AdamState}.
     */
    public static Optimizer<AdamState> adam(double lr, double b1, double b2, double eps) {
        checkRate(lr);
        return new Adam(-lr, b1, b2, eps);
    }

    /** optax {@code scale_by_adam} with default β₁ = 0.9, β₂ = 0.999, ε = 1e-8: u = m̂ / (sqrt(v̂) + ε). */
    public static Optimizer<AdamState> scaleByAdam() {
        return scaleByAdam(0.9, 0.999, 1e-8);
    }

    /** optax {@code scale_by_adam}: u = m̂ / (sqrt(v̂) + ε), no learning rate, no sign flip. */
    public static Optimizer<AdamState> scaleByAdam(double b1, double b2, double eps) {
        return new Adam(1.0, b1, b2, eps);
    }

    /**
     * u = factor·g (optax {@code scale}). To descend with a learning rate pass −lr, as in
     * {@code chain(scaleByAdam(), scale(-lr))}.
     */
    public static Optimizer<EmptyState> scale(double factor) {
        return new Scale(factor);
    }

    /** Rescales all updates together so their global L2 norm is at most {@code maxNorm} (> 0). */
    public static Optimizer<EmptyState> clipByGlobalNorm(double maxNorm) {
        return new ClipByGlobalNorm(maxNorm);
    }

    /** Applies {@code parts} in order, each to the previous part's updates; state is a {@link ChainState}. */
    public static Optimizer<ChainState> chain(Optimizer<?>... parts) {
        return new Chain(parts);
    }

    /**
     * An exponential moving average of the parameters with score_sde's warm-up, d_n = min(decay, (1+n)/(10+n))
     * (see {@link Ema}): updates pass through unchanged, so put it last in a {@link #chain}. decay in (0, 1).
     */
    public static Optimizer<EmaState> ema(double decay) {
        return new Ema(decay);
    }

    /** The EMA of the parameters held by the first {@link #ema} part of a chain's state, or null when it has none. */
    public static Params emaParams(ChainState state) {
        for (Object s : state.states()) {
            if (s instanceof EmaState e) {
                return e.ema();
            }
        }
        return null;
    }

    static void checkRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + lr);
        }
    }
}
