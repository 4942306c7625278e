package io.score4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.score4j.io.AtomicFiles;
import io.score4j.train.HeldOutLikelihood;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's two documents: {@code report.json} (the metrics and everything needed to read them,
 * keys {@link #KEYS}) and {@code report.html} (metrics table, figures by section, settings table,
 * notes), both written into the staging folder.
 */
final class ReportDocument {
    /** Format tag of report.json. */
    static final String FORMAT = "score4j.report.v1";
    /** Top-level keys of report.json, in order. */
    static final List<String> KEYS = List.of("format", "model", "data", "samples", "metrics", "fisher_by_sigma",
            "mode_mass", "figures", "held_out_logp");

    private ReportDocument() {}

    /** Everything the documents show. */
    record Contents(ReportInputs in, ReportSamples samples, ReportMetrics.Result metrics,
                    List<ReportFigures.Entry> figures, String samplesFile, HeldOutLikelihood heldOut) {
        Contents {
            java.util.Objects.requireNonNull(in, "in");
            java.util.Objects.requireNonNull(samples, "samples");
            java.util.Objects.requireNonNull(metrics, "metrics");
            figures = List.copyOf(figures);
        }
    }

    /** Writes {@code dir/report.json} atomically. */
    static void writeJson(Path dir, Contents c) {
        try {
            byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json(c));
            AtomicFiles.writeBytes(dir.resolve("report.json"), bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of report.json, keys {@link #KEYS} in order. */
    static Map<String, Object> json(Contents c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("format", FORMAT);
        j.put("model", modelJson(c.in()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", c.in().dataSource());
        data.put("n", c.in().data().n());
        data.put("mixture_known", c.in().mixtureKnown());
        j.put("data", data);
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("source", c.samples().source());
        samples.put("n", c.samples().n());
        samples.put("non_finite", c.samples().nonFinite());
        samples.put("file", c.samplesFile());
        samples.put("sampler", c.samples().drawn() ? c.samples().sampler() : null);
        j.put("samples", samples);
        Map<String, Object> metrics = new LinkedHashMap<>();
        c.metrics().values().forEach((k, v) -> metrics.put(k, v == null ? null
                : ReportMetrics.COUNTS.contains(k) ? (Object) v.longValue() : finiteOrNull(v)));
        j.put("metrics", metrics);
        j.put("fisher_by_sigma", bySigmaJson(c.metrics().bySigma()));
        j.put("mode_mass", modesJson(c.metrics().modes()));
        j.put("figures", figuresJson(c.figures()));
        j.put("held_out_logp", c.heldOut() == null ? null : c.heldOut().toJson());
        return j;
    }

    private static List<Map<String, Object>> bySigmaJson(List<ReportMetrics.SigmaFisher> bySigma) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReportMetrics.SigmaFisher f : bySigma) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("level", f.level());
            e.put("sigma", f.sigma());
            e.put("fisher_divergence", finiteOrNull(f.value()));
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> modesJson(ReportMetrics.ModeMasses m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> modes = new LinkedHashMap<>();
        modes.put("weights", m.weights());
        modes.put("samples", m.samples());
        modes.put("data", m.data());
        return modes;
    }

    private static List<Map<String, Object>> figuresJson(List<ReportFigures.Entry> entries) {
        List<Map<String, Object>> figures = new ArrayList<>();
        for (ReportFigures.Entry e : entries) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", e.name());
            f.put("png", e.figure().png().getFileName().toString());
            f.put("svg", e.figure().svg().getFileName().toString());
            f.put("title", e.figure().title());
            f.put("section", e.section());
            figures.add(f);
        }
        return figures;
    }

    /** JSON has no NaN or infinity: such values become null. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> modelJson(ReportInputs in) {
        ScoreModel m = in.model();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("file", in.modelFile().toString());
        j.put("dim", m.dim());
        j.put("columns", m.columns());
        j.put("noise_conditional", m.noiseConditional());
        j.put("objective", m.settings().getOrDefault("objective", "unknown"));
        j.put("sizes", m.spec().sizes());
        j.put("activation", m.spec().activation().id());
        j.put("sigmas", m.sigmas());
        j.put("data_mean", m.standardizer().mean());
        j.put("data_std", m.standardizer().std());
        j.put("settings", new java.util.TreeMap<>(m.settings()));
        return j;
    }

    /** Writes {@code dir/report.html} atomically. */
    static void writeHtml(Path dir, Contents c) {
        HtmlReport r = HtmlReport.titled("score4j report: " + c.in().modelFile().getFileName());
        c.metrics().values().forEach((k, v) -> {
            if (v != null) {
                String[] um = ReportText.unitAndMeaning(k, c);
                r.metric(k, v, um[0], um[1]);
            }
        });
        for (ReportMetrics.SigmaFisher f : c.metrics().bySigma()) {
            r.metric("fisher_divergence at σ=" + HtmlReport.format(f.sigma()), f.value(), "(data units)⁻²",
                    "level " + (f.level() + 1) + " of the ladder: on data perturbed by this σ, against the "
                            + "σ-perturbed mixture");
        }
        String section = null;
        for (ReportFigures.Entry e : c.figures()) {
            if (!e.section().equals(section)) {
                r.section(e.section());
                if (section == null) {
                    r.text(ReportText.dataAndSamples(c));
                }
                section = e.section();
            }
            r.figure(e.figure(), e.caption());
        }
        if (c.metrics().modes() != null) {
            r.section("Mass per mode").text(ReportText.modes(c.metrics().modes()));
        }
        if (c.heldOut() != null) {
            r.section("Held-out log-likelihood").text("Mean log p of the data rows under the model by the probability-flow "
                    + "ODE (nats, the data's own units), as score4j eval --model prints it: " + c.heldOut().summary() + ".");
        }
        r.settings(settings(c));
        ReportText.notes(c).forEach(r::note);
        r.write(dir);
    }

    /** The settings table: the model's metadata and training settings, then how the report was made. */
    private static Map<String, Object> settings(Contents c) {
        ScoreModel m = c.in().model();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", c.in().modelFile().toString());
        s.put("objective", m.settings().getOrDefault("objective", "unknown"));
        s.put("sizes", Arrays.toString(m.spec().sizes()));
        s.put("activation", m.spec().activation().id());
        s.put("columns", String.join(", ", m.columns()));
        s.put("data_mean", Arrays.toString(m.standardizer().mean()));
        s.put("data_std", Arrays.toString(m.standardizer().std()));
        s.put("sigmas", m.noiseConditional() ? Arrays.toString(m.sigmas()) : "none (not noise-conditional)");
        new java.util.TreeMap<>(m.settings()).forEach((k, v) -> {
            if (!k.equals("objective")) {
                s.put("train." + k, v);
            }
        });
        s.put("report.data", c.in().dataSource() + " (" + c.in().data().n() + " rows)");
        s.put("report.samples", c.samples().source() + (c.samplesFile() != null ? " → " + c.samplesFile() : ""));
        c.samples().sampler().forEach((k, v) -> s.put("report.sampler." + k, v));
        return s;
    }
}
