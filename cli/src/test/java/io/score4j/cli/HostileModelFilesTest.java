package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files given as {@code --model}: each run is a fresh JVM with a 1 GiB heap and a time
 * limit, and must end with one {@code error:} line, exit code 2 and no output file. The big files
 * are sparse, so they cost no disk; a reader that loads a file whole before looking at its header
 * runs out of memory on them.
 */
class HostileModelFilesTest {
    private static final List<String> ONE_GIB = List.of("-Xmx1g", "-XX:+UseSerialGC");
    private static final int SECONDS = 60;

    @TempDir
    Path dir;

    private Path points() throws Exception {
        return Files.writeString(dir.resolve("points.csv"), "x0,x1\n0.5,1\n");
    }

    /** A sparse file of {@code size} bytes that starts with {@code head}. */
    private Path sparse(String name, long size, byte[] head) throws Exception {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
            raf.seek(0);
            raf.write(head);
        }
        return f;
    }

    private void assertOneErrorLine(List<String> args, Path out, String... fragments) throws Exception {
        ChildJvm.Result r = ChildJvm.run(ONE_GIB, args, SECONDS);
        assertNotEquals(-1, r.code(), "still running after " + SECONDS + " s: " + r.output());
        String shown = ChildJvm.withoutJvmNotices(r.output());
        assertEquals(2, r.code(), shown);
        assertEquals(1, shown.lines().count(), "one line: " + shown);
        assertTrue(shown.startsWith("error: "), shown);
        for (String f : fragments) {
            assertTrue(shown.contains(f), "expected '" + f + "' in: " + shown);
        }
        assertFalse(Files.exists(out), "output written");
    }

    private List<String> score(Path model, Path out) throws Exception {
        return List.of("score", "--model", model.toString(), "--csv", points().toString(), "--out", out.toString());
    }

    @Test
    void nearlyTwoGigabytesWithATextHeaderFailsFast() throws Exception {
        Path model = sparse("big.safetensors", 2_000_000_000L, "x0,x1\n0.5,1\n".getBytes(StandardCharsets.US_ASCII));
        Path out = dir.resolve("s.csv");
        assertOneErrorLine(score(model, out), out, "big.safetensors", "not a safetensors file");
    }

    @Test
    void multiGigabyteFileWithAHeaderLengthUnderTheCapButNoJsonFailsFast() throws Exception {
        byte[] head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(90_000_000L).array();
        Path model = sparse("zeros.safetensors", 3L << 30, head);
        Path out = dir.resolve("s.csv");
        assertOneErrorLine(score(model, out), out, "zeros.safetensors", "not a safetensors file", "'{'");
    }

    @Test
    void validHeaderDeclaringMoreDataThanTheHeapIsRefusedBeforeAllocating() throws Exception {
        // 3 tensors of 400 MB each: 1.2 GB of F32 in a 1 GiB heap.
        long each = 400_000_000L;
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"activation\":\"tanh\"}");
        for (int i = 0; i < 3; i++) {
            json.append(",\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[").append(each / 4)
                    .append("],\"data_offsets\":[").append(i * each).append(',').append((i + 1) * each).append("]}");
        }
        byte[] header = json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
        byte[] head = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).array();
        Path model = sparse("huge.safetensors", head.length + 3 * each, head);
        Path out = dir.resolve("s.csv");
        assertOneErrorLine(score(model, out), out, "huge.safetensors", "MiB of memory", "-Xmx");
    }

    @Test
    void devZeroAsModelFailsFast() throws Exception {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path out = dir.resolve("s.csv");
        assertOneErrorLine(score(zero, out), out, "/dev/zero", "not a safetensors file", "not a regular file");
        Path samples = dir.resolve("samples.csv");
        assertOneErrorLine(List.of("sample", "--model", zero.toString(), "--n", "10", "--out", samples.toString()),
                samples, "/dev/zero", "not a safetensors file");
    }

    @Test
    void csvGivenAsModelSaysItIsNotASafetensorsFile() throws Exception {
        Path csv = Files.writeString(dir.resolve("data.csv"), "x0,x1\n1,2\n3,4\n5,6\n");
        Path out = dir.resolve("s.csv");
        CliTestSupport.Run r = CliTestSupport.run("score", "--model", csv.toString(), "--csv", csv.toString(), "--out",
                out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + csv + ": not a safetensors file"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
