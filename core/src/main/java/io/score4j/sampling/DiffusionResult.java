package io.score4j.sampling;

import io.score4j.tensor.Tensor;
import java.util.Objects;

/**
 * Output of a reverse-SDE sampler ({@link ReverseDiffusion}).
 *
 * @param samples the final particles (the last step's noise-free mean), F32 tensor of shape [n, d]
 * @param nfe     score evaluations per particle (the number of batched score calls score_sde counts):
 *                N for Euler–Maruyama, N·(1 + corrector steps) for predictor–corrector
 */
public record DiffusionResult(Tensor samples, long nfe) {
    public DiffusionResult {
        Objects.requireNonNull(samples, "samples");
        if (samples.rank() != 2) {
            throw new IllegalArgumentException("samples must have shape [n, d], got rank " + samples.rank());
        }
        if (nfe < 0) {
            throw new IllegalArgumentException("nfe must be >= 0, got " + nfe);
        }
    }
}
