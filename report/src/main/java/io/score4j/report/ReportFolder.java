package io.score4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.score4j.InputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The report's output folder, written all or nothing. Every file is first written into a hidden
 * staging folder inside it ({@code .report-staging-…}); {@link #publish} then renames the files into
 * place one by one (atomic renames on one file system), figures first, {@code report.json} next and
 * {@code report.html} last, so the page never links a figure that is not there yet. Files of an
 * earlier report in the folder that this one does not write (figures and drawn samples, as its
 * {@code report.json} lists them) are deleted after the new page is in place. {@link #close} removes the staging folder and, when nothing
 * was published, the output folder itself if this run created it and it is still empty.
 */
final class ReportFolder implements AutoCloseable {
    private final Path dir;
    private final Path staging;
    private final Path parts;
    private final boolean created;
    private boolean published;

    private ReportFolder(Path dir, Path staging, boolean created) throws IOException {
        this.dir = dir;
        this.staging = staging;
        this.parts = Files.createDirectory(staging.resolve("parts"));
        this.created = created;
    }

    /**
     * Fails early, before long work, with an {@link InputException} when {@code dir} cannot become the
     * output folder; {@code label} names it in the message (e.g. {@code --out}).
     */
    public static void check(Path dir, String label) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(label + " " + dir + " is a file, expected a folder");
        }
        Path parent = dir.toAbsolutePath().normalize().getParent();
        if (!Files.exists(dir) && (parent == null || !Files.isDirectory(parent))) {
            throw new InputException(label + " " + dir + ": parent folder " + parent + " does not exist");
        }
    }

    /** Creates {@code dir} if needed and a fresh staging folder in it. */
    static ReportFolder open(Path dir) {
        check(dir, "report folder");
        boolean created = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
            return new ReportFolder(dir, Files.createTempDirectory(dir, ".report-staging-"), created);
        } catch (IOException e) {
            throw new InputException("report folder " + dir + ": cannot create folder (" + reason(e) + ")", e);
        }
    }

    /** Where figures and documents are rendered before publishing (their links are relative, so they survive the move). */
    Path staging() {
        return staging;
    }

    /** A scratch folder for intermediate renderings that are never published (panels of combined figures). */
    Path parts() {
        return parts;
    }

    /**
     * Moves {@code files} (names of files in the staging folder) into the output folder in the order
     * given, then deletes the files of the earlier report that are not among them.
     */
    void publish(List<String> files) {
        List<String> stale = previousFiles();
        try {
            for (String f : files) {
                move(staging.resolve(f), dir.resolve(f));
            }
            published = true;
            for (String f : stale) {
                if (!files.contains(f)) {
                    Files.deleteIfExists(dir.resolve(f));
                }
            }
        } catch (IOException e) {
            throw new InputException("report folder " + dir + ": cannot write report files (" + reason(e) + ")", e);
        }
    }

    /**
     * The files the folder's current report.json says its report wrote: figures ("figures": png,
     * svg) and drawn samples ("samples": file); plain PNG/SVG/CSV names only, never a path.
     */
    private List<String> previousFiles() {
        List<String> names = new ArrayList<>();
        Path json = dir.resolve("report.json");
        if (!Files.isRegularFile(json)) {
            return names;
        }
        try {
            JsonNode old = new ObjectMapper().readTree(json.toFile());
            for (JsonNode fig : old.path("figures")) {
                names.add(fig.path("png").asText(""));
                names.add(fig.path("svg").asText(""));
            }
            names.add(old.path("samples").path("file").asText(""));
        } catch (IOException e) {
            return List.of(); // an unreadable old report: leave its files alone
        }
        names.removeIf(n -> !n.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.(png|svg|csv)"));
        return names;
    }

    /** A short reason for an I/O failure, for messages. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        deleteTree(staging);
        if (!published && created) {
            try (Stream<Path> left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // Best effort: the error that stopped the report is what the user needs to see.
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort, as above.
        }
    }
}
