package io.score4j.bench;

import io.score4j.InputException;
import java.util.Locale;

/** A timed phase of {@link BenchPhases}: its name on the command line is the constant's, lower case, '-' for '_'. */
public enum BenchPhase {
    TRAIN, TRAIN_GENERIC, SCORE, LANGEVIN, LANGEVIN_FUSED, PIPELINE, SCORE_TIME, SCORE_DIV;

    /** The phase named {@code s} (case-insensitive, surrounding blanks ignored); an unknown name is an {@link InputException}. */
    public static BenchPhase parse(String s) {
        for (BenchPhase p : values()) {
            if (p.label().equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        throw new InputException("--phases: unknown phase '" + s + "' (use train, train-generic, score, langevin, langevin-fused, pipeline, score-time, score-div)");
    }

    /** The phase's name as written on the command line and in results: {@code train-generic}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
