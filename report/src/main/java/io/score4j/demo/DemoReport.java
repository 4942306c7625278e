package io.score4j.demo;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.io.AtomicFiles;
import io.score4j.io.JsonText;
import io.score4j.report.Bins;
import io.score4j.report.ChartSpec;
import io.score4j.report.Charts;
import io.score4j.report.Figure;
import io.score4j.report.HtmlReport;
import io.score4j.report.Panels;
import io.score4j.report.Sample;
import io.score4j.report.Scale;
import io.score4j.report.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The demo's four figures (the seed's) and its report.html. */
public final class DemoReport {
    private DemoReport() {}

    /**
     * Writes everything the demo leaves in {@code dir} (an existing folder): model.safetensors,
     * samples.csv and exact_samples.csv (column x), metrics.json, the four figures and report.html,
     * each file atomically; returns the report's path.
     */
    public static Path writeAll(Path dir, FoundingDemo.Settings s, FoundingDemo.Result r) {
        r.model().save(dir.resolve("model.safetensors"));
        Csv.write(dir.resolve("samples.csv"), new String[] {"x"}, r.samples(), 1);
        Csv.write(dir.resolve("exact_samples.csv"), new String[] {"x"}, r.exactSamples(), 1);
        AtomicFiles.writeString(dir.resolve("metrics.json"), JsonText.indented(r.metrics()));
        return write(dir, s, r);
    }

    /**
     * Creates {@code dir} (and its parents) for {@link #writeAll}, before the long run; {@code flag} names it in
     * the {@link InputException} when it cannot be created or written.
     */
    public static void prepare(Path dir, String flag) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(flag + " " + dir + ": cannot create folder (" + AtomicFiles.reason(e) + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(flag + " " + dir + ": folder is not writable");
        }
    }

    /** Two lines: the headline metrics (learned and exact score) and the phase times with the report's path. */
    public static String summary(FoundingDemo.Result r, Path report) {
        Map<String, Double> m = r.metrics();
        return String.format(Locale.ROOT, "fisher_divergence %.4f  fraction_positive %.3f  sample_std %.3f  (exact score: "
                        + "fraction_positive %.3f)%ntrain %.1f s, sample %.1f s; report: %s", m.get("fisher_divergence"),
                m.get("fraction_positive"), m.get("sample_std"), m.get("exact_fraction_positive"), m.get("train_seconds"),
                m.get("sample_seconds"), report.toAbsolutePath());
    }

    /** Writes the figures and report.html into {@code dir}; returns the report's path. */
    public static Path write(Path dir, FoundingDemo.Settings s, FoundingDemo.Result r) {
        Bins dataBins = Bins.forData(r.data(), r.data());
        Figure data = Charts.histogram(ChartSpec.of(dir, "data", "Training data (" + r.data().length + " points)", "x",
                "density"), dataBins, List.of(new Sample("data", r.data())), List.of(truePdf(r, dataBins)));
        Figure loss = loss(dir, s, r);
        Figure score = Charts.lines(ChartSpec.of(dir, "score", "True vs learned score", "x", "s(x)"),
                List.of(new Series("true score", r.grid(), r.trueGrid()),
                        new Series("learned score", r.grid(), r.learnedGrid())), Scale.LINEAR);
        double[] learned = Bins.inView(r.samples(), r.data());
        double[] exact = Bins.inView(r.exactSamples(), r.data());
        Bins sampleBins = Bins.forData(r.data(), learned, exact);
        Figure samples = Charts.histogram(ChartSpec.of(dir, "samples", "Langevin samples (" + s.particles() + " particles, "
                        + s.langevinSteps() + " steps)", "x", "density"), sampleBins,
                List.of(new Sample("learned score", learned), new Sample("exact score", exact)),
                List.of(truePdf(r, sampleBins)));
        String outside = outside(r.samples().length - learned.length, r.exactSamples().length - exact.length, r.data());
        return report(s, r, data, loss, score, samples, dataBins, sampleBins.count() + ", " + sampleBins.rule()
                + outside).write(dir);
    }

    /** A caption sentence on particles outside the shown range, or "". */
    private static String outside(int learned, int exact, double[] data) {
        if (learned + exact == 0) {
            return "";
        }
        double[] v = Bins.viewRange(data);
        return String.format(Locale.ROOT, ". %d learned-chain and %d exact-chain particles lie outside [%.3g, %.3g] "
                + "(the data's range widened by half its span) and are not drawn", learned, exact, v[0], v[1]);
    }

    /** The mixture's pdf over the whole plotted range of a histogram. */
    private static Series truePdf(FoundingDemo.Result r, Bins bins) {
        int points = 800;
        double[] x = new double[points];
        double[] pdf = new double[points];
        double[] pt = new double[1];
        for (int i = 0; i < points; i++) {
            x[i] = bins.lo() + (bins.hi() - bins.lo()) * i / (points - 1);
            pt[0] = x[i];
            pdf[i] = Math.exp(r.mixture().logDensity(pt, 0));
        }
        return new Series("true density", x, pdf);
    }

    /**
     * Two panels: the seed's raw curve (every step's minibatch loss, with the floor) and the mean per
     * epoch above the floor on a log scale. Panels go to a hidden parts folder, deleted after.
     */
    private static Figure loss(Path dir, FoundingDemo.Settings s, FoundingDemo.Result r) {
        double floor = r.metrics().get("loss_floor");
        double[] raw = r.stepLosses();
        double perEpoch = (double) raw.length / r.epochLosses().length;
        double[] stepX = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            stepX[i] = (i + 1) / perEpoch;
        }
        double[] epochs = new double[r.epochLosses().length];
        double[] excess = new double[epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
            excess[i] = r.epochLosses()[i] - floor;
        }
        Path parts = parts(dir);
        try {
            double[] yRange = rawRange(raw, floor);
            Figure left = Charts.lines(ChartSpec.of(parts, "loss_raw", "Loss per step (the seed's curve)", "epoch",
                    "minibatch loss").withSize(600, 480), List.of(new Series("loss, every step", stepX, raw),
                    new Series("floor E[−½ s*²]", new double[] {0, epochs.length}, new double[] {floor, floor})),
                    Scale.LINEAR, yRange[0], yRange[1]);
            Figure right = Charts.lines(ChartSpec.of(parts, "loss_excess", "Mean per epoch above the floor", "epoch",
                    "loss − floor  (≈ Fisher divergence)").withSize(600, 480),
                    List.of(new Series("epoch mean − floor", epochs, excess)), Scale.LOG);
            return Panels.sideBySide(dir, "loss", "Training loss", List.of(left, right));
        } finally {
            deleteParts(parts);
        }
    }

    /**
     * The raw curve's y range: from below its lowest value to the highest value after the first 10% of
     * the steps (the first steps' losses are orders of magnitude larger and are cut at the top).
     */
    static double[] rawRange(double[] raw, double floor) {
        double lo = floor;
        double hi = floor;
        for (int i = 0; i < raw.length; i++) {
            lo = Math.min(lo, raw[i]);
            if (i >= raw.length / 10) {
                hi = Math.max(hi, raw[i]);
            }
        }
        double pad = 0.05 * Math.max(hi - lo, 1e-9);
        return new double[] {lo - pad, hi + pad};
    }

    private static Path parts(Path dir) {
        try {
            return Files.createTempDirectory(dir, ".demo-parts-");
        } catch (IOException e) {
            throw new InputException("--out " + dir + ": cannot write figures (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteParts(Path parts) {
        try (var files = Files.list(parts)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(parts);
        } catch (IOException e) {
            // Best effort: a leftover hidden folder does not change the report.
        }
    }

    private static HtmlReport report(FoundingDemo.Settings s, FoundingDemo.Result r, Figure data, Figure loss,
                                     Figure score, Figure samples, Bins dataBins, String sampleBins) {
        Map<String, Double> m = r.metrics();
        return HtmlReport.titled("score4j: the founding pipeline")
                .metrics(m)
                .section("Data")
                .text("Samples of ½N(−2, 1) + ½N(2, 1), drawn with explicit keys as in the seed: "
                        + "int(n·w) points per component.")
                .figure(data, "Histogram of the training data (" + dataBins.count() + " bins, " + dataBins.rule()
                        + ") with the true density (dashed).")
                .section("Training")
                .text("Exact (Hyvärinen) score matching. The loss minus its floor is the Fisher divergence "
                        + "½E‖s − s*‖²; the floor is E[−½ s*²] = " + fmt(m.get("loss_floor")) + ".")
                .figure(loss, "Left: the loss of every training step's minibatch, as the seed plots it, with the "
                        + "floor (the loss at the true score); the y axis stops at the highest loss after the first 10% "
                        + "of the steps, whose larger values run off the top. Right: the mean loss per epoch minus the floor, on a log "
                        + "scale (epochs whose mean fell below the floor are not drawn).")
                .section("Learned score")
                .text("Fisher divergence on 20 000 fresh samples: " + fmt(m.get("fisher_divergence"))
                        + "; mean squared error on the grid [−4, 4): " + fmt(m.get("score_grid_mse")) + ".")
                .figure(score, "True score (closed form) and learned score on the grid [−4, 4).")
                .section("Sampling")
                .text(samplingText(m))
                .figure(samples, "Final particles of the learned-score chain (filled bars) and the exact-score "
                        + "chain (outline) on shared bins, with the true density (dashed). Bins: " + sampleBins + ".")
                .settings(s.asMap())
                .note("Both chains start from the same U(0, 1) points and use the same noise; differences between them "
                        + "are due to the learned score, differences between the exact chain and the true density "
                        + "are due to the sampler (finite step size and too few steps to mix).");
    }

    private static String samplingText(Map<String, Double> m) {
        return String.format(Locale.ROOT, "Learned score: %.3f of the mass right of 0, KS %.3f, W1 %.3f, mean %.3f, "
                        + "std %.3f. Exact score, same start and noise: %.3f right of 0, KS %.3f, W1 %.3f, std %.3f. "
                        + "The true mixture has 0.5 right of 0 and std √5 ≈ 2.236. Starting every particle in U(0, 1) "
                        + "and running 1000 steps of α = 0.01 does not fully mix between the modes, so even the exact "
                        + "score leaves extra mass on the right: that part of the error is the sampler's.",
                m.get("fraction_positive"), m.get("ks_vs_true"), m.get("wasserstein1_vs_true"), m.get("sample_mean"),
                m.get("sample_std"), m.get("exact_fraction_positive"), m.get("exact_ks_vs_true"),
                m.get("exact_wasserstein1_vs_true"), m.get("exact_sample_std"));
    }

    private static String fmt(double v) {
        return HtmlReport.format(v);
    }
}
