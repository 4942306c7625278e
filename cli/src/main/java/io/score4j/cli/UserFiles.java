package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.ColumnMapping;
import io.score4j.io.RunFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/** Small file helpers for the commands: user-facing errors name the file. */
final class UserFiles {
    private UserFiles() {}

    /** Parses {@code --columns} as a {@link ColumnMapping}; a bad value is a user error naming the flag. */
    static ColumnMapping columnMapping(List<String> columns) {
        try {
            return ColumnMapping.parse(columns);
        } catch (InputException e) {
            throw new InputException("--columns " + e.getMessage());
        }
    }

    /** Where a command's notes go: one line each on stderr, nowhere when {@code quiet}. */
    static Consumer<String> notes(CommandSpec spec, boolean quiet) {
        return line -> {
            if (!quiet) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(line);
                err.flush();
            }
        };
    }

    /** Fails early when {@code out} cannot be written as an output (see {@link RunFiles#check}). */
    static void checkWritable(Path out, String flag) {
        RunFiles.none().withOutput(flag, out).check();
    }
}
