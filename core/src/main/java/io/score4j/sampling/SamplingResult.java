package io.score4j.sampling;

import io.score4j.tensor.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * Output of a Langevin-type sampler.
 *
 * @param samples the final particles, F32 tensor of shape [n, d]
 * @param history states after steps k, 2k, 3k, … (k = thinning, counted over all steps of all levels),
 *                each an F32 [n, d] tensor; empty when thinning is 0 (like {@code lax.scan}'s stacked output)
 */
public record SamplingResult(Tensor samples, List<Tensor> history) {
    public SamplingResult {
        Objects.requireNonNull(samples, "samples");
        if (samples.rank() != 2) {
            throw new IllegalArgumentException("samples must have shape [n, d], got rank " + samples.rank());
        }
        history = List.copyOf(history);
    }
}
