package io.score4j.sampling;

import io.score4j.tensor.Tensor;
import java.util.Objects;

/**
 * Output of {@link Mala}.
 *
 * @param samples        final particles, F64 tensor [n, d]
 * @param acceptanceRate accepted proposals / (n·steps), in [0, 1] (0 when no step was taken)
 */
public record MalaResult(Tensor samples, double acceptanceRate) {
    public MalaResult {
        Objects.requireNonNull(samples, "samples");
        if (!(acceptanceRate >= 0 && acceptanceRate <= 1)) {
            throw new IllegalArgumentException("acceptanceRate must be in [0, 1], got " + acceptanceRate);
        }
    }
}
