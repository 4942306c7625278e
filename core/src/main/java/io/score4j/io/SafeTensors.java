package io.score4j.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.score4j.InputException;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a> format,
 * which PyTorch ({@code safetensors.torch}), JAX/Flax ({@code safetensors.flax}) and numpy
 * ({@code safetensors.numpy}) load directly.
 *
 * <p>Layout: an 8-byte little-endian unsigned header length {@code N}; {@code N} bytes of UTF-8
 * JSON {@code {"__metadata__":{"k":"v",...}, "<name>":{"dtype":"F32"|"F64","shape":[...],
 * "data_offsets":[begin,end]}, ...}} padded with spaces so that {@code N} is a multiple of 8; then
 * the data section, each tensor's elements row-major little-endian at {@code [begin, end)} relative to
 * the data section's start. score4j writes tensors contiguously in map order and always writes
 * {@code "__metadata__"} (possibly empty).
 *
 * <p>The bytes written are a function of the content alone: metadata keys are written sorted
 * (String order) whatever map holds them, and tensors in the iteration order of a map that has a
 * defined one ({@link LinkedHashMap} or {@link SortedMap}; others are refused). So the same model
 * gives the same file in every JVM run.
 *
 * <p>The reader accepts F32 and F64 and treats the bytes as hostile: anything but a regular file, a
 * header length over the file size or over 100 MB, a header that does not start with '{' (these
 * four read "not a safetensors file"), invalid UTF-8 or JSON, missing or mistyped fields, negative
 * or overflowing dimensions, offsets that disagree with the shape, overlap, leave gaps, run past the
 * data, or leave trailing bytes, and tensors that would not fit in the free heap all raise
 * {@link InputException} naming the file and the problem. It reads the 8-byte length, then the
 * header, then checks the layout, and only then the data (see {@link SafeTensorsReader}), so a bad
 * file of any size is refused after reading at most its header.
 */
public final class SafeTensors {
    /** The largest header accepted, as in the reference implementation. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final int CHUNK = 1 << 16;
    private static final JsonFactory JSON = new JsonFactory();

    private SafeTensors() {}

    /**
     * Atomically writes {@code tensors} (in iteration order) with {@code metadata} to {@code path},
     * replacing any existing file (see {@link AtomicFiles}). Names must be non-empty and not
     * {@code "__metadata__"}.
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(path, out -> writeTo(out, header, tensors));
    }

    /** The bytes {@link #write} would put in a file. */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        byte[] header = header(tensors, metadata);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out, header, tensors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads the file at {@code path}; see the class comment for what is rejected and how memory is bounded. */
    public static SafeTensorsFile read(Path path) {
        Objects.requireNonNull(path, "path");
        return SafeTensorsReader.read(path);
    }

    /** Parses {@code bytes} as a safetensors file; {@code sourceName} names it in error messages. */
    public static SafeTensorsFile read(byte[] bytes, String sourceName) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sourceName, "sourceName");
        return SafeTensorsReader.read(bytes, sourceName);
    }

    /** The space-padded UTF-8 JSON header; validates names. */
    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        requireDefinedOrder(tensors);
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeObjectFieldStart(SafeTensorsHeader.METADATA);
            for (Map.Entry<String, String> m : sortedMetadata(metadata).entrySet()) {
                g.writeStringField(m.getKey(), m.getValue());
            }
            g.writeEndObject();
            long offset = 0;
            for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
                offset = writeEntry(g, t.getKey(), t.getValue(), offset);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    /** Metadata in key order (String's natural order), whatever the iteration order of the map given. */
    private static TreeMap<String, String> sortedMetadata(Map<String, String> metadata) {
        TreeMap<String, String> sorted = new TreeMap<>();
        metadata.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "metadata key"),
                Objects.requireNonNull(v, "metadata value for " + k)));
        return sorted;
    }

    /**
     * Tensors are laid out in the map's iteration order, so that order must not change from one JVM
     * start to the next: a {@link LinkedHashMap} (insertion order) or a {@link SortedMap}. Maps
     * such as {@code Map.of}/{@code Map.copyOf}, whose order is salted per JVM, are refused.
     */
    private static void requireDefinedOrder(Map<String, Tensor> tensors) {
        if (tensors.size() > 1 && !(tensors instanceof LinkedHashMap) && !(tensors instanceof SortedMap)) {
            throw new IllegalArgumentException("tensors must come in a defined order (a LinkedHashMap or a SortedMap), not a "
                    + tensors.getClass().getName() + ", or the file's bytes would change from run to run");
        }
    }

    private static long writeEntry(JsonGenerator g, String name, Tensor t, long offset) throws IOException {
        if (name == null || name.isEmpty() || name.equals(SafeTensorsHeader.METADATA)) {
            throw new IllegalArgumentException("invalid tensor name for safetensors: " + name);
        }
        Objects.requireNonNull(t, "tensor " + name);
        long end = offset + (long) t.size() * t.dtype().bytes();
        g.writeObjectFieldStart(name);
        g.writeStringField("dtype", t.dtype().safetensorsName());
        g.writeArrayFieldStart("shape");
        for (int d : t.shape()) {
            g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("data_offsets");
        g.writeNumber(offset);
        g.writeNumber(end);
        g.writeEndArray();
        g.writeEndObject();
        return end;
    }

    private static void writeTo(OutputStream out, byte[] header, Map<String, Tensor> tensors) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length);
        out.write(buf.array(), 0, 8);
        out.write(header);
        for (Tensor t : tensors.values()) {
            writeData(out, t, buf);
        }
    }

    private static void writeData(OutputStream out, Tensor t, ByteBuffer buf) throws IOException {
        int width = t.dtype().bytes();
        int perChunk = CHUNK / width;
        for (int i = 0; i < t.size(); i += perChunk) {
            int len = Math.min(perChunk, t.size() - i);
            buf.clear();
            if (t.dtype() == DType.F32) {
                buf.asFloatBuffer().put(t.data32(), i, len);
            } else {
                buf.asDoubleBuffer().put(t.data64(), i, len);
            }
            out.write(buf.array(), 0, len * width);
        }
    }
}
