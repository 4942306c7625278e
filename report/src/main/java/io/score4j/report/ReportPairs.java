package io.score4j.report;

import io.score4j.random.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * The pair plot for D &gt; 2: one scatter panel per pair (i, j), i &lt; j, of the first
 * {@value #MAX_COLUMNS} columns, data and samples (random subsets of at most
 * {@link ReportFigures#SCATTER_POINTS} rows each, the same rows in every panel), three panels a row.
 */
final class ReportPairs {
    /** Columns shown in the pair plot. */
    static final int MAX_COLUMNS = 4;
    private static final int PER_ROW = 3;
    private static final int PANEL = 380;

    private ReportPairs() {}

    static ReportFigures.Entry render(ReportInputs in, ReportSamples s, ReportFolder folder, Key key) {
        int d = in.dim();
        int k = Math.min(d, MAX_COLUMNS);
        String[] cols = in.model().columns();
        double[] data = ReportMetrics.subsample(in.data().values(), d, ReportFigures.SCATTER_POINTS, key.child(0));
        double[] samples = ReportMetrics.subsample(s.points(), d, ReportFigures.SCATTER_POINTS, key.child(1));
        List<Figure> panels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                ChartSpec spec = ChartSpec.of(folder.parts(), "pair_" + i + "_" + j, cols[j] + " vs " + cols[i], cols[i],
                        cols[j]).withSize(PANEL, PANEL);
                panels.add(Charts.scatter(spec, List.of(new Points("data", ReportFigures.columns(data, d, i, j)),
                        new Points("samples", ReportFigures.columns(samples, d, i, j)))));
            }
        }
        Figure pairs = Panels.grid(folder.staging(), "pairs", "Data and samples, pairs of columns", panels, PER_ROW);
        return new ReportFigures.Entry("Data and samples", pairs, "Every pair of the first " + k + " columns: "
                + data.length / d + " data points (blue) and " + samples.length / d + " samples (orange), random subsets "
                + "when there are more, the same rows in every panel." + (d > k ? " Columns beyond the first " + k
                + " are not shown." : "") + (d > ReportFiguresLine.MAX_HISTOGRAMS ? " Histograms show the first "
                + ReportFiguresLine.MAX_HISTOGRAMS + " of " + d + " columns." : ""));
    }
}
