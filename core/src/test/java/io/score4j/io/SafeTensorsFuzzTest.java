package io.score4j.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import io.score4j.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile bytes: the reader either returns a consistent file or throws InputException naming the
 * source, always within a short time. Any other exception type, a hang or an OutOfMemoryError
 * fails the property.
 */
class SafeTensorsFuzzTest {
    static final String SRC = "fuzz.safetensors";
    static final byte[] VALID = SafeTensors.toBytes(SafeTensorsTest.sample(), Map.of("format", "pt", "k", "v"));

    /** Runs the reader; returns true if it accepted the bytes. */
    static boolean readsOrRejectsCleanly(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                SafeTensorsFile f = SafeTensors.read(bytes, SRC);
                long total = 0;
                for (Tensor t : f.tensors().values()) {
                    total += (long) t.size() * t.dtype().bytes();
                }
                assertTrue(total <= bytes.length, "decoded more data than the file holds");
                return true;
            } catch (InputException e) {
                assertTrue(e.getMessage().startsWith(SRC + ": "), e.getMessage());
                assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
                return false;
            }
        });
    }

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 200) byte[] bytes) {
        readsOrRejectsCleanly(bytes);
    }

    @Property(tries = 300)
    void randomHeaderText(@ForAll("jsonish") String header, @ForAll @IntRange(max = 64) int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).array();
        readsOrRejectsCleanly(b);
    }

    @Property(tries = 400)
    void bitFlips(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> bits) {
        byte[] b = VALID.clone();
        for (int bit : bits) {
            int i = bit % (b.length * 8);
            b[i / 8] ^= (byte) (1 << (i % 8));
        }
        readsOrRejectsCleanly(b);
    }

    @Property(tries = 200)
    void truncations(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut) {
        int len = cut % VALID.length;
        assertTrue(!readsOrRejectsCleanly(Arrays.copyOf(VALID, len)), "a truncated file must be rejected");
    }

    @Property(tries = 300)
    void splices(@ForAll("spliceArgs") int[] a) {
        // Copy VALID[from, from+len) to position `to`, either overwriting or inserting.
        int n = VALID.length;
        int from = a[0] % n;
        int len = Math.min(a[1], n - from);
        int to = a[2] % n;
        byte[] piece = Arrays.copyOfRange(VALID, from, from + len);
        byte[] out;
        if (a[3] == 0) {
            out = VALID.clone();
            System.arraycopy(piece, 0, out, to, Math.min(len, n - to));
        } else {
            out = new byte[n + len];
            System.arraycopy(VALID, 0, out, 0, to);
            System.arraycopy(piece, 0, out, to, len);
            System.arraycopy(VALID, to, out, to + len, n - to);
        }
        readsOrRejectsCleanly(out);
    }

    @Property(tries = 300)
    void headerTextMutations(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pos, @ForAll("jsonChar") char c) {
        int n = (int) ByteBuffer.wrap(VALID).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] b = VALID.clone();
        b[8 + pos % n] = (byte) c;
        readsOrRejectsCleanly(b);
    }

    @Provide
    Arbitrary<int[]> spliceArgs() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(any, Arbitraries.integers().between(1, 64), any, Arbitraries.integers().between(0, 1))
                .as((x, y, z, w) -> new int[] {x, y, z, w});
    }

    @Provide
    Arbitrary<Character> jsonChar() {
        return Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '-', '0', '1', '9', 'e', '.', ' ', '\\', 'F', 'x');
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"__metadata__\"", "\"dtype\"",
                "\"shape\"", "\"data_offsets\"", "\"F32\"", "\"F64\"", "\"t\"", "\"u\"", "0", "4", "8", "16",
                "-1", "2147483648", "1e3", "null", "true", " ");
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
