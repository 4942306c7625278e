package io.score4j.train;

import io.score4j.nn.MlpSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training objectives a user can pick by name, each turned into a {@link BatchLoss}.
 * Exact score matching uses the fused MLP kernel when the fused kernel supports the network and
 * the generic autodiff path otherwise; both compute the same loss (a test holds them together).
 */
public enum ObjectiveKind {
    /** Hyvärinen: ½‖s‖² + tr ∂s/∂x; O(D) passes for the trace (O(1) in the fused one-hidden-layer kernel). */
    EXACT("exact");

    private final String id;

    ObjectiveKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every objective's command-line name. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (ObjectiveKind k : values()) {
            out.add(k.id);
        }
        return out;
    }

    /** Parses a command-line name (case-insensitive); throws naming the allowed values. */
    public static ObjectiveKind parse(String s) {
        for (ObjectiveKind k : values()) {
            if (k.id.equals(s.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + s + "' (use " + String.join(", ", names()) + ")");
    }

    /**
     * The batch loss of this objective for a network {@code spec} on data of dimension {@code d}.
     *
     * @param threads worker threads for the fused kernel (results do not depend on it)
     */
    public BatchLoss loss(MlpSpec spec, int d, ObjectiveOptions options, int threads) {
        switch (this) {
            case EXACT:
            default:
                return ExactLoss.of(spec, d, threads);
        }
    }

}
