package io.score4j.report;

import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.MixtureData;
import io.score4j.data.ToySet;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ColumnStats;
import io.score4j.random.Key;
import io.score4j.Parallelism;
import io.score4j.train.HeldOutLikelihood;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report on a trained model against data, built in Java: the metrics are computed by
 * {@link Builder#build()}, the files written by {@link #writeTo(Path)}. For example
 * <pre>{@code
 * ScoreModel model = ScoreModel.load(Path.of("ring8.safetensors"));
 * Report report = Report.builder(model)
 *         .reference(ToySet.RING8, 20_000, 0)        // data drawn as `train --toy ring8 --seed 0` does
 *         .samples(Dataset.of(2, drawnRows), "my sampler")
 *         .seed(0)
 *         .build();
 * double mmd2 = report.metrics().get("mmd2");
 * report.writeTo(Path.of("ring8-report"));          // report.html, report.json, figures
 * }</pre>
 * Sampling is the caller's job: pass the samples in (the CLI draws them with the same sampler as
 * {@code score4j sample}, and hands over their settings in {@link ReportSamples#sampler()}).
 *
 * <p>Keys: the reference draw of {@link Builder#reference(GaussianMixture, int, long)} uses
 * {@code Key.of(seed).split(5)[0]} (as {@code train}); the comparison suite runs with the report's
 * seed (as {@code score4j eval --seed}), the Fisher divergence and figure subsets use the report key
 * {@code Key.of(seed).split(5)[4]} (as {@code score4j report --seed}). Same inputs and seed, same
 * metrics and same bytes.
 */
public final class Report {
    /** Format tag of report.json. */
    public static final String FORMAT = ReportDocument.FORMAT;
    /** Top-level keys of report.json, in order. */
    public static final List<String> JSON_KEYS = ReportDocument.KEYS;
    /** Every key of {@link #metrics()}, in order. */
    public static final List<String> METRIC_KEYS = ReportMetrics.KEYS;

    private final ReportInputs in;
    private final ReportSamples samples;
    private final ReportMetrics.Result metrics;
    private final Key key;

    private final HeldOutLikelihood heldOut;

    private Report(ReportInputs in, ReportSamples samples, long seed, int logpRows, Parallelism parallelism) {
        Key key = Key.of(seed).split(5)[4];
        this.in = in;
        this.samples = samples;
        this.key = key;
        this.metrics = ReportMetrics.compute(in, samples, key.child(0), seed);
        this.heldOut = in.model().timeConditional() && logpRows > 0
                ? HeldOutLikelihood.of(in.model(), in.modelFile().toString(), in.data().values(), in.dim(), logpRows,
                        in.mixture(), seed, parallelism) : null;
    }

    /**
     * The held-out log-likelihood of the reference rows under a score SDE model ({@link HeldOutLikelihood}, as
     * {@code eval --model} computes it), or empty for another model or with {@link Builder#logpRows} 0.
     */
    public java.util.Optional<HeldOutLikelihood> heldOutLikelihood() {
        return java.util.Optional.ofNullable(heldOut);
    }

    /** A builder for a report on {@code model}. */
    public static Builder builder(ScoreModel model) {
        return new Builder(model);
    }

    /**
     * Every metric by name (keys {@link #METRIC_KEYS}, in order); a value is {@code null} where it
     * does not apply (e.g. the Fisher divergence when the data's density is unknown).
     */
    public Map<String, Double> metrics() {
        return metrics.values();
    }

    /** The Fisher divergence at each shown σ of a noise-conditional model's ladder (empty otherwise). */
    public List<ReportMetrics.SigmaFisher> fisherBySigma() {
        return metrics.bySigma();
    }

    /**
     * "fisher 185.9 (at σ = 0.01, the smallest of 10 levels)" or, for a plain model, "fisher 4.785
     * (½·mean‖s − ∇log p‖² on the data)", for a summary line; "" when the data's density is unknown.
     */
    public String fisherSummary() {
        Double f = metrics.values().get("fisher_divergence");
        if (f == null) {
            return "";
        }
        String at = in.model().noiseConditional()
                ? "at σ = " + HtmlReport.format(in.smallestSigma()) + ", the smallest of " + in.model().sigmas().length
                        + " levels" : in.model().timeConditional()
                ? "½·mean‖s − ∇log p‖² on the data, the score at t = ε = " + HtmlReport.format(in.model().training()
                        .map(s -> s.options().eps()).orElse(io.score4j.noise.Sde.DEFAULT_EPS))
                        + ", where sharp modes make it large; the score figures compare at moderate t"
                : "½·mean‖s − ∇log p‖² on the data";
        return String.format(java.util.Locale.ROOT, "fisher %.4g (%s)", f, at);
    }

    /**
     * Writes the report into {@code dir} (created if needed): report.html, report.json, every figure
     * as PNG and SVG and, when the samples were drawn for the report, samples.csv. All files appear at
     * once (see {@link ReportFolder}); an unwritable folder is an {@link io.score4j.InputException}.
     *
     * @return the path of report.html
     */
    public Path writeTo(Path dir) {
        try (ReportFolder folder = ReportFolder.open(dir)) {
            List<ReportFigures.Entry> figures = ReportFigures.render(in, samples, folder, key.child(1));
            String samplesFile = samples.drawn() ? "samples.csv" : null;
            if (samplesFile != null) {
                Csv.write(folder.staging().resolve(samplesFile), in.model().columns(), samples.points(), in.dim());
            }
            ReportDocument.Contents c = new ReportDocument.Contents(in, samples, metrics, figures, samplesFile,
                    heldOut);
            ReportDocument.writeJson(folder.staging(), c);
            ReportDocument.writeHtml(folder.staging(), c);
            folder.publish(publishOrder(figures, samplesFile));
        }
        return dir.resolve("report.html");
    }

    /**
     * Fails early, before long work, with an {@link io.score4j.InputException} when {@code dir}
     * cannot become a report folder; {@code label} names it in the message (e.g. {@code --out}).
     */
    public static void checkFolder(Path dir, String label) {
        ReportFolder.check(dir, label);
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

    /** Collects a report's inputs; {@link #build()} checks them and computes the metrics. */
    public static final class Builder {
        private final ScoreModel model;
        private Path modelFile = Path.of("model.safetensors");
        private Dataset reference;
        private String source;
        private GaussianMixture truth;
        private ReportSamples samples;
        private long seed;
        private int logpRows = HeldOutLikelihood.DEFAULT_MAX_ROWS;
        private Parallelism parallelism = Parallelism.available();

        private Builder(ScoreModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The model's file, as shown in the report (default {@code model.safetensors}). */
        public Builder modelFile(Path file) {
            this.modelFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Reference rows in original units, with the model's columns in the model's order; {@code source}
         * says where they came from (e.g. {@code csv:real.csv}).
         */
        public Builder reference(Dataset rows, String source) {
            this.reference = Objects.requireNonNull(rows, "rows");
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * {@code n} reference rows drawn from {@code mixture} with {@code Key.of(seed).split(5)[0]} (as
         * {@code score4j train --mixture} does); the mixture becomes the known truth.
         */
        public Builder reference(GaussianMixture mixture, int n, long seed) {
            reference(MixtureData.sample(mixture, n, Key.of(seed).split(5)[0]), "mixture n=" + n);
            return truth(mixture);
        }

        /**
         * {@code n} rows of a toy set drawn with {@code Key.of(seed).split(5)[0]} (as {@code score4j train
         * --toy} does); its mixture, when it has one, becomes the known truth.
         */
        public Builder reference(ToySet toy, int n, long seed) {
            reference(toy.sample(n, Key.of(seed).split(5)[0]), "toy:" + toy.cliName() + " n=" + n);
            return truth(toy.mixture().orElse(null));
        }

        /** The exact density behind the reference rows, or {@code null} when unknown (the default). */
        public Builder truth(GaussianMixture mixture) {
            this.truth = mixture;
            return this;
        }

        /** The samples to compare, with what drew them (see {@link ReportSamples}). */
        public Builder samples(ReportSamples samples) {
            this.samples = Objects.requireNonNull(samples, "samples");
            return this;
        }

        /**
         * Samples as rows in original units, model columns in order; rows with a non-finite entry are
         * dropped and counted. {@code name} says where they came from (shown as {@code file:name}).
         */
        public Builder samples(Dataset rows, String name) {
            double[] finite = ColumnStats.finiteRows(rows.values(), rows.d());
            return samples(new ReportSamples(finite, rows.d(), rows.n(), rows.n() - finite.length / rows.d(),
                    "file:" + name, Map.of()));
        }

        /**
         * The report's seed, as {@code score4j report --seed}: the comparison suite runs with it (as
         * {@code eval --seed}), the Fisher divergence's points and the figure subsets use the report key
         * {@code Key.of(seed).split(5)[4]} (its children 0 and 1).
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * For a score SDE model: at most this many reference rows get their log p for the held-out
         * log-likelihood ({@link HeldOutLikelihood}; default {@value HeldOutLikelihood#DEFAULT_MAX_ROWS}; 0 skips it).
         */
        public Builder logpRows(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("logpRows must be >= 0, got " + rows);
            }
            this.logpRows = rows;
            return this;
        }

        /** Workers for the held-out log-likelihood (default: all cores); the result does not depend on it. */
        public Builder parallelism(Parallelism parallelism) {
            this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
            return this;
        }

        /**
         * Checks the inputs (dimensions agree, at least 2 rows each) and computes every metric.
         *
         * @throws IllegalStateException    when reference or samples are missing
         * @throws IllegalArgumentException when dimensions disagree, a set has fewer than 2 rows, or the model is a
         *                                  table model (build its report with {@link TableReport})
         */
        public Report build() {
            if (reference == null || samples == null) {
                throw new IllegalStateException("a report needs reference rows and samples");
            }
            if (TableReport.applies(model)) {
                throw new IllegalArgumentException("a table model (train --types) works in its codec's coordinates, "
                        + "not the data's: build its report with TableReport");
            }
            if (samples.d() != model.dim() || samples.n() < 2) {
                throw new IllegalArgumentException("samples need " + model.dim() + " columns and at least 2 finite "
                        + "rows, got " + samples.d() + " columns, " + samples.n() + " rows");
            }
            return new Report(new ReportInputs(modelFile, model, reference, source, truth), samples, seed, logpRows,
                    parallelism);
        }
    }
}
