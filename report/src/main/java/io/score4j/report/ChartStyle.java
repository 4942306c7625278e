package io.score4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;

/** The one look shared by every chart: white background, light grid, readable sans-serif fonts. */
final class ChartStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    /** Matplotlib's tab10 palette: distinct, colour-blind tolerant. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    private ChartStyle() {}

    /** The i-th palette colour (cycling). */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** The i-th palette colour with alpha {@code alpha} (0–255). */
    static Color color(int i, int alpha) {
        Color c = color(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static BasicStroke line() {
        return new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A linear or log axis with the house fonts; linear axes need not include zero. */
    static ValueAxis axis(String label, Scale scale) {
        ValueAxis axis;
        if (scale == Scale.LOG) {
            LogAxis log = new LogAxis(label);
            log.setSmallestValue(Double.MIN_NORMAL);
            // Whole decades only: labels read 10^k rather than 10^0.3.
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            axis = log;
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setAutoRangeIncludesZero(false);
            n.setStandardTickUnits(TickFormat.units());
            axis = n;
        }
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(Color.DARK_GRAY);
        axis.setTickLabelPaint(Color.DARK_GRAY);
        return axis;
    }

    /** A white plot with a light grid and no outline. */
    static XYPlot plot(XYDataset data, ValueAxis x, ValueAxis y, XYItemRenderer renderer) {
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /** A titled chart on a white background, with a frameless legend when asked. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, TITLE, plot, legend);
        finish(chart);
        return chart;
    }

    /** The house look on any chart (an XY or a category plot): white, antialiased, a frameless legend if any. */
    static void finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
        }
    }

    /** Adds a small grey line under the title. */
    static void subtitle(JFreeChart chart, String text) {
        TextTitle t = new TextTitle(text, SUBTITLE);
        t.setPaint(Color.GRAY);
        chart.addSubtitle(t);
    }
}
