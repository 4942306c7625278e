package io.score4j.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every kind of malformed file raises InputException naming the file and the problem. */
class SafeTensorsMalformedTest {
    static final String SRC = "bad.safetensors";

    /** A file with {@code json} as header and {@code dataBytes} zero bytes of data. */
    static byte[] file(String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).array();
    }

    static String entry(String name, String dtype, String shape, String offsets) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    }

    static void assertRejected(byte[] bytes, String... fragments) {
        InputException e = assertThrows(InputException.class, () -> SafeTensors.read(bytes, SRC));
        String m = e.getMessage();
        assertTrue(m.startsWith(SRC + ": "), m);
        assertTrue(m.lines().count() == 1, "one line: " + m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "expected '" + f + "' in: " + m);
        }
    }

    @Test
    void tooShort() {
        assertRejected(new byte[5], "too short");
    }

    @Test
    void headerLengthBeyondFileSize() {
        byte[] b = file("{}", 0);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 11);
        assertRejected(b, "header length 11 exceeds the file size (10 bytes)");
    }

    @Test
    void otherFilesReadNotASafetensorsFile() {
        assertRejected("x0,x1\n1,2\n3,4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "not a safetensors file: header length", "exceeds the limit");
        assertRejected("a,b\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "not a safetensors file: too short");
        byte[] b = file("  {}", 0);
        assertRejected(b, "not a safetensors file: header is not a JSON object (it must start with '{')");
        byte[] empty = new byte[8];
        assertRejected(empty, "not a safetensors file: header is not a JSON object");
    }

    @Test
    void headerLengthOverLimitIsRejectedBeforeAnyAllocation() {
        byte[] b = file("{}", 0);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 100_000_001L);
        assertRejected(b, "header length 100000001 exceeds the limit");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        assertRejected(b, "header length 18446744073709551615 exceeds the limit");
    }

    @Test
    void invalidUtf8() {
        byte[] b = file("{\"x\":1}", 0);
        b[10] = (byte) 0xC3;
        b[11] = (byte) 0x28;
        assertRejected(b, "not valid UTF-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":                                  | not valid JSON",
        "{'a':1}                                  | not valid JSON",
        "''                                       | not a JSON object",
        "[1,2]                                    | not a JSON object",
        "{} x                                     | not valid JSON",
        "{} {}                                    | unexpected content after",
        "{\"__metadata__\":{\"k\":\"a\",\"k\":\"b\"}} | Duplicate field 'k'",
        "{\"__metadata__\":[1]}                   | must be an object mapping strings",
        "{\"__metadata__\":{\"k\":1}}             | value for key 'k' is not a string",
        "{\"t\":5}                                | tensor 't' must be an object",
        "{\"t\":{\"shape\":[],\"data_offsets\":[0,4]}}     | tensor 't' is missing \"dtype\"",
        "{\"t\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}} | tensor 't' is missing \"shape\"",
        "{\"t\":{\"dtype\":\"F32\",\"shape\":[]}}           | tensor 't' is missing \"data_offsets\"",
        "{\"t\":{\"dtype\":4,\"shape\":[],\"data_offsets\":[0,4]}}   | \"dtype\" must be a string",
        "{\"t\":{\"dtype\":\"F32\",\"shape\":3,\"data_offsets\":[0,4]}} | \"shape\" must be an array of integers",
    })
    void structuralProblems(String json, String fragment) {
        assertRejected(file(json, 0), fragment);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "F16  | [2]        | [0,4]   | tensor 'w' has unsupported dtype 'F16'",
        "BF16 | [2]        | [0,4]   | unsupported dtype 'BF16'",
        "I64  | [1]        | [0,8]   | unsupported dtype 'I64'",
        "F32  | [3]        | [0,8]   | data_offsets [0, 8] span 8 bytes but shape [3] of F32 needs 12",
        "F32  | [-1]       | [0,0]   | negative value -1",
        "F32  | [1.5]      | [0,4]   | must be an array of integers",
        "F32  | [4294967296] | [0,0] | dimension 0 is too large",
        "F32  | [2147483647,2147483647,4] | [0,0] | more elements than a Java array holds",
        "F32  | [99999999999999999999999] | [0,0] | integer too large",
        "F32  | [2]        | [0,4,8] | more than 2 entries",
        "F32  | [2]        | [8]     | exactly 2 integers, not 1",
        "F32  | [0]        | [8,0]   | end before they begin",
        "F32  | [2]        | [0,16]  | span 16 bytes",
        "F32  | [2]        | [8,16]  | run past the end of the data section (8 bytes)",
        "F32  | [1]        | [4,8]   | starts at byte 4 of the data section, leaving a gap",
        "F32  | [1]        | [0,4]   | 4 bytes of trailing data after the last tensor",
    })
    void badTensorEntries(String dtype, String shape, String offsets, String fragment) {
        assertRejected(file("{" + entry("w", dtype, shape, offsets) + "}", 8), fragment);
    }

    @Test
    void zeroDimensionWithHugeOthersIsEmptyNotOverflow() {
        // [2147483647, 0] has zero elements: legal, and must not be taken for an overflow.
        byte[] b = file("{" + entry("z", "F32", "[2147483647,0]", "[0,0]") + "}", 0);
        assertTrue(SafeTensors.read(b, SRC).tensors().get("z").size() == 0);
    }

    @Test
    void overlappingOffsets() {
        String json = "{" + entry("a", "F32", "[2]", "[0,8]") + "," + entry("b", "F32", "[2]", "[4,12]") + "}";
        assertRejected(file(json, 12), "tensor 'b' data_offsets [4, 12] overlap tensor 'a'");
    }

    @Test
    void tooManyDimensions() {
        String shape = "[" + "1,".repeat(64) + "1]";
        assertRejected(file("{" + entry("r", "F32", shape, "[0,4]") + "}", 4), "more than 64 entries");
    }

    @Test
    void hostileNamesStayOnOneLine() {
        assertRejected(file("{" + entry("a\\nb", "F16", "[1]", "[0,2]") + "}", 2), "'a\\u000ab'");
    }
}
