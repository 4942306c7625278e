package io.score4j.report;

import io.score4j.density.GaussianMixture;
import io.score4j.random.Key;
import java.util.List;
import java.util.Objects;

/**
 * The report's figures, by data dimension: {@link ReportFigures2d} for D = 2 (density heatmaps,
 * scatter, score fields), {@link ReportFiguresLine} for D = 1 and D &gt; 2 (histograms, score
 * curves, a scatter of the first two columns). Every figure is written into the folder's staging
 * area; panels of combined figures go to its scratch area and are not published.
 */
final class ReportFigures {
    /** Most points per set in a scatter plot (more only hide each other). */
    static final int SCATTER_POINTS = 2000;

    private ReportFigures() {}

    /**
     * A figure placed in the report.
     *
     * @param section heading of the report section it belongs to
     * @param figure  the rendered files
     * @param caption what it shows, for the page
     */
    record Entry(String section, Figure figure, String caption) {
        Entry {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(caption, "caption");
        }

        /** The figure's base name (its PNG file name without ".png"). */
        String name() {
            String f = figure.png().getFileName().toString();
            return f.substring(0, f.length() - ".png".length());
        }
    }

    /**
     * The learned score at one noise level or time, for a score figure.
     *
     * @param name        figure base name
     * @param learned     the learned score at the points, original units, flat like them
     * @param truth       the exact density at that level (the data's mixture perturbed alike), null when unknown
     * @param at          "at σ = … (level i of L)", "at t = … (σ(t) = …)", or "" for a plain model
     * @param shortAt     the same for a panel title: ", σ = …", ", t = …" or ""
     * @param section     the report section
     * @param truthPhrase what the exact score is the score of, for the caption
     * @param note        a further caption sentence (may be "")
     */
    record ScoreAt(String name, double[] learned, GaussianMixture truth, String at, String shortAt, String section,
                   String truthPhrase, String note) {}

    /**
     * The score figures' levels at {@code points}: a plain model's one field ({@code plainName}); a
     * noise-conditional model's largest, middle and smallest σ ({@code score_sigma_<level>}); a time-conditioned
     * model's {@link ReportInputs#shownTimes()} ({@code score_t_<k>}).
     */
    static List<ScoreAt> scoresAt(ReportInputs in, double[] points, String plainName) {
        List<ScoreAt> out = new java.util.ArrayList<>();
        if (in.model().timeConditional()) {
            double[] times = in.shownTimes();
            for (int k = 0; k < times.length; k++) {
                double t = times[k];
                out.add(new ScoreAt("score_t_" + k, in.learnedAt(points, t), in.mixtureKnown() ? in.truthAt(t) : null,
                        "at " + in.timeLabel(t), ", t = " + HtmlReport.format(t) + " (σ(t) = " + HtmlReport.format(Double.parseDouble(
                        String.format(java.util.Locale.ROOT, "%.2g", in.model().sde().orElseThrow().marginalStd(t))))
                        + ")", "Learned score across diffusion time",
                        "the data's mixture diffused to the same t", " A time-conditioned model's score s(x, t) is "
                        + "shown at times where the SDE's noise σ(t) is " + java.util.Arrays.toString(
                        ReportInputs.SHOWN_NOISE) + " of the data's std, not at t = ε, where it is hundreds of times "
                        + "larger and only its largest arrow would show."));
            }
        } else if (!in.model().noiseConditional()) {
            out.add(new ScoreAt(plainName, in.learned(points, null), in.mixtureKnown() ? in.mixture() : null, "", "",
                    "Learned score", "the data's mixture", ""));
        }
        for (int level : in.shownLevels()) {
            double sigma = in.model().sigmas()[level];
            out.add(new ScoreAt("score_sigma_" + level, in.learned(points, sigma), in.mixtureKnown() ? in.truth(sigma)
                    : null, "at " + sigmaLabel(in, level), ", σ = " + HtmlReport.format(sigma),
                    "Learned score across the noise ladder", "the mixture perturbed by the same σ", ""));
        }
        return out;
    }

    /** Renders every figure for this dimension, in report order. */
    static List<Entry> render(ReportInputs in, ReportSamples s, ReportFolder folder, Key key) {
        return switch (in.dim()) {
            case 1 -> ReportFiguresLine.oneDimensional(in, s, folder);
            case 2 -> ReportFigures2d.render(in, s, folder, key);
            default -> ReportFiguresLine.manyDimensional(in, s, folder, key);
        };
    }

    /**
     * The values inside the data's range widened by half its span on each side, so a few samples
     * that ran far away do not squeeze the histogram of the rest into one bar; see {@link #outsideNote}.
     */
    static double[] inView(double[] values, double[] data) {
        return Bins.inView(values, data);
    }

    /** A caption sentence saying how many samples {@link #inView} left out, or "" when none. */
    static String outsideNote(int total, int shown, double[] data) {
        if (shown == total) {
            return "";
        }
        double[] r = Bins.viewRange(data);
        return String.format(java.util.Locale.ROOT, " %d of %d samples (%.1f%%) lie outside [%.3g, %.3g] and are not "
                + "drawn; the samples' bars are normalised over the %d drawn.", total - shown, total,
                100.0 * (total - shown) / total, r[0], r[1], shown);
    }

    /** "σ = 0.0123 (level i of L)" for a ladder level, in model units. */
    static String sigmaLabel(ReportInputs in, int level) {
        double[] sig = in.model().sigmas();
        return "σ = " + HtmlReport.format(sig[level]) + " (level " + (level + 1) + " of " + sig.length + ")";
    }

    /** The pdf of {@code mixture} (1-D) on {@code grid}, as a curve. */
    static Series pdf(String name, GaussianMixture mixture, double[] grid) {
        double[] y = new double[grid.length];
        double[] pt = new double[1];
        for (int i = 0; i < grid.length; i++) {
            pt[0] = grid[i];
            y[i] = Math.exp(mixture.logDensity(pt, 0));
        }
        return new Series(name, grid, y);
    }

    /** {@code count} evenly spaced values from lo to hi inclusive. */
    static double[] linspace(double lo, double hi, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = lo + (hi - lo) * i / (count - 1);
        }
        return g;
    }

    /** Column j of a flat [n, d] array. */
    static double[] column(double[] values, int d, int j) {
        double[] out = new double[values.length / d];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i * d + j];
        }
        return out;
    }

    /** Columns j and k of a flat [n, d] array, as flat [n, 2]. */
    static double[] columns(double[] values, int d, int j, int k) {
        int n = values.length / d;
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = values[i * d + j];
            out[2 * i + 1] = values[i * d + k];
        }
        return out;
    }
}
