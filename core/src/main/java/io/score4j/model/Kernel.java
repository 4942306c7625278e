package io.score4j.model;

import io.score4j.fused.DeepMlp;
import io.score4j.fused.FusedMlp;
import io.score4j.nn.MlpSpec;

/**
 * Which implementation evaluates a network: the one place where score4j chooses between its fused kernels
 * and the generic autodiff/forward path, for scoring, sampling and training alike.
 */
public enum Kernel {
    /** {@link FusedMlp}: plain [D, H, D] networks (scores, the exact-SM loss and the fused Langevin chain). */
    FUSED_ONE_HIDDEN_LAYER,
    /** {@link DeepMlp} and its losses: every other network they support, noise-conditional ones included. */
    FUSED_DEEP,
    /** The generic forward pass / autodiff objectives: any MLP. */
    GENERIC;

    /**
     * The kernel that scores (and samples) a network: the one-hidden-layer kernel for an unconditioned
     * network it supports, else the deep kernel where it applies, else the generic forward pass.
     */
    public static Kernel scoring(MlpSpec spec, Conditioning conditioning) {
        if (conditioning instanceof Conditioning.None && FusedMlp.supports(spec)) {
            return FUSED_ONE_HIDDEN_LAYER;
        }
        return DeepMlp.supports(spec) ? FUSED_DEEP : GENERIC;
    }

    /**
     * The kernel that trains a network: exact score matching has a fused loss for the one-hidden-layer case
     * only; the other objectives (denoising, ncsn, sliced) have fused losses on the deep kernel.
     *
     * @param exactObjective whether the objective is exact score matching
     */
    public static Kernel training(MlpSpec spec, boolean exactObjective) {
        if (exactObjective) {
            return FusedMlp.supports(spec) ? FUSED_ONE_HIDDEN_LAYER : GENERIC;
        }
        return DeepMlp.supports(spec) ? FUSED_DEEP : GENERIC;
    }
}
