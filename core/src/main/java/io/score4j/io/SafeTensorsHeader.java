package io.score4j.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.score4j.InputException;
import io.score4j.tensor.DType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and checks a safetensors JSON header with a streaming parser, so memory stays
 * proportional to the header and no tree of hostile size is ever built. Every problem becomes an
 * {@link InputException} that starts with the source name.
 */
final class SafeTensorsHeader {
    static final String METADATA = "__metadata__";
    /** numpy's limit on the number of dimensions. */
    static final int MAX_RANK = 64;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One tensor's header entry, already checked for internal consistency. */
    record Entry(String name, DType dtype, int[] shape, int size, long begin, long end) {
        long byteLength() {
            return end - begin;
        }
    }

    /** The parsed header: entries in file order of appearance, metadata in order. */
    record Parsed(List<Entry> entries, Map<String, String> metadata) {}

    private final String source;

    private SafeTensorsHeader(String source) {
        this.source = source;
    }

    static Parsed parse(String json, String source) {
        return new SafeTensorsHeader(source).parseRoot(json);
    }

    private Parsed parseRoot(String json) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw fail("header is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (METADATA.equals(name)) {
                    readMetadata(p, metadata);
                } else {
                    entries.add(readEntry(p, name));
                }
            }
            if (p.nextToken() != null) {
                throw fail("unexpected content after the header's JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": header is not valid JSON: " + clean(e.getOriginalMessage(), 160), e);
        } catch (IOException e) {
            throw new InputException(source + ": cannot parse header: " + clean(e.getMessage(), 160), e);
        }
        return new Parsed(entries, metadata);
    }

    private void readMetadata(JsonParser p, Map<String, String> out) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("\"__metadata__\" must be an object mapping strings to strings");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw fail("\"__metadata__\" value for key " + quote(key) + " is not a string");
            }
            out.put(key, p.getText());
        }
    }

    private Entry readEntry(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("tensor " + quote(name) + " must be an object with dtype, shape and data_offsets");
        }
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw fail("tensor " + quote(name) + ": \"dtype\" must be a string");
                    }
                    dtype = p.getText();
                }
                case "shape" -> shape = readIndices(p, name, "shape", MAX_RANK);
                case "data_offsets" -> offsets = readIndices(p, name, "data_offsets", 2);
                default -> p.skipChildren();
            }
        }
        return check(name, require(dtype, name, "dtype"), require(shape, name, "shape"),
                require(offsets, name, "data_offsets"));
    }

    private <T> T require(T value, String name, String field) {
        if (value == null) {
            throw fail("tensor " + quote(name) + " is missing \"" + field + "\"");
        }
        return value;
    }

    /** An array of at most {@code max} non-negative integers that fit in a long. */
    private long[] readIndices(JsonParser p, String name, String field, int max) throws IOException {
        String where = "tensor " + quote(name) + ": \"" + field + "\"";
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail(where + " must be an array of integers");
        }
        long[] out = new long[max];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw fail(where + " must be an array of integers");
            }
            JsonParser.NumberType type = p.getNumberType();
            if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                throw fail(where + " holds an integer too large to read");
            }
            long v = p.getLongValue();
            if (v < 0) {
                throw fail(where + " holds a negative value " + v);
            }
            if (n == max) {
                throw fail(where + " has more than " + max + " entries");
            }
            out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }

    private Entry check(String name, String dtypeName, long[] shape, long[] offsets) {
        String what = "tensor " + quote(name);
        DType dtype = switch (dtypeName) {
            case "F32" -> DType.F32;
            case "F64" -> DType.F64;
            default -> throw fail(what + " has unsupported dtype " + quote(dtypeName) + " (score4j reads F32 and F64)");
        };
        if (offsets.length != 2) {
            throw fail(what + ": \"data_offsets\" must hold exactly 2 integers, not " + offsets.length);
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw fail(what + " dimension " + i + " is too large (" + shape[i] + ")");
            }
            dims[i] = (int) shape[i];
        }
        int size = elementCount(what, dims);
        if (offsets[0] > offsets[1]) {
            throw fail(what + " data_offsets [" + offsets[0] + ", " + offsets[1] + "] end before they begin");
        }
        long need = (long) size * dtype.bytes();
        if (offsets[1] - offsets[0] != need) {
            throw fail(what + " data_offsets [" + offsets[0] + ", " + offsets[1] + "] span " + (offsets[1] - offsets[0])
                    + " bytes but shape " + Arrays.toString(dims) + " of " + dtypeName + " needs " + need);
        }
        return new Entry(name, dtype, dims, size, offsets[0], offsets[1]);
    }

    private int elementCount(String what, int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d == 0) {
                return 0;
            }
        }
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw fail(what + " shape " + Arrays.toString(dims) + " has more elements than a Java array holds");
            }
        }
        return (int) n;
    }

    InputException fail(String what) {
        return new InputException(source + ": " + what);
    }

    /** {@code 'text'} with control characters escaped and long text cut, safe for a one-line message. */
    static String quote(String text) {
        return "'" + clean(text, 80) + "'";
    }

    static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return i < text.length() ? sb + "..." : sb.toString();
    }
}
