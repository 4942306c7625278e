package io.score4j.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.score4j.InputException;
import io.score4j.data.TextCsv;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of a {@link TableSchema}, for a model file's metadata:
 * <pre>{"format":"score4j-table","version":1,"rows":404,"columns":[
 *   {"name":"age","kind":"integer","missing":null,"min":18,"max":90,"decimals":0,"trimmed":false,
 *    "transform":{"type":"steps","values":[18,…],"counts":[3,…]}},
 *   {"name":"income","kind":"continuous","missing":"NA","min":0,"max":1.2E5,"decimals":2,"trimmed":false,
 *    "transform":{"type":"knots","knots":[0,…]}},
 *   {"name":"x","kind":"positive",…,"transform":{"type":"log","shift":0.5,"mean":1.2,"std":0.8}},
 *   {"name":"y","kind":"bounded",…,"transform":{"type":"logit","from":-0.1,"to":10.1,"mean":0,"std":1.7}},
 *   {"name":"city","kind":"categorical","missing":"","text":true,"levels":["Lyon","Paris"],"counts":[9,31]}],
 *  "linked":[{"columns":["age","city"],"tuples":[[18,0],[45,1],…],"counts":[12,30,…]}]}</pre>
 * {@code linked} (absent when no columns link, so such schemas keep their bytes) lists {@link LinkedColumns}: column
 * names in the columns' order, each kept combination (a number's value, a category's level index) and its rows.
 * {@code decimals} −1 means the shortest text that reads back to the same double, {@code trimmed} that
 * trailing zeros are dropped ({@link Precision}); numeric codes of a category carry {@code "text":false} and
 * their {@code decimals} and {@code trimmed}. Doubles are written in the shortest form
 * that reads back exactly, fields in a fixed order: the same schema gives the same bytes.
 *
 * <p>Size: at most {@value ColumnProfile#MAX_LEVELS} knots, steps or levels a column, whatever the rows:
 * a continuous column of 5000 rows stores 1024 knots (about 20 KB), an integer column its distinct values
 * and counts, a category its levels. Reading refuses texts over {@value #MAX_CHARS} characters, unknown
 * or repeated fields, and any value out of its bounds, with one message naming the source, the column and
 * the field.
 */
final class SchemaJson {
    static final String FORMAT = "score4j-table";
    static final int VERSION = 1;
    static final int MAX_CHARS = 64 << 20;
    static final int MAX_COLUMNS = 100_000;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private SchemaJson() {}

    static String write(TableSchema schema) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("rows", schema.rows());
        ArrayNode cols = root.putArray("columns");
        for (ColumnCodec c : schema.columns()) {
            ObjectNode o = cols.addObject();
            o.put("name", c.name()).put("kind", c.kind().id()).put("missing", c.missingToken());
            if (c instanceof NumericColumn n) {
                o.put("min", n.min()).put("max", n.max());
                precision(o, n.precision());
                transform(o.putObject("transform"), n.marginal());
            } else if (c instanceof CategoryColumn k) {
                o.put("text", k.text());
                if (!k.text()) {
                    precision(o, k.precision());
                }
                ArrayNode levels = o.putArray("levels");
                for (String s : k.levels()) {
                    levels.add(s);
                }
                ArrayNode counts = o.putArray("counts");
                for (long x : k.counts()) {
                    counts.add(x);
                }
            }
        }
        if (!schema.links().isEmpty()) {
            ArrayNode linked = root.putArray("linked");
            for (LinkedColumns l : schema.links()) {
                ObjectNode o = linked.addObject();
                ArrayNode names = o.putArray("columns");
                for (int j : l.columns()) {
                    names.add(schema.columns().get(j).name());
                }
                ArrayNode tuples = o.putArray("tuples");
                for (double[] t : l.tuples()) {
                    ArrayNode row = tuples.addArray();
                    for (double x : t) {
                        row.add(x);
                    }
                }
                ArrayNode counts = o.putArray("counts");
                for (long x : l.counts()) {
                    counts.add(x);
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree cannot fail", e);
        }
    }

    private static void precision(ObjectNode o, Precision p) {
        o.put("decimals", p.decimals()).put("trimmed", p.trimmed());
    }

    private static void transform(ObjectNode t, Marginal m) {
        if (m instanceof QuantileMarginal q) {
            t.put("type", q.isSteps() ? "steps" : "knots");
            ArrayNode values = t.putArray(q.isSteps() ? "values" : "knots");
            for (double x : q.values()) {
                values.add(x);
            }
            if (q.isSteps()) {
                ArrayNode counts = t.putArray("counts");
                for (long x : q.counts()) {
                    counts.add(x);
                }
            }
        } else if (m instanceof LogMarginal l) {
            t.put("type", "log").put("shift", l.shift()).put("mean", l.mean()).put("std", l.std());
        } else if (m instanceof LogitMarginal l) {
            t.put("type", "logit").put("from", l.from()).put("to", l.to()).put("mean", l.mean()).put("std", l.std());
        }
    }

    static TableSchema read(String json, String source) {
        return read(json, source, MAX_CHARS);
    }

    /** As {@link #read(String, String)} with a bound of {@code maxChars} characters. */
    static TableSchema read(String json, String source, int maxChars) {
        if (json == null) {
            throw new InputException(source + ": no table schema");
        }
        if (json.length() > maxChars) {
            throw new InputException(source + ": table schema of " + json.length() + " characters, more than the "
                    + maxChars + " allowed");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": malformed table schema JSON: "
                    + ColumnProfile.shown(String.valueOf(e.getOriginalMessage())), e);
        }
        Fields f = new Fields(root, source, "table schema", Set.of("format", "version", "rows", "columns", "linked"));
        if (!FORMAT.equals(f.text("format", false)) || f.integer("version", 1, Integer.MAX_VALUE) != VERSION) {
            throw new InputException(source + ": table schema format must be '" + FORMAT + "' version " + VERSION);
        }
        int rows = (int) f.integer("rows", 1, Integer.MAX_VALUE);
        JsonNode cols = f.array("columns", 1, MAX_COLUMNS);
        List<ColumnCodec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < cols.size(); j++) {
            ColumnCodec c = SchemaColumns.read(cols.get(j), source + ": table schema column " + (j + 1));
            if (!seen.add(c.name())) {
                throw new InputException(source + ": table schema column " + (j + 1) + ": name '"
                        + ColumnProfile.shown(c.name()) + "' repeated");
            }
            out.add(c);
        }
        List<LinkedColumns> links = new ArrayList<>();
        JsonNode linked = root.has("linked") ? f.array("linked", 1, MAX_COLUMNS) : null;
        for (int g = 0; linked != null && g < linked.size(); g++) {
            links.add(linked(linked.get(g), out, source + ": table schema linked group " + (g + 1)));
        }
        try {
            return new TableSchema(out, rows, links);
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": table schema linked groups: " + e.getMessage());
        }
    }

    /** One linked group: column names of numeric columns, tuples of their values within each column's range. */
    private static LinkedColumns linked(JsonNode node, List<ColumnCodec> columns, String where) {
        Fields f = new Fields(node, where, "", Set.of("columns", "tuples", "counts"));
        JsonNode names = f.array("columns", 2, columns.size());
        int[] cols = new int[names.size()];
        for (int a = 0; a < cols.length; a++) {
            String name = names.get(a).isTextual() ? names.get(a).textValue() : null;
            cols[a] = -1;
            for (int j = 0; j < columns.size(); j++) {
                cols[a] = columns.get(j).name().equals(name) && columns.get(j).valueWidth() > 0 ? j : cols[a];
            }
            if (cols[a] < 0 || a > 0 && cols[a] <= cols[a - 1]) {
                throw f.error("columns[" + a + "] must name a column that is not constant, in the columns' order");
            }
        }
        JsonNode tuples = f.array("tuples", 1, ColumnProfile.MAX_LEVELS);
        double[][] values = new double[tuples.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = new Fields(MAPPER.createObjectNode().set("t", tuples.get(k)), where, "", Set.of("t"))
                    .numbers("t", cols.length);
            for (int a = 0; a < cols.length; a++) {
                if (values[k].length != cols.length || !fits(columns.get(cols[a]), values[k][a])) {
                    throw f.error("tuples[" + k + "] must hold " + cols.length + " values, each within its column's "
                            + "range (a category's: a level index)");
                }
            }
        }
        long[] counts = f.counts("counts", values.length);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < LinkedColumns.MIN_COUNT) {
                throw f.error("counts[" + k + "] must be at least " + LinkedColumns.MIN_COUNT);
            }
        }
        return new LinkedColumns(cols, values, counts);
    }

    /** Checked access to an object's fields; every message starts with {@code where}. */
    static final class Fields {
        final JsonNode node;
        final String where;

        Fields(JsonNode node, String source, String what, Set<String> allowed) {
            this.where = source + (what.isEmpty() ? "" : ": " + what);
            if (node == null || !node.isObject()) {
                throw new InputException(where + ": expected a JSON object");
            }
            this.node = node;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new InputException(where + ": unknown field '" + ColumnProfile.shown(name) + "'");
                }
            }
        }

        JsonNode get(String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                throw new InputException(where + ": field '" + name + "' missing");
            }
            return v;
        }

        String text(String name, boolean nullable) {
            JsonNode v = get(name);
            if (nullable && v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw new InputException(where + ": field '" + name + "' must be a string");
            }
            return v.textValue();
        }

        long integer(String name, long min, long max) {
            JsonNode v = get(name);
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < min || v.longValue() > max) {
                throw new InputException(where + ": field '" + name + "' must be a whole number in [" + min + ", "
                        + max + "], got " + ColumnProfile.shown(v.toString()));
            }
            return v.longValue();
        }

        double number(String name) {
            JsonNode v = get(name);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new InputException(where + ": field '" + name + "' must be a finite number, got "
                        + ColumnProfile.shown(v.toString()));
            }
            return v.doubleValue();
        }

        boolean bool(String name) {
            JsonNode v = get(name);
            if (!v.isBoolean()) {
                throw new InputException(where + ": field '" + name + "' must be true or false");
            }
            return v.booleanValue();
        }

        JsonNode array(String name, int minSize, int maxSize) {
            JsonNode v = get(name);
            if (!v.isArray() || v.size() < minSize || v.size() > maxSize) {
                throw new InputException(where + ": field '" + name + "' must be an array of " + minSize + " to "
                        + maxSize + " entries");
            }
            return v;
        }

        double[] numbers(String name, int maxSize) {
            JsonNode a = array(name, 1, maxSize);
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = a.get(i);
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    throw new InputException(where + ": " + name + "[" + i + "] must be a finite number");
                }
                out[i] = v.doubleValue();
            }
            return out;
        }

        long[] counts(String name, int size) {
            JsonNode a = array(name, size, size);
            long[] out = new long[size];
            for (int i = 0; i < size; i++) {
                JsonNode v = a.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 1
                        || v.longValue() > Integer.MAX_VALUE) {
                    throw new InputException(where + ": " + name + "[" + i + "] must be a whole number in [1, "
                            + Integer.MAX_VALUE + "]");
                }
                out[i] = v.longValue();
            }
            return out;
        }

        /** Throws with this object's location. */
        InputException error(String problem) {
            return new InputException(where + ": " + problem);
        }
    }

    /** Whether v is a value of column c: within a number's [min, max], or a whole level index of a category. */
    private static boolean fits(ColumnCodec c, double v) {
        return c instanceof NumericColumn n ? v >= n.min() && v <= n.max()
                : v == Math.rint(v) && v >= 0 && v < ((CategoryColumn) c).levels().length;
    }

    /** True when a missing token read back from a CSV is a gap. */
    static boolean validMissing(String token) {
        return token == null || TextCsv.isMissing(token);
    }
}
