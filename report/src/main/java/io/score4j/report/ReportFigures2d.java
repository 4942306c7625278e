package io.score4j.report;

import io.score4j.random.Key;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures for D = 2, all over the box of the data (its bounding box plus 5% on each side):
 * {@code density} (heatmaps of data and samples side by side), {@code scatter} (both point sets),
 * {@code score_field} (a plain model's learned score as arrows on a grid, next to the true score
 * when the mixture is known) or, for a noise-conditional model, {@code score_sigma_<level>} for
 * the largest, middle and smallest σ of its ladder (learned next to the true σ-perturbed score) or, for a
 * time-conditioned model, {@code score_t_<k>} at {@link ReportInputs#shownTimes()} (next to the true score of
 * the data diffused to that time).
 */
final class ReportFigures2d {
    /** Heatmap cells per side. */
    static final int HEAT_BINS = 60;
    /** Arrows per side of the score-field grid. */
    static final int GRID = 21;
    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 480;

    private ReportFigures2d() {}

    /** The fixed inputs of every 2-D figure. */
    private record Frame(ReportInputs in, ReportFolder folder, Box box, String x, String y) {}

    static List<ReportFigures.Entry> render(ReportInputs in, ReportSamples s, ReportFolder folder, Key key) {
        String[] cols = in.model().columns();
        Box box = Box.around(new Points("data", in.data().values()));
        Frame f = new Frame(in, folder, box, cols[0], cols[1]);
        List<ReportFigures.Entry> out = new ArrayList<>();
        out.add(density(f, s));
        out.add(scatter(f, s, key));
        double[] grid = grid(box);
        for (ReportFigures.ScoreAt at : ReportFigures.scoresAt(in, grid, "score_field")) {
            out.add(field(f, grid, at));
        }
        return out;
    }

    private static ReportFigures.Entry density(Frame f, ReportSamples s) {
        Path parts = f.folder().parts();
        int n = f.in().data().n();
        Points dataPoints = new Points("data", f.in().data().values());
        Points samplePoints = new Points("samples", s.points());
        double top = Math.max(Charts.maxDensity(dataPoints, HEAT_BINS, f.box()),
                Charts.maxDensity(samplePoints, HEAT_BINS, f.box()));
        Figure data = Charts.densityHeatmap(panel(parts, "data_density", "Data (" + n + " points)", f), dataPoints,
                HEAT_BINS, f.box(), top);
        Figure samples = Charts.densityHeatmap(panel(parts, "samples_density", "Samples (" + s.n() + " points)", f),
                samplePoints, HEAT_BINS, f.box(), top);
        Figure both = Panels.sideBySide(f.folder().staging(), "density", "Density of data and samples",
                List.of(data, samples));
        int outside = outside(s.points(), f.box());
        String caption = String.format(Locale.ROOT, "Density heatmaps (%d×%d cells) of the data (left) and the samples "
                        + "(right) over the same box [%.3g, %.3g] × [%.3g, %.3g], on one colour scale (0 to the larger "
                        + "of the two maxima, so one colour is one density in both). "
                        + "%d of %d samples (%.1f%%) fall outside the box.", HEAT_BINS, HEAT_BINS, f.box().xMin(),
                f.box().xMax(), f.box().yMin(), f.box().yMax(), outside, s.n(), 100.0 * outside / s.n());
        return new ReportFigures.Entry("Data and samples", both, caption);
    }

    private static ReportFigures.Entry scatter(Frame f, ReportSamples s, Key key) {
        double[] data = ReportMetrics.subsample(f.in().data().values(), 2, ReportFigures.SCATTER_POINTS, key.child(0));
        double[] samples = ReportMetrics.subsample(s.points(), 2, ReportFigures.SCATTER_POINTS, key.child(1));
        Figure fig = Charts.scatter(ChartSpec.of(f.folder().staging(), "scatter", "Data and samples", f.x(), f.y()),
                List.of(new Points("data", data), new Points("samples", samples)));
        return new ReportFigures.Entry("Data and samples", fig, "Scatter of " + data.length / 2 + " data points and "
                + samples.length / 2 + " samples (random subsets when there are more), drawn in that order.");
    }

    /** The learned score {@code at} on the grid over the box, next to the true one when known. */
    private static ReportFigures.Entry field(Frame f, double[] grid, ReportFigures.ScoreAt at) {
        String suffix = at.at().isEmpty() ? "" : " " + at.at();
        VectorField learned = new VectorField("learned score", grid, at.learned());
        String caption = "Learned score" + suffix + " on a " + GRID + "×" + GRID + " grid over the data's box";
        if (at.truth() == null) {
            Figure alone = Charts.vectorField(ChartSpec.of(f.folder().staging(), at.name(), "Learned score" + suffix,
                    f.x(), f.y()), List.of(learned));
            return new ReportFigures.Entry(at.section(), alone, caption + " (the data's true score is not known)."
                    + at.note());
        }
        Path parts = f.folder().parts();
        VectorField exact = new VectorField("true score", grid, at.truth().scores(grid));
        double factor = Charts.arrowScale(List.of(learned, exact));
        Figure left = Charts.vectorField(panel(parts, at.name() + "_learned", "Learned score" + at.shortAt(), f),
                List.of(learned), factor, ", both panels");
        Figure right = Charts.vectorField(panel(parts, at.name() + "_true", "True score" + at.shortAt(), f),
                List.of(exact), factor, ", both panels");
        Figure both = Panels.sideBySide(f.folder().staging(), at.name(), "Learned vs true score" + suffix,
                List.of(left, right));
        return new ReportFigures.Entry(at.section(), both, caption + " (left) and the exact score of "
                + at.truthPhrase() + " (right). Both panels share one arrow scale (arrow = score × the factor under "
                + "the titles), chosen so the longest arrow of either spans about one grid spacing: equal lengths are "
                + "equal scores." + at.note());
    }

    /** GRID × GRID points at the centres of the cells of the box. */
    static double[] grid(Box box) {
        double[] g = new double[2 * GRID * GRID];
        double dx = (box.xMax() - box.xMin()) / GRID;
        double dy = (box.yMax() - box.yMin()) / GRID;
        int k = 0;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                g[k++] = box.xMin() + (i + 0.5) * dx;
                g[k++] = box.yMin() + (j + 0.5) * dy;
            }
        }
        return g;
    }

    private static ChartSpec panel(Path dir, String name, String title, Frame f) {
        return ChartSpec.of(dir, name, title, f.x(), f.y()).withSize(PANEL_WIDTH, PANEL_HEIGHT);
    }

    private static int outside(double[] xy, Box box) {
        int count = 0;
        for (int i = 0; i < xy.length; i += 2) {
            if (!box.contains(xy[i], xy[i + 1])) {
                count++;
            }
        }
        return count;
    }
}
