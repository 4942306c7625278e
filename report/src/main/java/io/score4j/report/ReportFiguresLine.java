package io.score4j.report;

import io.score4j.random.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures for D = 1 and D &gt; 2. D = 1: {@code histogram} (data vs samples, with the true pdf when
 * known) and {@code score} (learned vs true score curve over the data's range) or, for a
 * noise-conditional model, {@code score_sigma_<level>} for the largest, middle and smallest σ of
 * its ladder (learned vs the true σ-perturbed score), for a time-conditioned one {@code score_t_<k>} at
 * {@link ReportInputs#shownTimes()}. D &gt; 2: {@code hist_<j>}
 * for the first six columns (with the true marginal pdf when known) and {@code pairs}, a scatter of
 * every pair of the first four columns (see {@link ReportPairs}). Histogram bins follow
 * {@link Bins#forData} (Freedman–Diaconis, or whole units for integer columns).
 */
final class ReportFiguresLine {
    /** Columns shown as histograms when D &gt; 2. */
    static final int MAX_HISTOGRAMS = 6;
    /** Points of the score-curve grid. */
    static final int CURVE_POINTS = 400;

    private ReportFiguresLine() {}

    static List<ReportFigures.Entry> oneDimensional(ReportInputs in, ReportSamples s, ReportFolder folder) {
        double[] grid = curveGrid(in.data().values());
        List<ReportFigures.Entry> out = new ArrayList<>();
        out.add(histogram(in, s, folder, grid));
        for (ReportFigures.ScoreAt at : ReportFigures.scoresAt(in, grid, "score")) {
            out.add(scoreCurve(folder, grid, at, in.model().columns()[0]));
        }
        return out;
    }

    private static ReportFigures.Entry histogram(ReportInputs in, ReportSamples s, ReportFolder folder, double[] grid) {
        double[] data = in.data().values();
        double[] shown = ReportFigures.inView(s.points(), data);
        Bins bins = Bins.forData(data, data, shown);
        List<Series> truePdf = in.mixtureKnown()
                ? List.of(ReportFigures.pdf("true density", in.mixture(), ReportFigures.linspace(bins.lo(), bins.hi(),
                CURVE_POINTS))) : List.of();
        Figure hist = Charts.histogram(ChartSpec.of(folder.staging(), "histogram", "Data and samples",
                in.model().columns()[0], "density"), bins, List.of(new Sample("data", data),
                new Sample("samples", shown)), truePdf);
        return new ReportFigures.Entry("Data and samples", hist, "Density histograms of " + in.data().n()
                + " data points (filled bars) and " + s.n() + " samples (orange outline) on " + bins.count()
                + " shared bins (" + bins.rule() + ")" + (truePdf.isEmpty() ? "." : "; the dashed black line is the "
                + "data's true density.") + ReportFigures.outsideNote(s.n(), shown.length, data));
    }

    /** Learned (and, when known, true) score on the grid at one level. */
    private static ReportFigures.Entry scoreCurve(ReportFolder folder, double[] grid, ReportFigures.ScoreAt at,
                                                  String x) {
        String suffix = at.at().isEmpty() ? "" : " " + at.at();
        List<Series> curves = new ArrayList<>();
        curves.add(new Series("learned score", grid, at.learned()));
        if (at.truth() != null) {
            curves.add(new Series(at.at().isEmpty() ? "true score" : "true score of " + at.truthPhrase(), grid,
                    at.truth().scores(grid)));
        }
        Figure score = Charts.lines(ChartSpec.of(folder.staging(), at.name(), "Learned vs true score" + suffix, x,
                "s(x)"), curves, Scale.LINEAR);
        return new ReportFigures.Entry(at.section(), score, "The learned score" + suffix + " on " + CURVE_POINTS
                + " points over the data's range" + (at.truth() != null ? ", with the exact score of " + at.truthPhrase()
                + "." : " (the true score is not known).") + at.note());
    }

    static List<ReportFigures.Entry> manyDimensional(ReportInputs in, ReportSamples s, ReportFolder folder, Key key) {
        int d = in.dim();
        String[] cols = in.model().columns();
        double[] data = in.data().values();
        double[] samples = s.points();
        List<ReportFigures.Entry> out = new ArrayList<>();
        for (int j = 0; j < Math.min(d, MAX_HISTOGRAMS); j++) {
            double[] dj = ReportFigures.column(data, d, j);
            double[] sj = ReportFigures.inView(ReportFigures.column(samples, d, j), dj);
            Bins bins = Bins.forData(dj, dj, sj);
            List<Series> curve = in.mixtureKnown() ? List.of(ReportFigures.pdf("true marginal density",
                    in.mixture().marginal(j), ReportFigures.linspace(bins.lo(), bins.hi(), CURVE_POINTS))) : List.of();
            Figure hist = Charts.histogram(ChartSpec.of(folder.staging(), "hist_" + j, "Column " + cols[j], cols[j],
                    "density").withSize(800, 400), bins, List.of(new Sample("data", dj), new Sample("samples", sj)), curve);
            out.add(new ReportFigures.Entry("Data and samples", hist, "Column " + cols[j] + ": density histograms of data "
                    + "(filled bars) and samples (orange outline) on " + bins.count() + " bins (" + bins.rule() + ")"
                    + (curve.isEmpty() ? "." : "; dashed black: the true marginal density.")
                    + ReportFigures.outsideNote(s.n(), sj.length, dj)));
        }
        out.add(ReportPairs.render(in, s, folder, key));
        return out;
    }

    /** CURVE_POINTS points spanning the values' range widened by 5% on each side. */
    static double[] curveGrid(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : 0.5;
        return ReportFigures.linspace(lo - pad, hi + pad, CURVE_POINTS);
    }
}
