package io.score4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.InputException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's grid: a JSON object whose keys are training settings and whose values are lists of choices (a scalar is
 * one choice); every combination is one run, the first key varying slowest. Keys: objective, hidden (a width or a
 * list of widths per choice: {@code [32, 64]} is two one-layer choices, {@code [[64, 64]]} one two-layer choice),
 * activation, lr, clip, epochs, batch, seed, sigma (denoising), projections (sliced), levels and sigma_min (ncsn,
 * whose largest σ is the training rows' diameter). Unset keys take {@link SweepTask}'s defaults.
 */
public final class SweepGrid {
    /** The keys a grid may use. */
    public static final Set<String> KEYS = Set.of("objective", "hidden", "activation", "lr", "clip", "epochs", "batch",
            "seed", "sigma", "projections", "levels", "sigma_min");
    /** At most this many runs in one sweep. */
    public static final int MAX_RUNS = 10_000;

    private SweepGrid() {}

    /** One run's settings: key → the choice's JSON value, in the grid's key order. */
    public record Setting(int index, LinkedHashMap<String, JsonNode> values) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Reads and expands the grid in {@code file}. */
    public static List<Setting> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException("--grid " + file + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")", e);
        }
        return expand(root, "--grid " + file);
    }

    /** Expands a parsed grid; {@code where} names it in errors. */
    static List<Setting> expand(JsonNode root, String where) {
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new InputException(where + ": expected a JSON object of settings, e.g. {\"lr\": [0.001, 0.003]}");
        }
        Map<String, List<JsonNode>> choices = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KEYS.contains(e.getKey())) {
                throw new InputException(where + ": unknown setting '" + e.getKey() + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            List<JsonNode> list = new ArrayList<>();
            e.getValue().forEach(list::add);
            if (!e.getValue().isArray()) {
                list = List.of(e.getValue());
            }
            if (list.isEmpty()) {
                throw new InputException(where + ": setting '" + e.getKey() + "' has no choices");
            }
            choices.put(e.getKey(), list);
        }
        long runs = 1;
        for (List<JsonNode> l : choices.values()) {
            runs *= l.size();
            if (runs > MAX_RUNS) {
                throw new InputException(where + ": more than " + MAX_RUNS + " combinations");
            }
        }
        List<Setting> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(choices.keySet());
        for (int r = 0; r < runs; r++) {
            LinkedHashMap<String, JsonNode> v = new LinkedHashMap<>();
            int rest = r;
            for (int k = keys.size() - 1; k >= 0; k--) {
                List<JsonNode> l = choices.get(keys.get(k));
                v.put(keys.get(k), l.get(rest % l.size()));
                rest /= l.size();
            }
            LinkedHashMap<String, JsonNode> ordered = new LinkedHashMap<>();
            keys.forEach(k -> ordered.put(k, v.get(k)));
            out.add(new Setting(r, ordered));
        }
        return out;
    }
}
