package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.density.GaussianMixture;
import io.score4j.density.MixtureJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Small file helpers for the commands: user-facing errors name the file. */
final class UserFiles {
    private UserFiles() {}

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static GaussianMixture mixture(Path file) {
        return MixtureJson.read(file);
    }

    /** Fails early, before long work, when the output's directory does not exist or is not writable. */
    static void checkWritable(Path out, String flag) {
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(flag + " " + out + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError(flag + " " + out + ": directory " + dir + " is not writable");
        }
        if (Files.isDirectory(out)) {
            throw new UserError(flag + " " + out + " is a directory, expected a file");
        }
    }
}
