package io.score4j.cli;

import io.score4j.io.RunFiles;

/**
 * A command that names the files it reads and writes. {@link Main} checks them ({@link RunFiles#check})
 * after parsing and before the command runs, for every command, so no command can destroy its input.
 */
interface DeclaresFiles {
    /** The files this invocation reads and writes, from its parsed flags. */
    RunFiles files();
}
