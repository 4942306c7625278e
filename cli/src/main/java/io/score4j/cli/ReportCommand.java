package io.score4j.cli;

import io.score4j.data.Csv;
import io.score4j.random.Key;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * keys {@link ReportDocument#KEYS}) and, when the report draws the samples itself,
 * {@code samples.csv}. Figures depend on D (see {@link ReportFigures}). Inputs are loaded and checked
 * before anything is written; the folder's files appear all at once (see {@link ReportFolder}).
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
            description = "samples to compare, with the model's columns (by name, as sample writes them; default: drawn from the model)")
    Path samples;

    @Mixin
    ReportSampling sampling;

    @Option(names = "--out", defaultValue = "score4j-report", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "random seed; same seed, same samples and metrics (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "worker threads (default: all cores); results do not depend on it")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress bars or summary")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** Reads the model, the data and --samples; writes into --out (samples.csv, or deletes an old one). */
    @Override
    public CommandFiles files() {
        return CommandFiles.none().withInput("--model", model).withInput("--csv", data.csv)
                .withInput("--mixture", data.mixture).withInput("--samples", samples)
                .withFolder("--out", out, "report.html", "report.json", "samples.csv");
    }

    @Override
    public Integer call() {
        UserError.require(threads >= 0, "--threads", threads, "must be >= 0 (0: all cores)");
        if (samples != null) {
            sampling.checkUnused(samples);
        }
        ReportFolder.check(out);
        Key[] keys = Key.of(seed).split(5);
        Consumer<String> notes = UserFiles.notes(spec, quiet);
        ReportInputs in = ReportInputs.load(model, data, keys[0], notes);
        long t0 = System.nanoTime();
        ReportSamples s = samples != null ? ReportSamples.read(samples, in, notes)
                : sampling.draw(in, seed, threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), quiet);
        ReportMetrics.Result metrics = ReportMetrics.compute(in, s, keys[4].child(0), seed);
        Path page;
        try (ReportFolder folder = ReportFolder.open(out)) {
            List<ReportFigures.Entry> figures = ReportFigures.render(in, s, folder, keys[4].child(1));
            String samplesFile = s.drawn() ? "samples.csv" : null;
            if (samplesFile != null) {
                Csv.write(folder.staging().resolve(samplesFile), in.model().columns(), s.points(), in.dim());
            }
            ReportDocument.Contents c = new ReportDocument.Contents(in, s, metrics, figures, samplesFile);
            ReportDocument.writeJson(folder.staging(), c);
            ReportDocument.writeHtml(folder.staging(), c);
            folder.publish(publishOrder(figures, samplesFile));
            page = out.resolve("report.html");
        }
        summary(metrics, page, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** Figures (PNG, SVG), samples.csv, report.json, report.html: the page last, so its links already resolve. */
    static List<String> publishOrder(List<ReportFigures.Entry> figures, String samplesFile) {
        List<String> files = new ArrayList<>();
        for (ReportFigures.Entry e : figures) {
            files.add(e.figure().png().getFileName().toString());
            files.add(e.figure().svg().getFileName().toString());
        }
        if (samplesFile != null) {
            files.add(samplesFile);
        }
        files.add("report.json");
        files.add("report.html");
        return files;
    }

    private void summary(ReportMetrics.Result metrics, Path page, double seconds) {
        if (quiet) {
            return;
        }
        Double fisher = metrics.values().get("fisher_divergence");
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "mmd2 %.4g  energy %.4g  sliced_w1 %.4g%s; "
                        + "report (%.1f s): %s", metrics.values().get("mmd2"), metrics.values().get("energy_distance"),
                metrics.values().get("sliced_wasserstein"), fisher == null ? "" : String.format(Locale.ROOT,
                        "  fisher %.4g", fisher), seconds, page.toAbsolutePath()));
        spec.commandLine().getOut().flush();
    }
}
