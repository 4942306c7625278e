package io.score4j.bench;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.tensor.Activation;
import io.score4j.train.ObjectiveKind;
import java.util.Objects;

/**
 * What {@link BenchPhases} times: the network (hidden widths, activation), the data dimension D and
 * training batch, the train phase's objective and steps per run, the particles and Langevin steps of
 * the score and Langevin phases, the timed runs per phase and the {@link Parallelism} the phases run on.
 * Sizes must be ≥ 1; a violation is an {@link InputException} naming the flag.
 */
public record BenchSettings(int[] hidden, Activation activation, int batch, int dim, ObjectiveKind objective,
                            int steps, int particles, int langevinSteps, int runs, Parallelism parallelism) {
    public BenchSettings {
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(parallelism, "parallelism");
        InputException.require(!objective.timeConditional(), "--objective", objective.id(),
                "is not benchmarked: the bench's sampling phases run Langevin chains, which a dsm model does not use");
        hidden = hidden.clone();
        for (int h : hidden) {
            InputException.require(h >= 1, "--hidden", h, "must be >= 1");
        }
        for (int v : new int[] {runs, batch, dim, steps, particles, langevinSteps}) {
            InputException.require(v >= 1, "bench sizes", v, "must all be >= 1");
        }
    }

    /** The hidden widths (a copy). */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }
}
