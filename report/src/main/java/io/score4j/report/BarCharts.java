package io.score4j.report;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bar charts: for each level of a category, one bar per set (real rows, then each synthetic set), side by
 * side in the sets' palette colours (no overlap, so nothing blends), on one y scale. Written like every
 * {@link Charts} chart: {@code spec.png()} and {@code spec.svg()}, atomically.
 */
public final class BarCharts {
    /** Level labels turn 45° when there are more levels than this, or a label is longer than {@link #LONG_LABEL}. */
    static final int MANY_LEVELS = 8;
    /** Characters of a level label that still reads horizontally. */
    static final int LONG_LABEL = 10;

    private BarCharts() {}

    /**
     * Bars of {@code values[s][k]} (set s, level k) labelled by {@code levels} (in that order on the x axis) and
     * {@code sets} (the legend, in that order); {@code subtitle} (may be empty) goes under the title.
     *
     * @throws IllegalArgumentException when the shapes disagree or a set or level is missing
     */
    public static Figure grouped(ChartSpec spec, List<String> levels, List<String> sets, double[][] values,
                                 String subtitle) {
        if (levels.isEmpty() || sets.isEmpty() || values.length != sets.size()) {
            throw new IllegalArgumentException("bars need levels, sets and one row of values per set");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> setNames = Charts.labels(sets);
        List<String> levelNames = Charts.labels(levels);
        for (int s = 0; s < sets.size(); s++) {
            if (values[s].length != levels.size()) {
                throw new IllegalArgumentException("set " + sets.get(s) + " has " + values[s].length + " values for "
                        + levels.size() + " levels");
            }
            for (int k = 0; k < levels.size(); k++) {
                data.addValue(values[s][k], setNames.get(s), levelNames.get(k));
            }
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.04);
        for (int s = 0; s < sets.size(); s++) {
            r.setSeriesPaint(s, ChartStyle.color(s));
        }
        CategoryPlot plot = new CategoryPlot(data, levelAxis(spec.xLabel(), levels), valueAxis(spec.yLabel()), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(spec.title().isEmpty() ? null : spec.title(), ChartStyle.TITLE, plot, true);
        ChartStyle.finish(chart);
        if (!subtitle.isEmpty()) {
            ChartStyle.subtitle(chart, subtitle);
        }
        return ChartFiles.save(chart, spec);
    }

    private static CategoryAxis levelAxis(String label, List<String> levels) {
        CategoryAxis axis = new CategoryAxis(label);
        axis.setLabelFont(ChartStyle.LABEL);
        axis.setTickLabelFont(ChartStyle.TICK);
        axis.setLabelPaint(Color.DARK_GRAY);
        axis.setTickLabelPaint(Color.DARK_GRAY);
        axis.setCategoryMargin(0.25);
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
        boolean crowded = levels.size() > MANY_LEVELS || levels.stream().anyMatch(l -> l.length() > LONG_LABEL);
        if (crowded) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        axis.setMaximumCategoryLabelWidthRatio(crowded ? 3f : 1f);
        return axis;
    }

    private static NumberAxis valueAxis(String label) {
        NumberAxis axis = (NumberAxis) ChartStyle.axis(label, Scale.LINEAR);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }
}
