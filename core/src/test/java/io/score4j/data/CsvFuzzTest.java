package io.score4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random and mutated bytes fed to {@link Csv#read}: it returns quickly and throws only {@link InputException}. */
class CsvFuzzTest {
    private static final String[] BASES = {
        "a,b\n1,2\n3,4\n",
        "x,y,z\r\n-1.5e3,+.5,0\r\n\n2,3,4\r\n",
        "\"q,1\",w\n\"7\",8\n",
        "\uFEFFid,v\nfoo,1e-300\nbar,-0.0\n",
    };
    private static final byte[] INTERESTING = {',', '"', '\n', '\r', '.', 'e', 'E', '-', '+', 'N', 'a', 'I', '0', '9',
        ' ', '\t', 0, (byte) 0xFF, (byte) 0xC3, (byte) 0xA9, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Property(tries = 400)
    void randomBytesOnlyThrowInputException(@ForAll @Size(max = 300) byte[] bytes) throws IOException {
        readExpectingOnlyInputException(bytes, null);
    }

    @Property(tries = 600, edgeCases = EdgeCasesMode.NONE)
    void mutatedCsvOnlyThrowsInputException(@ForAll("mutatedCsv") byte[] bytes,
                                            @ForAll("columnRequest") List<String> columns) throws IOException {
        readExpectingOnlyInputException(bytes, columns);
    }

    @Provide
    Arbitrary<List<String>> columnRequest() {
        return Arbitraries.of("a", "b", "x", "z", "id", "v", "q,1", "", "nope").list().ofMaxSize(3).injectNull(0.5);
    }

    @Provide
    Arbitrary<byte[]> mutatedCsv() {
        Arbitrary<int[]> op = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, INTERESTING.length - 1),
                Arbitraries.integers().between(-128, 127),
                Arbitraries.of(true, false)).as((kind, pos, pick, any, useInteresting) ->
                        new int[] {kind, pos, useInteresting ? INTERESTING[pick] : any});
        return Combinators.combine(Arbitraries.of(BASES), op.list().ofMinSize(1).ofMaxSize(6))
                .as((base, ops) -> {
                    byte[] b = base.getBytes(StandardCharsets.UTF_8);
                    for (int[] o : ops) {
                        b = mutate(b, o[0], o[1], (byte) o[2]);
                    }
                    return b;
                });
    }

    static byte[] mutate(byte[] b, int kind, int pos, byte value) {
        int at = pos % (b.length + 1);
        if (kind == 0 || b.length == 0) { // insert
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, at);
            out[at] = value;
            System.arraycopy(b, at, out, at + 1, b.length - at);
            return out;
        }
        at = Math.min(at, b.length - 1);
        if (kind == 1) { // delete
            byte[] out = new byte[b.length - 1];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(b, at + 1, out, at, b.length - at - 1);
            return out;
        }
        byte[] out = b.clone(); // replace
        out[at] = value;
        return out;
    }

    private static void readExpectingOnlyInputException(byte[] bytes, List<String> columns) throws IOException {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    Dataset ds = Csv.read(file, columns);
                    assertEquals((long) ds.n() * ds.d(), ds.values().length);
                    for (double v : ds.values()) {
                        assertTrue(Double.isFinite(v));
                    }
                } catch (InputException e) {
                    String m = e.getMessage();
                    assertTrue(m.startsWith(file.toString()), m);
                    assertTrue(m.indexOf('\n') < 0 && m.indexOf('\r') < 0, m);
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
