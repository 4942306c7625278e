package io.score4j.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.score4j.InputException;
import io.score4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON file of a {@link GaussianCopula}:
 * <pre>{@code
 * {"format": "score4j-gaussian-copula", "version": 1, "rows": n,
 *  "columns": [{"name": "age", "kind": "continuous", "values": [ …K knots ]},
 *              {"name": "smoker", "kind": "discrete", "values": [0, 1], "levels": [0.7, 1]}, …],
 *  "correlation": [[1, r01, …], …]}
 * }</pre>
 * A continuous column's levels are k/(K − 1) and not written. Numbers are written in Java's shortest
 * round-trip form, so a model read back is equal to the one written and the same model always gives
 * the same bytes. Bounded: at most {@value Marginal#MAX_KNOTS} knots per column (checked before any array
 * is built) and files of at most {@value #MAX_BYTES} bytes.
 */
public final class CopulaJson {
    /** The {@code format} field. */
    public static final String FORMAT = "score4j-gaussian-copula";
    /** Largest file read: 64 MiB. */
    static final long MAX_BYTES = 64L << 20;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private CopulaJson() {}

    /** Writes {@code copula} to {@code file} atomically (a temporary file renamed into place). */
    public static void write(Path file, GaussianCopula copula) {
        AtomicFiles.writeString(file, toJson(copula));
    }

    /** The JSON text, ending with a line break. */
    public static String toJson(GaussianCopula copula) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("rows", copula.rows());
        ArrayNode cols = root.putArray("columns");
        for (int j = 0; j < copula.d(); j++) {
            Marginal m = copula.marginals().get(j);
            ObjectNode c = cols.addObject();
            c.put("name", copula.columns().get(j));
            c.put("kind", m.discrete() ? "discrete" : "continuous");
            ArrayNode values = c.putArray("values");
            for (double v : m.values()) {
                values.add(v);
            }
            if (m.discrete()) {
                ArrayNode levels = c.putArray("levels");
                for (double v : m.levels()) {
                    levels.add(v);
                }
            }
        }
        ArrayNode corr = root.putArray("correlation");
        double[] r = copula.correlation();
        int d = copula.d();
        for (int j = 0; j < d; j++) {
            ArrayNode row = corr.addArray();
            for (int k = 0; k < d; k++) {
                row.add(r[j * d + k]);
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("copula is not serialisable", e);
        }
    }

    /**
     * Reads a copula file.
     *
     * @throws InputException naming the file and what is wrong: missing, too large, malformed, or not a valid copula
     */
    public static GaussianCopula read(Path file) {
        String source = String.valueOf(file);
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(source + ": is a directory, expected a copula JSON file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(source + ": larger than " + MAX_BYTES + " bytes; not a copula file");
            }
            return parse(MAPPER.readTree(file.toFile()), source);
        } catch (NoSuchFileException e) {
            throw new InputException(source + ": no such file");
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The copula in a parsed JSON tree; {@code source} names it in messages. */
    static GaussianCopula parse(JsonNode root, String source) {
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())
                || root.path("version").asInt(-1) != 1) {
            throw new InputException(source + ": not a copula file (expected \"format\": \"" + FORMAT + "\", version 1)");
        }
        JsonNode cols = root.path("columns");
        JsonNode corr = root.path("correlation");
        if (!cols.isArray() || cols.isEmpty() || !corr.isArray() || corr.size() != cols.size()
                || !root.path("rows").canConvertToInt()) {
            throw new InputException(source + ": needs a non-empty \"columns\" array, an integer \"rows\" and a "
                    + "\"correlation\" with one row per column");
        }
        int d = cols.size();
        List<String> names = new ArrayList<>();
        List<Marginal> marginals = new ArrayList<>();
        double[] r = new double[d * d];
        try {
            for (int j = 0; j < d; j++) {
                JsonNode c = cols.get(j);
                names.add(c.path("name").asText(""));
                marginals.add(marginal(c, source + ": column " + (j + 1)));
                double[] row = numbers(corr.get(j), d, source + ": correlation row " + (j + 1));
                if (row.length != d) {
                    throw new InputException(source + ": correlation row " + (j + 1) + " has " + row.length
                            + " entries, expected " + d);
                }
                System.arraycopy(row, 0, r, j * d, d);
            }
            return new GaussianCopula(names, marginals, r, root.path("rows").asInt());
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": " + e.getMessage(), e);
        }
    }

    private static Marginal marginal(JsonNode c, String where) {
        String kind = c.path("kind").asText("");
        if (!kind.equals("discrete") && !kind.equals("continuous")) {
            throw new InputException(where + ": \"kind\" must be discrete or continuous, got '" + kind + "'");
        }
        double[] values = numbers(c.path("values"), Marginal.MAX_KNOTS, where + " values");
        if (kind.equals("discrete")) {
            return new Marginal(true, values, numbers(c.path("levels"), Marginal.MAX_KNOTS, where + " levels"));
        }
        double[] levels = new double[values.length];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = k == levels.length - 1 ? 1.0 : (double) k / (levels.length - 1);
        }
        return new Marginal(false, values, levels);
    }

    private static double[] numbers(JsonNode a, int max, String where) {
        if (a == null || !a.isArray() || a.size() > max) {
            throw new InputException(where + ": expected an array of at most " + max + " numbers");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new InputException(where + ": entry " + (i + 1) + " is not a number");
            }
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
