package io.score4j.density;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.score4j.InputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JSON form of a {@link GaussianMixture}: {@code {"weights":[…K],"means":[[…D]…K],"stds":[[…D]…K]}}.
 * Numbers may start with a decimal point ({@code .5}); a leading byte-order mark is ignored, as in a
 * CSV. Otherwise strict: unknown or duplicate fields, trailing content and non-numeric entries are
 * errors, so a typo such as {@code "std"} is reported rather than ignored.
 *
 * <p>Read as a token stream, never as a whole tree, with bounds checked as the tokens arrive: at most
 * {@value #MAX_COMPONENTS} components, {@value #MAX_DIM} coordinates per mean or std, and files of at
 * most {@value #MAX_BYTES} bytes. So a mixture of 10⁶ components is refused for its component count
 * after reading its first 100001 weights, and an endless input ({@code /dev/zero}) after a bounded read.
 */
public final class MixtureJson {
    /** Most components a mixture may have: each score or density evaluation costs K·D per point. */
    static final int MAX_COMPONENTS = 100_000;
    /** Most coordinates of a mean or std, as the most columns of a CSV row. */
    static final int MAX_DIM = 100_000;
    /** Largest mixture file read: 64 MiB, far above what {@value #MAX_COMPONENTS} components in a few dimensions take. */
    static final long MAX_BYTES = 64L << 20;
    private static final Set<String> FIELDS = Set.of("weights", "means", "stds");
    private static final int MAX_MESSAGE = 200;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Thread-safe once configured; holds no random state. Used for writing. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private MixtureJson() {}

    /**
     * Reads a mixture file: at most {@value #MAX_BYTES} bytes, UTF-8 (a byte-order mark is skipped).
     *
     * @throws InputException naming the file: missing, unreadable, too large, or any error of {@link GaussianMixture#fromJson}
     */
    public static GaussianMixture read(Path file) {
        String source = String.valueOf(file);
        if (Files.isDirectory(file)) {
            throw new InputException(source + ": is a directory, expected a mixture JSON file");
        }
        try (InputStream in = new Bounded(Files.newInputStream(file), source);
             JsonParser p = FACTORY.createParser(in)) {
            return parse(p, source);
        } catch (NoSuchFileException e) {
            throw new InputException(source + ": no such file");
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": malformed JSON: " + describe(e), e);
        } catch (IOException e) {
            throw new InputException(source + ": cannot read (" + oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    static GaussianMixture parse(String json, String sourceName) {
        String source = sourceName == null ? "<mixture json>" : sourceName;
        if (json == null) {
            throw new InputException(source + ": no JSON text given");
        }
        try (JsonParser p = FACTORY.createParser(json.startsWith("\uFEFF") ? json.substring(1) : json)) {
            return parse(p, source);
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": malformed JSON: " + describe(e), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static GaussianMixture parse(JsonParser p, String source) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new InputException(source + ": expected a JSON object with fields weights, means, stds; got " + kind(t));
        }
        double[] w = null;
        double[][] m = null;
        double[][] s = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!FIELDS.contains(name)) {
                throw new InputException(source + ": unknown field '" + oneLine(name) + "' (expected weights, means, stds)");
            }
            p.nextToken();
            switch (name) {
                case "weights" -> w = vector(p, "weights", MAX_COMPONENTS, source);
                case "means" -> m = matrix(p, "means", source);
                default -> s = matrix(p, "stds", source);
            }
        }
        if (p.nextToken() != null) {
            throw new InputException(source + ": malformed JSON: trailing content after the object (line "
                    + p.currentLocation().getLineNr() + ")");
        }
        check(w, "weights", source);
        check(m, "means", source);
        check(s, "stds", source);
        try {
            return new GaussianMixture(w, m, s);
        } catch (InputException e) {
            throw new InputException(source + ": " + e.getMessage(), e);
        }
    }

    private static void check(Object field, String name, String source) {
        if (field == null) {
            throw new InputException(source + ": missing field '" + name + "'");
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

    /** The rows of a matrix field; the parser is at its first token, and is left at its last. */
    private static double[][] matrix(JsonParser p, String name, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new InputException(source + ": field '" + name + "' must be an array of arrays of numbers, got "
                    + kind(p.currentToken()));
        }
        List<double[]> rows = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (rows.size() == MAX_COMPONENTS) {
                throw tooMany(name, MAX_COMPONENTS, "components", source);
            }
            rows.add(vector(p, name + "[" + rows.size() + "]", MAX_DIM, source));
        }
        return rows.toArray(new double[0][]);
    }

    /** The numbers of an array field of at most {@code max} entries; the parser is at its first token. */
    private static double[] vector(JsonParser p, String name, int max, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new InputException(source + ": field '" + name + "' must be an array of numbers, got "
                    + kind(p.currentToken()));
        }
        double[] out = new double[8];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new InputException(source + ": field '" + name + "[" + n + "]' must be a number, got " + kind(t));
            }
            if (n == max) {
                throw tooMany(name, max, name.equals("weights") ? "components" : "coordinates", source);
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, Math.min(max, 2 * n));
            }
            out[n++] = p.getDoubleValue();
        }
        return Arrays.copyOf(out, n);
    }

    private static InputException tooMany(String name, int max, String what, String source) {
        return new InputException(source + ": field '" + name + "' has more than " + max + " entries: a mixture may have at most "
                + max + " " + what);
    }

    private static String kind(JsonToken t) {
        if (t == null) {
            return "no value";
        }
        return switch (t) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            default -> t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
        };
    }

    /** A file's bytes, refused past {@value #MAX_BYTES}: an endless input ends after a bounded read. */
    private static final class Bounded extends FilterInputStream {
        private final String source;
        private long count;

        Bounded(InputStream in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > MAX_BYTES) {
                throw new InputException(source + ": larger than " + (MAX_BYTES >> 20) + " MiB, the largest mixture file read "
                        + "(a mixture may have at most " + MAX_COMPONENTS + " components)");
            }
        }
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
