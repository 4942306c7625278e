package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.io.RunFiles;
import io.score4j.random.Key;
import io.score4j.report.Report;
import io.score4j.report.ReportSamples;
import io.score4j.report.TableReport;
import io.score4j.train.HeldOutLikelihood;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code score4j report}: a report on a trained model against data, in one folder:
 * {@code report.html} (metrics, figures as PNG + SVG, settings), {@code report.json} (the metrics,
 * keys {@link Report#JSON_KEYS}) and, when the report draws the samples itself,
 * {@code samples.csv}. The command loads and checks the inputs, draws the samples (as {@code sample}
 * does) and hands everything to the library's {@link Report}, which computes, draws and writes.
 *
 * <p>Keys: {@code Key.of(seed).split(5)}: [0] draws --mixture/--toy data (as {@code train} does),
 * [3] the samples (as {@code sample} does), [4] the metrics and figure subsets.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare a model's samples and score with the data: report.html (figures, metrics, settings) "
                + "and report.json in one folder.")
public final class ReportCommand implements Callable<Integer>, DeclaresFiles {
    @Option(names = "--model", required = true, paramLabel = "MODEL.safetensors", description = "a model written by score4j train")
    Path model;

    @Mixin
    DataOptions data;

    @Option(names = "--samples", paramLabel = "SAMPLES.csv",
            description = "samples to compare, with the model's columns (by name, as sample writes them; default: drawn "
                    + "from the model); a table model takes several, side by side (e.g. the copula's)")
    List<Path> samples;

    @Option(names = "--holdout", paramLabel = "HELD.csv",
            description = "table models: real rows held out of training, their C2ST and DCR beside the samples' (as eval)")
    Path holdout;

    @Mixin
    ReportSampling sampling;

    @Option(names = "--out", defaultValue = "score4j-report", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--logp-rows", paramLabel = "N", defaultValue = "" + HeldOutLikelihood.DEFAULT_MAX_ROWS,
            description = "score SDE models: the held-out log-likelihood uses at most N data rows, evenly spaced "
                    + "(default: ${DEFAULT-VALUE}; 0 skips it; as eval --logp-rows)")
    int logpRows;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    /** Reads the model, the data and --samples; writes into --out (samples.csv, or deletes an old one). */
    @Override
    public RunFiles files() {
        RunFiles files = RunFiles.none().withInput("--model", model).withInput("--csv", data.csv)
                .withInput("--mixture", data.mixture).withInput("--holdout", holdout);
        for (Path p : samples == null ? List.<Path>of() : samples) {
            files = files.withInput("--samples", p);
        }
        return files.withFolder("--out", out, "report.html", "report.json", "samples.csv");
    }

    @Override
    public Integer call() {
        run.validate();
        InputException.require(logpRows >= 0, "--logp-rows", logpRows, "must be >= 0 (0: no held-out log-likelihood)");
        if (samples != null) {
            sampling.checkUnused(samples.get(0));
        }
        Report.checkFolder(out, "--out");
        Key[] keys = Key.of(run.seed).split(5);
        Consumer<String> notes = UserFiles.notes(spec, run.quiet);
        ScoreModel m = ScoreModel.load(model);
        if (TableReport.applies(m)) {
            return tableReport(m, notes);
        }
        InputException.require(holdout == null, "--holdout", holdout, "applies only to a table model (train --types)");
        InputException.require(samples == null || samples.size() == 1, "--samples", samples,
                "takes one file for a numeric model (several only for a table model)");
        Dataset rows = loadData(m, keys[0], notes);
        long t0 = System.nanoTime();
        ReportSamples s = samples != null ? ReportSamples.read(samples.get(0), m, "the model " + model, notes)
                : sampling.draw(model, m, rows.n(), run.seed, run.parallelism(), run.quiet);
        Report report = Report.builder(m).modelFile(model).reference(rows, data.describe()).truth(data.trueMixture())
                .samples(s).seed(run.seed).logpRows(logpRows).parallelism(run.parallelism()).build();
        Path page = report.writeTo(out);
        summary(report, page, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /**
     * The data ({@code key} draws --mixture/--toy data, as {@code train} does with the same seed; a
     * --csv's columns are matched to the model's by name); too few rows or columns are user errors.
     */
    private Dataset loadData(ScoreModel m, Key key, Consumer<String> notes) {
        Dataset rows = data.loadFor(m.columns(), "the model " + model, key, notes);
        String given = data.csv != null ? "--csv " + data.csv : data.mixture != null ? "--mixture " + data.mixture
                : "--toy " + data.toy;
        if (rows.d() != m.dim()) {
            throw new InputException(given + " has " + rows.d() + (rows.d() == 1 ? " column" : " columns")
                    + " but the model " + model + " expects " + m.dim() + " (" + String.join(", ", m.columns()) + ")");
        }
        InputException.require(rows.n() >= 2, given, rows.n() + " rows", "needs at least 2 rows");
        return rows;
    }

    /** A table model: {@link TableReport} on --csv, the --samples files or rows drawn as sample draws them. */
    private Integer tableReport(ScoreModel m, Consumer<String> notes) {
        if (data.csv == null) {
            throw new InputException("the model " + model + " is a table model: give its real rows with --csv");
        }
        TableReport.Builder b = TableReport.builder(m, model).reference(data.csv).holdout(holdout).seed(run.seed)
                .parallelism(run.parallelism()).notes(notes);
        if (samples == null) {
            b.drawn(sampling.draw(model, m, io.score4j.data.TextCsv.read(data.csv).n(), run.seed,
                    run.parallelism(), run.quiet));
        }
        (samples == null ? List.<Path>of() : samples).forEach(b::samples);
        TableReport r = b.build();
        Path page = r.writeTo(out);
        run.say("%s", r.summary() + "report: " + page.toAbsolutePath());
        return 0;
    }

    /** The metrics line (and the held-out log-likelihood's), unless --quiet. */
    private void summary(Report report, Path page, double seconds) {
        Map<String, Double> v = report.metrics();
        String fisher = report.fisherSummary();
        run.say("mmd2 %.4g  energy %.4g  sliced_w1 %.4g%s; report (%.1f s): %s", v.get("mmd2"),
                v.get("energy_distance"), v.get("sliced_wasserstein"), fisher.isEmpty() ? "" : "  " + fisher, seconds, page.toAbsolutePath());
        report.heldOutLikelihood().ifPresent(h -> run.say("%s", h.summary()));
    }
}
