package io.score4j.io;

import io.score4j.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files a run reads and writes, declared before it runs, so that one check (the CLI runs it for
 * every command before the command starts) refuses outputs that would destroy something:
 * <ul>
 *   <li>an output that is the same file as an input (compared with {@link Files#isSameFile}, so
 *       symbolic and hard links count), unless the output is declared to update that input in place;</li>
 *   <li>two outputs that are the same file;</li>
 *   <li>an existing output that is not a regular file ({@code /dev/stdout}, {@code /dev/null}, a pipe, a
 *       folder): outputs are written to a temporary file renamed over the target, which would replace
 *       the device entry itself when run as root;</li>
 *   <li>an output whose directory does not exist or is not writable (so a long run fails at once).</li>
 * </ul>
 * Each refusal is a {@link InputException} naming the flag and the path. Immutable; {@code with…} methods
 * return a new value, and ignore a {@code null} path (a flag not given).
 *
 * @param inputs  files read
 * @param outputs files and folders written
 */
public record RunFiles(List<Entry> inputs, List<Entry> outputs) {
    /** What an entry is. */
    public enum Kind { FILE, FOLDER, IN_FOLDER }

    /**
     * A path given by a flag.
     *
     * @param flag    the flag, e.g. {@code --out}
     * @param path    the path as given
     * @param kind    a file; an output folder; or a file the command writes inside an output folder
     * @param updates for an output, the input flag whose file it may be (updated in place), else null
     */
    public record Entry(String flag, Path path, Kind kind, String updates) {
        public Entry {
            Objects.requireNonNull(flag, "flag");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public RunFiles {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** No files. */
    public static RunFiles none() {
        return new RunFiles(List.of(), List.of());
    }

    /** Adds an input file; nothing when {@code path} is null. */
    public RunFiles withInput(String flag, Path path) {
        return path == null ? this : new RunFiles(plus(inputs, new Entry(flag, path, Kind.FILE, null)), outputs);
    }

    /** Adds an output file; nothing when {@code path} is null. */
    public RunFiles withOutput(String flag, Path path) {
        return withOutput(flag, path, null);
    }

    /** Adds an output file that may be the file of the input {@code updates} (rewritten in place). */
    public RunFiles withOutput(String flag, Path path, String updates) {
        return path == null ? this : new RunFiles(inputs, plus(outputs, new Entry(flag, path, Kind.FILE, updates)));
    }

    /** Adds an output folder (created when missing) and the names of the files the command writes in it. */
    public RunFiles withFolder(String flag, Path dir, String... files) {
        List<Entry> out = plus(outputs, new Entry(flag, dir, Kind.FOLDER, null));
        for (String f : files) {
            out = plus(out, new Entry(flag, dir.resolve(f), Kind.IN_FOLDER, null));
        }
        return new RunFiles(inputs, out);
    }

    private static List<Entry> plus(List<Entry> list, Entry e) {
        List<Entry> copy = new ArrayList<>(list);
        copy.add(e);
        return copy;
    }

    /** Throws a {@link InputException} for the first output that would destroy something (see the class comment). */
    public void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Entry out = outputs.get(i);
            checkTarget(out);
            if (out.kind() == Kind.FOLDER) {
                continue;
            }
            for (Entry in : inputs) {
                if (!in.flag().equals(out.updates()) && sameFile(out.path(), in.path())) {
                    throw new InputException(named(out) + " would overwrite the input " + in.flag() + " " + in.path()
                            + " (the same file); write the output elsewhere");
                }
            }
            for (Entry other : outputs.subList(0, i)) {
                if (other.kind() != Kind.FOLDER && sameFile(out.path(), other.path())) {
                    throw new InputException(named(out) + " and " + named(other) + " are the same file; give each output its own");
                }
            }
        }
    }

    private static String named(Entry e) {
        return e.kind() == Kind.IN_FOLDER ? e.flag() + " " + e.path().getParent() + " (its " + e.path().getFileName() + ")"
                : e.flag() + " " + e.path();
    }

    private static void checkTarget(Entry out) {
        Path p = out.path();
        switch (out.kind()) {
            case FOLDER -> {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    throw new InputException(out.flag() + " " + p + " exists and is not a folder");
                }
                if (!Files.exists(p)) {
                    requireDirectory(out, p.toAbsolutePath().normalize().getParent());
                }
            }
            case IN_FOLDER -> requireRegularOrNew(out);
            case FILE -> {
                requireRegularOrNew(out);
                requireDirectory(out, p.toAbsolutePath().getParent());
            }
        }
    }

    private static void requireRegularOrNew(Entry out) {
        Path p = out.path();
        if (Files.isDirectory(p)) {
            throw new InputException(named(out) + " is a directory, expected a file");
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new InputException(named(out) + " exists and is not a regular file (a device or a pipe); "
                    + "outputs are written to a new file renamed into place, so give a file name");
        }
    }

    private static void requireDirectory(Entry out, Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(out.flag() + " " + out.path() + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(out.flag() + " " + out.path() + ": directory " + dir + " is not writable");
        }
    }

    /**
     * Whether two paths name the same file: {@link Files#isSameFile} when both exist (links
     * resolved, hard links included), else the same real path of the parent directory and name.
     */
    public static boolean sameFile(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // fall back to comparing paths
            }
        }
        return canonical(a).equals(canonical(b));
    }

    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            try {
                return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
            } catch (IOException e2) {
                return abs;
            }
        }
    }
}
