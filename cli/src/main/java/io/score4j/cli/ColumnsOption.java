package io.score4j.cli;

import io.score4j.data.NamedRows;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --columns} of the commands that read points for a model (score, logp, impute): where its columns are. */
final class ColumnsOption {
    @Option(names = "--columns", split = ",", paramLabel = "MODEL=CSV",
            description = "where the model's columns are in the CSV when the names differ: MODEL=CSV pairs, "
                    + "or one CSV name per model column in the model's order (default: the model's own names)")
    List<String> columns;

    /** What {@code --csv} must hold: the columns {@code names} of {@code owner} (e.g. {@code the model m.safetensors}). */
    NamedRows.Request request(Path csv, String[] names, String owner) {
        return new NamedRows.Request("--csv", csv, names, owner, UserFiles.columnMapping(columns), NamedRows.COLUMNS_HINT);
    }
}
