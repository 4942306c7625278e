package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.comparison.ComparisonResult;
import io.score4j.comparison.ComparisonSettings;
import io.score4j.comparison.Evaluation;
import io.score4j.io.AtomicFiles;
import io.score4j.io.RunFiles;
import io.score4j.report.EvaluationRun;
import io.score4j.report.EvaluationText;
import io.score4j.train.HeldOutLikelihood;
import io.score4j.train.ModelLikelihood;
import io.score4j.train.ScoreModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
 * {@link Evaluation} ({@link io.score4j.comparison.Comparison} with {@link ComparisonSettings#defaults(long)}, as
 * {@code report} uses them); this command parses, checks and prints what {@link EvaluationRun} computes
 * ({@link EvaluationText}). The report is an aligned table on stdout; {@code --json} also writes it as one JSON
 * object ({@link Evaluation#toJson}: the keys of {@link ComparisonResult#toJson()} with the file names added and
 * the reference kind {@code csv} or
 * {@code mixture}), atomically, and only once every metric has been computed.
 *
 * <p>Against a reference CSV it also checks fidelity and privacy ({@link io.score4j.comparison.Fidelity}): a TV
 * or KS test per column, the classifier two-sample test ({@code --no-c2st} skips it) and the distance to closest
 * record, beside the same for held-out real rows ({@code --holdout}); those print after the comparison
 * and go under {@code fidelity} in the JSON. {@code --samples} may be repeated to judge several files
 * against one reference: each file's tables, then their headline metrics side by side; the JSON is then
 * {@code {"comparisons": [one object per file]}}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare samples with a reference CSV (two-sample statistics) or a Gaussian mixture (exact "
                + "marginals): rows, per-column mean, std and KS, MMD², energy distance, sliced W1, correlation "
                + "difference (d >= 2), mass per mode (mixture), W1 and fraction positive (d = 1). Against a CSV "
                + "also fidelity and privacy: TV (discrete) or KS per column, C2ST accuracy, distance to closest "
                + "record and exact copies (beside held-out rows with --holdout).")
public final class EvalCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--samples", required = true, paramLabel = "B.csv",
            description = "the samples to judge (NaN/inf rows are counted and left out); repeat to compare several "
                    + "files with the same reference side by side")
    List<Path> samples;

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

    @Option(names = "--holdout", paramLabel = "C.csv",
            description = "real rows held out of training: their C2ST and distance to closest record beside the "
                    + "samples' (needs --reference, which should be the training rows)")
    Path holdout;

    @Option(names = "--c2st", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "run the classifier two-sample test against a reference CSV (default: on; --no-c2st skips it)")
    boolean c2st;

    @Option(names = "--model", paramLabel = "MODEL.safetensors",
            description = "a score SDE model (train --objective dsm): also the held-out log-likelihood of the --reference "
                    + "rows under it (mean logp, nats per row and per dimension, with standard errors; as report shows it)")
    Path model;

    @Option(names = "--logp-rows", paramLabel = "N", defaultValue = "" + HeldOutLikelihood.DEFAULT_MAX_ROWS,
            description = "with --model: at most N reference rows, evenly spaced, get their logp (one ODE solve each; "
                    + "default: ${DEFAULT-VALUE})")
    int logpRows;

    @Option(names = "--json", paramLabel = "OUT.json", description = "also write the metrics as a JSON object")
    Path json;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "key for subsampling, projections, mixture draws, C2ST folds and permutations (default: "
                    + "${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--projections", defaultValue = "" + ComparisonSettings.DEFAULT_PROJECTIONS, paramLabel = "P",
            description = "random directions for sliced W1 (default: ${DEFAULT-VALUE}, as report uses)")
    int projections;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public RunFiles files() {
        RunFiles files = RunFiles.none();
        for (Path p : samples) {
            files = files.withInput("--samples", p);
        }
        return files.withInput("--reference", reference.csv).withInput("--mixture", reference.mixture)
                .withInput("--holdout", holdout).withInput("--model", model).withOutput("--json", json);
    }

    @Override
    public Integer call() {
        InputException.require(projections >= 1, "--projections", projections, "must be >= 1");
        InputException.require(holdout == null || reference.csv != null, "--holdout", holdout,
                "needs --reference (held-out rows are compared with reference rows)");
        List<String> names = columns == null ? null : columns.stream().map(String::strip).toList();
        InputException.require(model == null || reference.csv != null, "--model", model,
                "needs --reference (the held-out rows whose log-likelihood it computes)");
        InputException.require(logpRows >= 1, "--logp-rows", logpRows, "must be >= 1");
        ScoreModel m = model == null ? null : ScoreModel.load(model);
        if (m != null) {
            ModelLikelihood.sde(m, "--model " + model, "eval --model");
        }
        EvaluationRun r = EvaluationRun.of(samples, reference.csv, reference.mixture, names, holdout, m, model,
                logpRows, seed, projections, c2st, Parallelism.available(), UserFiles.notes(spec, false));
        if (json != null) {
            AtomicFiles.writeString(json, r.json());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(r.text());
        out.flush();
        r.warnings().forEach(UserFiles.notes(spec, false));
        return 0;
    }
}
