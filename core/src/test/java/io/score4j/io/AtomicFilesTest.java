package io.score4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesContentAndLeavesNoTempFile() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "héllo\n");
        assertEquals("héllo\n", Files.readString(f));
        AtomicFiles.write(f, out -> out.write(new byte[] {1, 2, 3}));
        assertEquals(3, Files.size(f));
        assertEquals(List.of("out.txt"), listing());
    }

    @Test
    void newFilesGetTheUsualPermissionsNotPrivateTempOnes() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path atomic = dir.resolve("atomic");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void failingWriterKeepsTheOldFileAndRemovesTheTempFile() throws IOException {
        Path f = dir.resolve("keep.txt");
        AtomicFiles.writeString(f, "old");
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial new content".getBytes());
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("keep.txt"), listing());
    }

    @Test
    void ioFailureInTheWriterBecomesAnInputErrorAndKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("keep.bin");
        AtomicFiles.writeString(f, "old");
        InputException e = assertThrows(InputException.class, () -> AtomicFiles.write(f, out -> {
            throw new IOException("disk full");
        }));
        assertEquals("cannot write " + f + ": disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("keep.bin"), listing());
    }

    @Test
    void failureWithNoPreviousFileLeavesNothing() throws IOException {
        Path f = dir.resolve("new.txt");
        assertThrows(InputException.class, () -> AtomicFiles.write(f, out -> {
            throw new IOException("x");
        }));
        assertEquals(List.of(), listing());
    }

    @Test
    void missingDirectoryIsAnInputErrorNamingThePath() {
        Path f = dir.resolve("no/such/dir/out.txt");
        InputException e = assertThrows(InputException.class, () -> AtomicFiles.writeString(f, "x"));
        assertTrue(e.getMessage().startsWith("cannot write " + f + ": "), e.getMessage());
    }

    @Test
    void parentThatIsAFileIsAnInputError() throws IOException {
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        InputException e = assertThrows(InputException.class, () -> AtomicFiles.writeString(file.resolve("child"), "y"));
        assertTrue(e.getMessage().startsWith("cannot write " + file.resolve("child") + ": "), e.getMessage());
    }

    @Test
    void targetThatIsADirectoryIsAnInputError() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        InputException e = assertThrows(InputException.class, () -> AtomicFiles.writeString(sub, "y"));
        assertEquals("cannot write " + sub + ": it is a directory", e.getMessage());
        assertTrue(Files.isDirectory(sub));
    }

    /** A pipe (standing in for /dev/null, which a lost check would replace when run as root) is refused, untouched. */
    @Test
    void refusesAnExistingTargetThatIsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
        Path link = dir.resolve("link-to-pipe");
        Files.createSymbolicLink(link, fifo);
        for (Path target : List.of(fifo, link)) {
            InputException e = assertThrows(InputException.class, () -> AtomicFiles.writeString(target, "x"));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(!Files.isRegularFile(fifo) && Files.exists(fifo));
        assertEquals(List.of("link-to-pipe", "pipe"), listing());
    }
}
