package io.score4j.density;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.score4j.InputException;
import java.util.Iterator;
import java.util.Set;

/**
 * JSON form of a {@link GaussianMixture}: {@code {"weights":[…K],"means":[[…D]…K],"stds":[[…D]…K]}}.
 * Numbers may start with a decimal point ({@code .5}). Otherwise strict: unknown or duplicate fields, trailing content and non-numeric entries are errors, so a typo
 * such as {@code "std"} is reported rather than ignored.
 */
final class MixtureJson {
    private static final Set<String> FIELDS = Set.of("weights", "means", "stds");
    private static final int MAX_MESSAGE = 200;
    /** Thread-safe once configured; holds no random state. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private MixtureJson() {}

    static GaussianMixture parse(String json, String sourceName) {
        String source = sourceName == null ? "<mixture json>" : sourceName;
        if (json == null) {
            throw new InputException(source + ": no JSON text given");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": malformed JSON: " + describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source + ": expected a JSON object with fields weights, means, stds; got "
                    + kind(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new InputException(source + ": unknown field '" + oneLine(name)
                        + "' (expected weights, means, stds)");
            }
        }
        double[] w = vector(field(root, "weights", source), "weights", source);
        double[][] m = matrix(field(root, "means", source), "means", source);
        double[][] s = matrix(field(root, "stds", source), "stds", source);
        try {
            return new GaussianMixture(w, m, s);
        } catch (InputException e) {
            throw new InputException(source + ": " + e.getMessage(), e);
        }
    }

    static String write(GaussianMixture g) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode w = root.putArray("weights");
        ArrayNode m = root.putArray("means");
        ArrayNode s = root.putArray("stds");
        for (int c = 0; c < g.components(); c++) {
            w.add(g.weight(c));
            ArrayNode mr = m.addArray();
            ArrayNode sr = s.addArray();
            for (int j = 0; j < g.dim(); j++) {
                mr.add(g.mean(c, j));
                sr.add(g.std(c, j));
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a mixture", e);
        }
    }

    private static JsonNode field(JsonNode root, String name, String source) {
        JsonNode node = root.get(name);
        if (node == null) {
            throw new InputException(source + ": missing field '" + name + "'");
        }
        return node;
    }

    private static double[][] matrix(JsonNode node, String name, String source) {
        if (!node.isArray()) {
            throw new InputException(source + ": field '" + name + "' must be an array of arrays of numbers, got "
                    + kind(node));
        }
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(node.get(i), name + "[" + i + "]", source);
        }
        return out;
    }

    private static double[] vector(JsonNode node, String name, String source) {
        if (!node.isArray()) {
            throw new InputException(source + ": field '" + name + "' must be an array of numbers, got " + kind(node));
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber()) {
                throw new InputException(source + ": field '" + name + "[" + i + "]' must be a number, got "
                        + kind(v));
            }
            out[i] = v.doubleValue();
        }
        return out;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "no value";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return oneLine(msg) + where;
    }

    /** Collapses control characters and caps the length so messages stay on one short line. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_MESSAGE) + 3);
        for (int i = 0; i < s.length() && b.length() < MAX_MESSAGE; i++) {
            char ch = s.charAt(i);
            b.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        if (s.length() > MAX_MESSAGE) {
            b.append("...");
        }
        return b.toString();
    }
}
