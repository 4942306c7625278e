package io.score4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.InputException;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    static LinkedHashMap<String, Tensor> sample() {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        m.put("layers.0.weight", Tensor.of(new float[] {1f, -2.5f, Float.NaN, Float.POSITIVE_INFINITY, -0f, 3e-39f}, 2, 3));
        m.put("layers.0.bias", Tensor.of(new double[] {Math.PI, -1e300, Double.MIN_VALUE}, 3));
        m.put("scalar", Tensor.scalar(DType.F32, 7));
        m.put("empty", Tensor.zeros(DType.F64, 0, 4));
        m.put("naïve \"quoted\"\nname", Tensor.of(new float[] {42f}, 1, 1, 1));
        return m;
    }

    static Map<String, String> meta() {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("spec", "{\"hidden\": [64, 64]} — ünïcode <&>");
        return m;
    }

    @Test
    void roundTripsF32AndF64WithMetadataThroughAFile() {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, sample(), meta());
        SafeTensorsFile back = SafeTensors.read(file);
        assertEquals(List.copyOf(sample().keySet()), List.copyOf(back.tensors().keySet()));
        sample().forEach((k, v) -> assertTrue(v.bitEquals(back.tensors().get(k)), k));
        assertEquals(meta(), back.metadata());
        assertEquals(List.copyOf(meta().keySet()), List.copyOf(back.metadata().keySet()));
    }

    @Test
    void roundTripsEmptyTensorMapAndEmptyMetadata() {
        SafeTensorsFile back = SafeTensors.read(SafeTensors.toBytes(Map.of(), Map.of()), "mem");
        assertTrue(back.tensors().isEmpty());
        assertTrue(back.metadata().isEmpty());
    }

    @Test
    void readsAFileBuiltByHand() {
        // Tensors listed out of offset order, header not padded to 8 bytes, metadata last.
        String json = "{\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
                + "\"__metadata__\":{\"format\":\"np\"}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length + 24).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length).put(header).putFloat(1.5f).putFloat(-2f).putDouble(0.25).putDouble(-1e-10);
        SafeTensorsFile f = SafeTensors.read(buf.array(), "hand.safetensors");
        assertEquals(List.of("a", "b"), List.copyOf(f.tensors().keySet()));
        Tensor a = f.tensors().get("a");
        assertEquals(DType.F32, a.dtype());
        assertArrayEquals(new int[] {1, 2}, a.shape());
        assertArrayEquals(new float[] {1.5f, -2f}, a.data32());
        Tensor b = f.tensors().get("b");
        assertEquals(DType.F64, b.dtype());
        assertArrayEquals(new double[] {0.25, -1e-10}, b.data64());
        assertEquals(Map.of("format", "np"), f.metadata());
    }

    @Test
    void writtenLayoutMatchesTheSpecByteForByte() throws Exception {
        LinkedHashMap<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensor.of(new float[] {1f, 2f, 3f}, 3, 1));
        t.put("b", Tensor.of(new double[] {-0.5}, 1));
        Path file = dir.resolve("layout.safetensors");
        SafeTensors.write(file, t, Map.of("k", "v"));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        assertEquals(0, n % 8, "header padded to a multiple of 8");
        assertEquals(8 + n + 3 * 4 + 8, bytes.length);
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        String json = header.stripTrailing();
        assertTrue(json.endsWith("}"));
        assertTrue(header.substring(json.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
        assertTrue(header.length() - json.length() < 8);

        JsonNode root = new ObjectMapper().readTree(json);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("__metadata__", "w", "b"), fields);
        assertEquals("v", root.get("__metadata__").get("k").asText());
        assertEntry(root.get("w"), "F32", new long[] {3, 1}, 0, 12);
        assertEntry(root.get("b"), "F64", new long[] {1}, 12, 20);

        buf.position(8 + (int) n);
        assertEquals(1f, buf.getFloat());
        assertEquals(2f, buf.getFloat());
        assertEquals(3f, buf.getFloat());
        assertEquals(-0.5, buf.getDouble());
        assertEquals(bytes.length, buf.position());
    }

    private static void assertEntry(JsonNode e, String dtype, long[] shape, long begin, long end) {
        assertEquals(dtype, e.get("dtype").asText());
        assertEquals(shape.length, e.get("shape").size());
        for (int i = 0; i < shape.length; i++) {
            assertEquals(shape[i], e.get("shape").get(i).asLong());
        }
        Iterator<JsonNode> off = e.get("data_offsets").elements();
        assertEquals(begin, off.next().asLong());
        assertEquals(end, off.next().asLong());
        assertEquals(3, e.size(), "only dtype, shape, data_offsets");
    }

    /**
     * Written by the reference implementation (Python safetensors 0.8.0, {@code safetensors.numpy.save_file}
     * of b = [1.5, -2.0] f64, w = arange(6, f32).reshape(2, 3), z = zeros((3, 0), f32), metadata k=v).
     */
    static final String REFERENCE_FILE = "yAAAAAAAAAB7Il9fbWV0YWRhdGFfXyI6eyJrIjoidiJ9LCJiIjp7ImR0eXBlIjoiRjY0Iiwic2hhcGUiOlsyXSwi"
            + "ZGF0YV9vZmZzZXRzIjpbMCwxNl19LCJ3Ijp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOlsyLDNdLCJkYXRhX29mZnNldHMiOlsxNiw0MF19LCJ6Ijp7"
            + "ImR0eXBlIjoiRjMyIiwic2hhcGUiOlszLDBdLCJkYXRhX29mZnNldHMiOls0MCw0MF19fSAgICAgIAAAAAAAAPg/AAAAAAAAAMAAAAAAAACAPwAA"
            + "AEAAAEBAAACAQAAAoEA=";

    @Test
    void matchesTheReferenceImplementationByteForByte() {
        byte[] reference = Base64.getDecoder().decode(REFERENCE_FILE);
        LinkedHashMap<String, Tensor> t = new LinkedHashMap<>();
        t.put("b", Tensor.of(new double[] {1.5, -2.0}, 2));
        t.put("w", Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
        t.put("z", Tensor.zeros(DType.F32, 3, 0));
        assertArrayEquals(reference, SafeTensors.toBytes(t, Map.of("k", "v")));
        SafeTensorsFile read = SafeTensors.read(reference, "reference.safetensors");
        assertEquals(List.of("b", "w", "z"), List.copyOf(read.tensors().keySet()));
        t.forEach((k, v) -> assertTrue(v.bitEquals(read.tensors().get(k)), k));
        assertEquals(Map.of("k", "v"), read.metadata());
    }

    @Test
    void writerRejectsReservedAndEmptyNames() {
        assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.toBytes(Map.of("__metadata__", Tensor.scalar(DType.F32, 1)), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.toBytes(Map.of("", Tensor.scalar(DType.F32, 1)), Map.of()));
    }

    @Test
    void missingFileIsAnInputErrorNamingIt() {
        Path missing = dir.resolve("nope.safetensors");
        InputException e = assertThrows(InputException.class, () -> SafeTensors.read(missing));
        assertTrue(e.getMessage().contains("nope.safetensors"), e.getMessage());
        InputException d = assertThrows(InputException.class, () -> SafeTensors.read(dir));
        assertTrue(d.getMessage().startsWith("cannot read"), d.getMessage());
    }

    @Test
    void fileRecordCopiesItsMaps() {
        LinkedHashMap<String, Tensor> t = new LinkedHashMap<>();
        t.put("x", Tensor.scalar(DType.F32, 1));
        SafeTensorsFile f = new SafeTensorsFile(t, Map.of());
        t.clear();
        f.tensors().clear();
        assertEquals(1, f.tensors().size());
        assertThrows(UnsupportedOperationException.class, () -> f.metadata().put("a", "b"));
    }

    @Test
    void metadataIsWrittenInKeyOrderWhateverTheMapsOrder() {
        LinkedHashMap<String, String> forward = new LinkedHashMap<>();
        LinkedHashMap<String, String> backward = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            forward.put("key" + (char) ('a' + i), Integer.toString(i));
            backward.put("key" + (char) ('t' - i), Integer.toString(19 - i));
        }
        byte[] a = SafeTensors.toBytes(sample(), forward);
        assertArrayEquals(a, SafeTensors.toBytes(sample(), backward));
        assertArrayEquals(a, SafeTensors.toBytes(sample(), Map.copyOf(backward)));
        List<String> keys = List.copyOf(SafeTensors.read(a, "mem").metadata().keySet());
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    @Test
    void writerRefusesTensorMapsWithoutADefinedOrder() {
        Map<String, Tensor> salted = Map.of("a", Tensor.scalar(DType.F32, 1), "b", Tensor.scalar(DType.F32, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.toBytes(salted, Map.of()));
        assertTrue(e.getMessage().contains("defined order"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.toBytes(new java.util.HashMap<>(salted), Map.of()));
        assertEquals(List.of("a", "b"), List.copyOf(SafeTensors.read(
                SafeTensors.toBytes(new java.util.TreeMap<>(salted), Map.of()), "mem").tensors().keySet()));
    }
}
