package io.score4j.report;

import io.score4j.metrics.Mmd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report page's prose: where data and samples came from, the mode table, the notes on reading the metrics. */
final class ReportText {
    private ReportText() {}

    /** The paragraph opening the first section: the data, and what made the samples. */
    static String dataAndSamples(ReportDocument.Contents c) {
        ReportInputs in = c.in();
        ReportSamples s = c.samples();
        StringBuilder t = new StringBuilder();
        t.append("Data: ").append(in.dataSource()).append(", ").append(in.data().n()).append(" rows")
                .append(in.mixtureKnown() ? " (the exact mixture behind them is known)." : ".");
        if (!s.drawn()) {
            t.append(" Samples: ").append(s.total()).append(" rows read from ").append(s.source().substring("file:".length()))
                    .append('.');
            return t.toString();
        }
        Map<String, Object> p = s.sampler();
        boolean annealed = "annealed".equals(p.get("kind"));
        t.append(String.format(Locale.ROOT, " Samples: %s particles drawn by the report with %s, %s steps%s of step "
                        + "size %s, started uniform in [%s, %s]^%d (standardised units), seed %s.", p.get("particles"),
                annealed ? "annealed Langevin over the model's σ ladder" : "Langevin", p.get("steps"),
                annealed ? " per level" : "", p.get("step_size"), p.get("start_low"), p.get("start_high"), in.dim(),
                p.get("seed")));
        if (in.model().noiseConditional() && !annealed) {
            t.append(" The score used is the model's at the smallest σ of its ladder.");
        }
        t.append(" The same samples, bit for bit: ").append(p.get("command"));
        if (c.samplesFile() != null) {
            t.append(". They are in ").append(c.samplesFile());
        }
        t.append('.');
        if (s.nonFinite() > 0) {
            t.append(String.format(Locale.ROOT, " %d of %d chains diverged (non-finite) and are left out of every "
                    + "figure and metric; a smaller --step-size may help.", s.nonFinite(), s.total()));
        }
        return t.toString();
    }

    /** One line per component: weight, mass of the samples, mass of the data. */
    static String modes(ReportMetrics.ModeMasses m) {
        double[] w = m.weights();
        double[] s = m.samples();
        double[] d = m.data();
        StringBuilder t = new StringBuilder("Fraction of points nearest each component mean (mode), samples and data, "
                + "against the mixture weight. For exact samples each fraction scatters around the mode's mass "
                + "with standard error √(m(1 − m)/n).\n");
        for (int k = 0; k < w.length; k++) {
            t.append(String.format(Locale.ROOT, "%nmode %2d   weight %.4f   samples %.4f   data %.4f", k, w[k], s[k], d[k]));
        }
        return t.toString();
    }

    /** {unit, one-line meaning} of a metric of {@link ReportMetrics#KEYS}, for the metrics table. */
    static String[] unitAndMeaning(String key, ReportDocument.Contents c) {
        return switch (key) {
            case "n_data" -> new String[] {"rows", "data rows compared"};
            case "n_samples" -> new String[] {"rows", "finite samples compared"};
            case "non_finite_samples" -> new String[] {"rows", "samples left out: a coordinate was NaN or infinite"};
            case "mmd2" -> new String[] {"none (kernel)", "squared kernel distance between samples and data, ≤ "
                    + Mmd.DEFAULT_CAP + " points each; ≈ 0 when they match (slightly negative is noise)"};
            case "mmd_bandwidth" -> new String[] {"data units", "Gaussian kernel width of mmd2 (median heuristic)"};
            case "energy_distance" -> new String[] {"data units", "2E‖X−Y‖ − E‖X−X′‖ − E‖Y−Y′‖, ≤ " + Mmd.DEFAULT_CAP
                    + " points each; 0 when the laws match, biased up for finite n"};
            case "sliced_wasserstein" -> new String[] {"data units", "mean distance mass moves along "
                    + ReportMetrics.SLICED_PROJECTIONS + " random directions (1-D W₁)"};
            case "fisher_divergence" -> new String[] {"(data units)⁻²", "½·mean‖s − ∇log p‖² of the learned score on data"
                    + (c.in().model().noiseConditional() ? ", at the smallest σ of the ladder" : "")};
            case "mode_mass_tv" -> new String[] {"fraction", "½Σ|m_k − w_k|: samples' mass per mode against the weights"};
            case "data_mode_mass_tv" -> new String[] {"fraction", "the same for the data: what perfect samples reach"};
            default -> new String[] {"", ""};
        };
    }

    /** How to read the numbers. */
    static List<String> notes(ReportDocument.Contents c) {
        List<String> n = new ArrayList<>();
        n.add("mmd2: unbiased squared maximum mean discrepancy between samples and data, Gaussian kernel of bandwidth "
                + "mmd_bandwidth (median heuristic), at most " + Mmd.DEFAULT_CAP + " points of each; 0 in expectation "
                + "when they follow one law, so small negative values are noise.");
        n.add("energy_distance: 2E‖X − Y‖ − E‖X − X'‖ − E‖Y − Y'‖ (V-statistic, at most " + Mmd.DEFAULT_CAP
                + " points each); it is biased upwards by about (1/n + 1/m)·E‖X − X'‖ even for perfect samples.");
        n.add("sliced_wasserstein: mean 1-D Wasserstein-1 distance over " + ReportMetrics.SLICED_PROJECTIONS
                + " random directions, all points, in the data's units.");
        if (c.in().mixtureKnown()) {
            n.add("fisher_divergence: ½·mean‖s(x) − ∇ log p(x)‖² over up to " + ReportMetrics.FISHER_POINTS
                    + " data points, in the data's units" + (c.in().model().noiseConditional()
                    ? "; for this noise-conditional model at each shown σ, on data points perturbed by σ, against the "
                    + "σ-perturbed mixture (the headline value is the smallest σ's)." : "."));
            n.add("mode_mass_tv: ½Σ|m_k − w_k| between the samples' mass per mode and the weights; data_mode_mass_tv "
                    + "is the same for the data, the level a perfect sampler reaches with this many points.");
        }
        if (c.in().dim() == 2) {
            n.add("The two heatmaps share one colour scale (bar on the right of each): one colour is one density.");
        }
        n.add("Keys: " + (c.samples().drawn() ? "data and sampler as in score4j train/sample with the same --seed; "
                : "data as in score4j train with the same --seed; ") + "metrics and figure subsets from their own key.");
        return n;
    }
}
