package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.baseline.TableCopula;
import io.score4j.data.TextTable;
import io.score4j.table.TableCsv;
import io.score4j.table.TableSchema;
import java.util.Map;
import io.score4j.baseline.CopulaJson;
import io.score4j.baseline.GaussianCopula;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.io.RunFiles;
import io.score4j.random.Key;
import io.score4j.train.TableRoute;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code score4j baseline}: the Gaussian copula with empirical marginals ({@link GaussianCopula}), the
 * baseline a score model should beat on a table. Fits on {@code --csv} (or reads a fitted
 * {@code --copula} file), optionally saves the fit ({@code --save}), and writes {@code --n} rows
 * ({@code --out}) drawn with {@code Key.of(seed).fold(}{@value #STREAM}{@code )}; same seed, same bytes,
 * whatever {@code --threads}. Judge the rows with {@code score4j eval}.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a Gaussian copula with empirical marginals to a CSV (the baseline a score model should "
                + "beat) and write synthetic rows; compare them with eval --samples.")
public final class BaselineCommand implements Callable<Integer>, DeclaresFiles {
    /** The fold-in constant of the rows' key. */
    static final long STREAM = 0x636F70756C61L;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one source. */
    static final class Source {
        @Option(names = "--csv", paramLabel = "DATA.csv", description = "the real rows to fit (numeric columns)")
        Path csv;

        @Option(names = "--copula", paramLabel = "COPULA.json", description = "a copula saved by baseline --save")
        Path copula;
    }

    @Option(names = "--columns", split = ",", paramLabel = "a,b", description = "fit only these columns of --csv")
    List<String> columns;

    @Option(names = "--save", paramLabel = "COPULA.json", description = "also write the fitted copula (JSON)")
    Path save;

    @Option(names = "--n", paramLabel = "N", description = "rows to draw (default: as many as the data has)")
    Integer n;

    @Option(names = "--out", required = true, paramLabel = "ROWS.csv", description = "where to write the rows")
    Path out;

    @Option(names = "--types", paramLabel = "COL=KIND,...",
            description = "column kinds of a --csv table, as train --types (rows written at the data's kinds, "
                    + "bounds and precision); without it read as train reads it (numbers only: plain with --save)")
    String types;

    @Mixin
    RunOptions run;

    @Override
    public RunFiles files() {
        return RunFiles.none().withInput("--csv", source.csv).withInput("--copula", source.copula)
                .withOutput("--save", save).withOutput("--out", out);
    }

    @Override
    public Integer call() {
        run.validate();
        InputException.require(n == null || n >= 1, "--n", n, "must be >= 1");
        InputException.require(columns == null || source.csv != null, "--columns", columns, "needs --csv");
        long t0 = System.nanoTime();
        GaussianCopula copula;
        InputException.require(types == null || source.csv != null, "--types", types, "needs --csv");
        if (source.csv != null) {
            TextTable table = TableRoute.read(source.csv, columns, types, save == null, note -> run.say("%s", note));
            if (table != null) {
                return tableCopula(table, t0);
            }
            Dataset data = NamedRows.withFlag("--csv", () -> columns == null ? Csv.read(source.csv)
                    : Csv.read(source.csv, columns.stream().map(String::strip).toList()));
            InputException.require(data.n() >= 2, "--csv", source.csv, "needs at least 2 data rows");
            copula = GaussianCopula.fit(data);
        } else {
            copula = NamedRows.withFlag("--copula", () -> CopulaJson.read(source.copula));
        }
        int rows = n != null ? n : copula.rows();
        Dataset drawn = copula.sample(rows, Key.of(run.seed).fold(STREAM), run.parallelism());
        if (save != null) {
            CopulaJson.write(save, copula);
        }
        Csv.write(out, drawn);
        run.say("%d copula rows (%d columns, fitted on %d rows) in %.2f s written to %s", rows, copula.d(), copula.rows(),
                (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }

    /** A typed table's copula ({@link TableCopula}), its rows written as a table model's samples are. */
    private int tableCopula(TextTable table, long t0) {
        InputException.require(save == null, "--save", save, "is not available for a typed table yet (its copula "
                + "holds the table's schema): fit from --csv each time");
        InputException.require(table.n() >= 2, "--csv", source.csv, "needs at least 2 data rows");
        TableSchema schema = TableSchema.fit(table, types == null ? Map.of()
                : TableSchema.parseTypes(types, table, "--types"), "--types");
        int rows = n != null ? n : table.n();
        TextTable drawn = TableCopula.sample(schema, table, rows, Key.of(run.seed).fold(STREAM),
                run.parallelism());
        TableCsv.write(drawn, out);
        run.say("%d copula rows (%d columns as a table, fitted on %d rows) in %.2f s written to %s", rows,
                table.d(), table.n(), (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
