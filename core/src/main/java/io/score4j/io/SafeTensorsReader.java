package io.score4j.io;

import io.score4j.InputException;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The safetensors reader, in the order that keeps hostile files cheap: the 8-byte header length
 * first (refused beyond {@link SafeTensors#MAX_HEADER_BYTES} or the file size, before anything is
 * allocated), then the header (at most that many bytes), then a check that the tensors' offsets
 * tile the data section and that their decoded arrays fit in the free heap, and only then the data,
 * read tensor by tensor in 64 KiB pieces. A file never costs more memory than its header plus the
 * tensors it declares, and a multi-GB file with a bad header is refused after reading 8 bytes.
 */
final class SafeTensorsReader {
    private static final int CHUNK = 1 << 16;
    private static final String NOT_SAFETENSORS = "not a safetensors file: ";

    /** Random access to the bytes of one file. */
    private interface Source {
        long size();

        /** Fills {@code dst} from {@code position} on; throws {@link EOFException} past the end. */
        void readFully(long position, ByteBuffer dst) throws IOException;
    }

    private SafeTensorsReader() {}

    static SafeTensorsFile read(Path path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                throw new InputException("cannot read " + path + ": it is a directory");
            }
            if (!attrs.isRegularFile()) {
                throw new InputException(path + ": " + NOT_SAFETENSORS + "not a regular file (a device, pipe or socket)");
            }
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = ch.size();
                return read(new Source() {
                    @Override
                    public long size() {
                        return size;
                    }

                    @Override
                    public void readFully(long position, ByteBuffer dst) throws IOException {
                        for (long p = position; dst.hasRemaining(); ) {
                            int n = ch.read(dst, p);
                            if (n < 0) {
                                throw new EOFException("the file ended at byte " + p + " (was it changed while being read?)");
                            }
                            p += n;
                        }
                    }
                }, path.toString());
            }
        } catch (IOException e) {
            throw new InputException("cannot read " + path + ": " + AtomicFiles.reason(e), e);
        }
    }

    static SafeTensorsFile read(byte[] bytes, String sourceName) {
        try {
            return read(new Source() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public void readFully(long position, ByteBuffer dst) {
                    dst.put(bytes, (int) position, dst.remaining());
                }
            }, sourceName);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private static SafeTensorsFile read(Source src, String source) throws IOException {
        long size = src.size();
        if (size < 8) {
            throw new InputException(source + ": " + NOT_SAFETENSORS + "too short (" + size
                    + " bytes, the header length alone needs 8)");
        }
        ByteBuffer first = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        src.readFully(0, first);
        long n = first.getLong(0);
        if (n < 0 || n > SafeTensors.MAX_HEADER_BYTES) {
            throw new InputException(source + ": " + NOT_SAFETENSORS + "header length " + Long.toUnsignedString(n)
                    + " exceeds the limit of " + SafeTensors.MAX_HEADER_BYTES + " bytes");
        }
        if (n > size - 8) {
            throw new InputException(source + ": " + NOT_SAFETENSORS + "header length " + n + " exceeds the file size ("
                    + size + " bytes)");
        }
        byte[] header = new byte[(int) n];
        src.readFully(8, ByteBuffer.wrap(header));
        if (n == 0 || header[0] != '{') {
            throw new InputException(source + ": " + NOT_SAFETENSORS + "header is not a JSON object (it must start with '{')");
        }
        SafeTensorsHeader.Parsed parsed = SafeTensorsHeader.parse(decodeUtf8(header, source), source);
        long dataStart = 8 + n;
        List<SafeTensorsHeader.Entry> entries = tiled(parsed.entries(), size - dataStart, source);
        requireHeapFor(size - dataStart, source);
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (SafeTensorsHeader.Entry e : entries) {
            tensors.put(e.name(), decode(src, dataStart + e.begin(), e, buf));
        }
        return new SafeTensorsFile(tensors, parsed.metadata());
    }

    private static String decodeUtf8(byte[] header, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source + ": header is not valid UTF-8", e);
        }
    }

    /** The entries in offset order, checked to tile the {@code dataLength} bytes of data exactly. */
    private static List<SafeTensorsHeader.Entry> tiled(List<SafeTensorsHeader.Entry> entries, long dataLength, String source) {
        List<SafeTensorsHeader.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(SafeTensorsHeader.Entry::begin)
                .thenComparingLong(SafeTensorsHeader.Entry::end));
        long position = 0;
        String previous = null;
        for (SafeTensorsHeader.Entry e : sorted) {
            String what = source + ": tensor " + SafeTensorsHeader.quote(e.name());
            if (e.end() > dataLength) {
                throw new InputException(what + " data_offsets [" + e.begin() + ", " + e.end()
                        + "] run past the end of the data section (" + dataLength + " bytes)");
            }
            if (e.begin() < position) {
                throw new InputException(what + " data_offsets [" + e.begin() + ", " + e.end()
                        + "] overlap tensor " + SafeTensorsHeader.quote(previous));
            }
            if (e.begin() > position) {
                throw new InputException(what + " starts at byte " + e.begin()
                        + " of the data section, leaving a gap after byte " + position);
            }
            position = e.end();
            previous = e.name();
        }
        if (position != dataLength) {
            throw new InputException(source + ": " + (dataLength - position) + " bytes of trailing data after the last tensor");
        }
        return sorted;
    }

    /** Refuses data that cannot fit in the heap this JVM has left, before allocating any of it. */
    private static void requireHeapFor(long dataBytes, String source) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (dataBytes > free) {
            throw new InputException(source + ": its tensors need " + mib(dataBytes) + " MiB of memory but this JVM has "
                    + mib(free) + " MiB free (maximum heap " + mib(rt.maxMemory())
                    + " MiB; raise it with -Xmx, e.g. SCORE4J_JVM_OPTS=-Xmx8g)");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Reads one tensor's elements, little-endian, in pieces of at most {@code buf}'s capacity. */
    private static Tensor decode(Source src, long position, SafeTensorsHeader.Entry e, ByteBuffer buf) throws IOException {
        int width = e.dtype().bytes();
        int perChunk = buf.capacity() / width;
        float[] f = e.dtype() == DType.F32 ? new float[e.size()] : null;
        double[] d = f == null ? new double[e.size()] : null;
        for (int i = 0; i < e.size(); i += perChunk) {
            int len = Math.min(perChunk, e.size() - i);
            buf.clear().limit(len * width);
            src.readFully(position + (long) i * width, buf);
            buf.flip();
            if (f != null) {
                buf.asFloatBuffer().get(f, i, len);
            } else {
                buf.asDoubleBuffer().get(d, i, len);
            }
        }
        return f != null ? Tensor.wrap(f, e.shape()) : Tensor.wrap(d, e.shape());
    }
}
