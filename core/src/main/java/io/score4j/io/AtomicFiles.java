package io.score4j.io;

import io.score4j.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Whole-file writes that either fully happen or leave the target as it was.
 *
 * <p>The content goes to a new temporary file {@code .<name>.<random hex>.tmp} in the target's own
 * directory (created with the default permissions, so the result is readable as any new file is), is flushed and fsynced, and is then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} (so readers see the old file or the new one, never a
 * half-written one); finally the directory is fsynced where the platform allows it. If anything
 * fails the temporary file is deleted and an existing target is left untouched.
 *
 * <p>An existing target must be a regular file (or a link to one): a device such as {@code /dev/null} or a
 * pipe is refused, because the rename would replace the directory entry itself rather than write to it.
 *
 * <p>Modifies only {@code target} (and, briefly, the temporary file beside it). I/O failures,
 * including a missing or unwritable directory, become an {@link InputException} reading
 * {@code cannot write <path>: <reason>}; an unchecked exception thrown by the body propagates
 * unchanged after the clean-up.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Atomically replaces {@code target} with what {@code body} writes. */
    public static void write(Path target, IoWriter body) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new InputException("cannot write " + target + ": it is a directory");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            // A rename over a device or pipe would replace the entry itself (as root: /dev/null).
            throw new InputException("cannot write " + target + ": it exists and is not a regular file (a device or"
                    + " pipe); write to a new name or a regular file");
        }
        Path dir = abs.getParent();
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        boolean moved = false;
        try {
            writeSynced(tmp, body);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory(dir);
        } catch (IOException | SecurityException e) {
            throw cannotWrite(target, e);
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Deletes the temporary files a write to {@code target} leaves when the process is killed before
     * its rename ({@code .<name>.<hex>.tmp} beside the target; nothing else is touched). Call it
     * before writing {@code target} again, when no other process is writing it.
     *
     * @return the files deleted
     */
    public static List<Path> removeLeftovers(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Pattern temp = Pattern.compile("\\." + Pattern.quote(abs.getFileName().toString()) + "\\.[0-9a-f]{1,16}\\.tmp");
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir,
                p -> temp.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
            for (Path p : siblings) {
                Files.deleteIfExists(p);
                removed.add(p);
            }
        } catch (IOException | SecurityException e) {
            throw new InputException("cannot remove the temporary files of an interrupted write to " + target + ": "
                    + reason(e), e);
        }
        return removed;
    }

    /** Atomically replaces {@code target} with {@code bytes}. */
    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Atomically replaces {@code target} with {@code text} encoded as UTF-8 (no BOM). */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeSynced(Path tmp, IoWriter body) throws IOException {
        // CREATE_NEW (not createTempFile) so the file gets the usual permissions (umask), not 0600.
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            body.write(out);
            out.flush();
            ch.force(true);
        }
    }

    /** Makes the rename durable; some platforms cannot open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the file content itself is already synced.
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // Nothing more can be done; the original failure is what the caller needs to see.
        }
    }

    private static InputException cannotWrite(Path target, Exception e) {
        return new InputException("cannot write " + target + ": " + reason(e), e);
    }

    /** A short reason for an I/O failure, never null: JDK file exceptions put only the path in their message. */
    public static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg);
    }
}
