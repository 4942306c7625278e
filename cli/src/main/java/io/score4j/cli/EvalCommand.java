package io.score4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.score4j.InputException;
import io.score4j.report.ComparisonTable;
import io.score4j.comparison.Comparison;
import io.score4j.comparison.ComparisonInputs;
import io.score4j.comparison.ComparisonResult;
import io.score4j.comparison.ComparisonSettings;
import io.score4j.io.AtomicFiles;
import io.score4j.io.RunFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code score4j eval}: how close samples are to a reference CSV or to a known Gaussian mixture.
 *
 * <p>Columns are matched by name. Sample rows with NaN or infinite values are counted, reported (a
 * warning on stderr and a line in the table) and left out of every metric. The numbers come from
 * {@link Comparison} with {@link ComparisonSettings#defaults(long)} (as {@code report} uses them);
 * this command parses, checks and renders. The report is an aligned table on stdout; {@code --json}
 * also writes it as one JSON object (keys of {@link ComparisonResult#toJson()}, with the file names
 * added and the reference kind {@code csv} or {@code mixture}), atomically, and only once every
 * metric has been computed.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare samples with a reference CSV (two-sample statistics) or a Gaussian mixture (exact "
                + "marginals): rows, per-column mean, std and KS, MMD², energy distance, sliced W1, correlation "
                + "difference (d >= 2), mass per mode (mixture), W1 and fraction positive (d = 1).")
public final class EvalCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--samples", required = true, paramLabel = "B.csv",
            description = "the samples to judge (NaN/inf rows are counted and left out)")
    Path samples;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Reference reference;

    /** Exactly one reference. */
    static final class Reference {
        @Option(names = "--reference", paramLabel = "A.csv",
                description = "reference rows; its columns (or --columns) must all be in the samples")
        Path csv;

        @Option(names = "--mixture", paramLabel = "FILE.json", description = "a Gaussian mixture of the samples' dimension")
        Path mixture;
    }

    @Option(names = "--columns", split = ",", paramLabel = "a,b",
            description = "compare only these columns (by name; with --mixture, in the mixture's coordinate order)")
    List<String> columns;

    @Option(names = "--json", paramLabel = "OUT.json", description = "also write the metrics as a JSON object")
    Path json;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "key for subsampling, projections and mixture draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--projections", defaultValue = "" + ComparisonSettings.DEFAULT_PROJECTIONS, paramLabel = "P",
            description = "random directions for sliced W1 (default: ${DEFAULT-VALUE}, as report uses)")
    int projections;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public RunFiles files() {
        return RunFiles.none().withInput("--samples", samples).withInput("--reference", reference.csv)
                .withInput("--mixture", reference.mixture).withOutput("--json", json);
    }

    @Override
    public Integer call() {
        InputException.require(projections >= 1, "--projections", projections, "must be >= 1");
        List<String> names = columns == null ? null : columns.stream().map(String::strip).toList();
        ComparisonInputs in = ComparisonInputs.load(samples, reference.csv, reference.mixture, names,
                UserFiles.notes(spec, false));
        ComparisonResult result = Comparison.compare(in.samples(), in.reference(),
                ComparisonSettings.defaults(seed).withProjections(projections));
        if (json != null) {
            AtomicFiles.writeString(json, toJson(json(result, in)));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ComparisonTable.render(result, in));
        out.flush();
        String warning = ComparisonTable.nonFiniteWarning(result, in);
        if (warning != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(warning);
            err.flush();
        }
        return 0;
    }

    /** The suite's JSON with the files named: samples {file, rows, …}, reference {kind csv|mixture, file, rows}. */
    static Map<String, Object> json(ComparisonResult r, ComparisonInputs in) {
        Map<String, Object> m = r.toJson();
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("file", in.samplesFile());
        samples.putAll(castMap(m.get("samples")));
        m.put("samples", samples);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("kind", in.referenceKind());
        reference.put("file", in.referenceFile());
        reference.put("rows", r.counts().referenceRows());
        m.put("reference", reference);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** The result as indented JSON text, ending with a line break. */
    static String toJson(Map<String, Object> json) {
        try {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            return mapper.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("eval result is not serialisable", e);
        }
    }
}
