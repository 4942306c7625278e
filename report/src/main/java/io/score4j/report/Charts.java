package io.score4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.VectorRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts for reports. Each method renders one chart and writes it twice, atomically (see
 * {@link io.score4j.io.AtomicFiles}): {@code spec.png()} (PNG, {@code width × height} pixels) and
 * {@code spec.svg()} (SVG 1.1 document of the same size). It modifies only those two files and
 * returns them as a {@link Figure}. Non-finite values are left out of every chart. Write failures
 * raise {@link io.score4j.InputException}; malformed arguments {@link IllegalArgumentException}.
 */
public final class Charts {
    private Charts() {}

    /**
     * Overlaid density histograms of {@code samples} on {@code bins} shared equal-width bins spanning
     * all their finite values; see {@link #histogram(ChartSpec, Bins, List, List)}.
     */
    public static Figure histogram(ChartSpec spec, int bins, List<Sample> samples, List<Series> curves) {
        if (bins < 1 || bins > 10_000) {
            throw new IllegalArgumentException("bins must be in [1, 10000], got " + bins);
        }
        return histogram(spec, Bins.fixed(bins, samples.stream().map(Sample::values).toArray(double[][]::new)),
                samples, curves);
    }

    /**
     * Overlaid density histograms of {@code samples} on the shared {@code bins} (each normalised so
     * the bars integrate to the fraction of its finite values inside them), with optional
     * {@code curves} (e.g. the true pdf) drawn on top. The first sample is drawn as filled bars, the
     * others as outlines (steps) in their own colours, so overlaps never blend into a colour the
     * legend does not show.
     */
    public static Figure histogram(ChartSpec spec, Bins bins, List<Sample> samples, List<Series> curves) {
        return histogram(spec, bins, samples, curves, "");
    }

    /** As {@link #histogram(ChartSpec, Bins, List, List)} with a grey {@code subtitle} under the title ("" for none). */
    public static Figure histogram(ChartSpec spec, Bins bins, List<Sample> samples, List<Series> curves,
                                   String subtitle) {
        List<String> names = labels(samples.stream().map(Sample::name).toList());
        XYIntervalSeriesCollection filled = new XYIntervalSeriesCollection();
        XYSeriesCollection outlines = new XYSeriesCollection();
        double width = bins.width();
        for (int s = 0; s < samples.size(); s++) {
            double[] density = Binning.density1d(samples.get(s).values(), bins.lo(), bins.hi(), bins.count());
            if (s == 0) {
                XYIntervalSeries series = new XYIntervalSeries(names.get(s), false, true);
                for (int b = 0; b < bins.count(); b++) {
                    double lo = bins.lo() + b * width;
                    series.add(lo + width / 2, lo, lo + width, density[b], 0, density[b]);
                }
                filled.addSeries(series);
            } else {
                outlines.addSeries(steps(names.get(s), density, bins));
            }
        }
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        barRenderer.setSeriesPaint(0, ChartStyle.color(0, samples.size() > 1 ? 110 : 170));
        NumberAxis y = (NumberAxis) ChartStyle.axis(spec.yLabel(), Scale.LINEAR);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = ChartStyle.plot(filled, ChartStyle.axis(spec.xLabel(), Scale.LINEAR), y, barRenderer);
        XYLineAndShapeRenderer stepRenderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 1; s < samples.size(); s++) {
            stepRenderer.setSeriesPaint(s - 1, ChartStyle.color(s));
            stepRenderer.setSeriesStroke(s - 1, new BasicStroke(1.6f));
        }
        plot.setDataset(1, outlines);
        plot.setRenderer(1, stepRenderer);
        plot.setDataset(2, lines(curves, Scale.LINEAR));
        plot.setRenderer(2, lineRenderer(curves.size(), Math.max(2, samples.size()), true));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = ChartStyle.chart(spec.title(), plot, true);
        if (!subtitle.isEmpty()) {
            ChartStyle.subtitle(chart, subtitle);
        }
        return ChartFiles.save(chart, spec);
    }

    /** A histogram's outline as a step line: up and down at every bin edge. */
    private static XYSeries steps(String name, double[] density, Bins bins) {
        XYSeries out = new XYSeries(name, false, true);
        double w = bins.width();
        out.add(bins.lo(), 0.0, false);
        for (int b = 0; b < density.length; b++) {
            out.add(bins.lo() + b * w, density[b], false);
            out.add(bins.lo() + (b + 1) * w, density[b], false);
        }
        out.add(bins.hi(), 0.0, false);
        return out;
    }

    /**
     * Line chart of one or more series (a loss curve, or true vs learned score on a grid), with a
     * linear or logarithmic y axis; on a log axis points with {@code y <= 0} are left out.
     */
    public static Figure lines(ChartSpec spec, List<Series> series, Scale yScale) {
        return lines(spec, series, yScale, Double.NaN, Double.NaN);
    }

    /**
     * As {@link #lines(ChartSpec, List, Scale)} with the y axis fixed to [{@code yMin}, {@code yMax}]
     * (automatic when either is NaN); lines leaving it are cut at its edge.
     */
    public static Figure lines(ChartSpec spec, List<Series> series, Scale yScale, double yMin, double yMax) {
        ValueAxis y = ChartStyle.axis(spec.yLabel(), yScale);
        if (yMin < yMax) {
            y.setRange(yMin, yMax);
        }
        XYPlot plot = ChartStyle.plot(lines(series, yScale), ChartStyle.axis(spec.xLabel(), Scale.LINEAR), y,
                lineRenderer(series.size(), 0, false));
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later series (a floor, a fit) on top
        if (yScale == Scale.LOG) {
            plot.setRangeMinorGridlinesVisible(true);
            plot.setRangeMinorGridlinePaint(new Color(0xEB, 0xEB, 0xEB));
        }
        return ChartFiles.save(ChartStyle.chart(spec.title(), plot, series.size() > 1), spec);
    }

    /** Scatter plot of one or more 2-D point sets (e.g. samples vs data), small translucent dots. */
    public static Figure scatter(ChartSpec spec, List<Points> sets) {
        return scatter(spec, sets, null);
    }

    /**
     * As {@link #scatter(ChartSpec, List)} on the axes of {@code box} (automatic when null), so panels that
     * share a box share their scales; points outside it are clipped.
     */
    public static Figure scatter(ChartSpec spec, List<Points> sets, Box box) {
        return scatter(spec, sets, box, 0);
    }

    /** As {@link #scatter(ChartSpec, List, Box)} with the sets in palette colours from {@code firstColour} on. */
    public static Figure scatter(ChartSpec spec, List<Points> sets, Box box, int firstColour) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int alpha = sets.stream().mapToInt(Points::size).sum() > 2000 ? 90 : 160;
        List<String> names = labels(sets.stream().map(Points::name).toList());
        for (int s = 0; s < sets.size(); s++) {
            double[] xy = sets.get(s).xy();
            XYSeries series = new XYSeries(names.get(s), false, true);
            for (int j = 0; j < xy.length; j += 2) {
                if (Double.isFinite(xy[j]) && Double.isFinite(xy[j + 1])) {
                    series.add(xy[j], xy[j + 1], false);
                }
            }
            data.addSeries(series);
            renderer.setSeriesPaint(s, ChartStyle.color(firstColour + s, alpha));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
        }
        renderer.setDefaultLegendShape(new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setDrawOutlines(false); // filled dots only: half the SVG size, same look
        XYPlot plot = box == null ? ChartStyle.plot(data, ChartStyle.axis(spec.xLabel(), Scale.LINEAR),
                ChartStyle.axis(spec.yLabel(), Scale.LINEAR), renderer) : ChartStyle.plot(data,
                boxAxis(spec.xLabel(), box.xMin(), box.xMax()), boxAxis(spec.yLabel(), box.yMin(), box.yMax()), renderer);
        return ChartFiles.save(ChartStyle.chart(spec.title(), plot, sets.size() > 1), spec);
    }

    /**
     * 2-D density heatmap of {@code points} on a {@code bins × bins} grid over {@code box} (viridis
     * colours, colour bar on the right). Cell value = count / (finite points × cell area), so the
     * map integrates to the fraction of points inside the box. Use the same box to compare sets.
     */
    public static Figure densityHeatmap(ChartSpec spec, Points points, int bins, Box box) {
        return densityHeatmap(spec, points, bins, box, maxDensity(points, bins, box));
    }

    /**
     * As {@link #densityHeatmap(ChartSpec, Points, int, Box)}, on the colour scale [0, {@code colourMax}]
     * (cells above it take the top colour): give two maps the larger of their {@link #maxDensity} so
     * one colour means one density in both.
     */
    public static Figure densityHeatmap(ChartSpec spec, Points points, int bins, Box box, double colourMax) {
        double[] density = Binning.density2d(points.xy(), box, bins);
        double dx = (box.xMax() - box.xMin()) / bins;
        double dy = (box.yMax() - box.yMin()) / bins;
        double[][] xyz = new double[3][bins * bins];
        double max = colourMax > 0 && Double.isFinite(colourMax) ? colourMax : 1;
        for (int ix = 0; ix < bins; ix++) {
            for (int iy = 0; iy < bins; iy++) {
                int k = ix * bins + iy;
                xyz[0][k] = box.xMin() + (ix + 0.5) * dx;
                xyz[1][k] = box.yMin() + (iy + 0.5) * dy;
                xyz[2][k] = Math.min(density[k], max);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(labels(List.of(points.name())).get(0), xyz);
        Viridis scale = new Viridis(0, max);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(dx);
        renderer.setBlockHeight(dy);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setPaintScale(scale);
        XYPlot plot = ChartStyle.plot(data, boxAxis(spec.xLabel(), box.xMin(), box.xMax()),
                boxAxis(spec.yLabel(), box.yMin(), box.yMax()), renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = ChartStyle.chart(spec.title(), plot, false);
        chart.addSubtitle(colourBar(scale));
        return ChartFiles.save(chart, spec);
    }

    /** The largest cell density of {@code points} on the heatmap grid ({@code bins × bins} over {@code box}). */
    public static double maxDensity(Points points, int bins, Box box) {
        double max = 0;
        for (double v : Binning.density2d(points.xy(), box, bins)) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Arrows of one or more 2-D vector fields (e.g. true vs learned score on a grid). All fields
     * share one length scale, chosen so the longest arrow is about 0.9 grid spacings (spacing ≈
     * smaller extent / (√points − 1)); the factor is stated under the title.
     */
    public static Figure vectorField(ChartSpec spec, List<VectorField> fields) {
        return vectorField(spec, fields, arrowScale(fields), "");
    }

    /**
     * As {@link #vectorField(ChartSpec, List)} with a given length {@code factor} (arrow = vector ×
     * factor), e.g. one {@link #arrowScale} for every panel of a figure; {@code note} follows the
     * factor under the title.
     */
    public static Figure vectorField(ChartSpec spec, List<VectorField> fields, double factor, String note) {
        VectorSeriesCollection data = new VectorSeriesCollection();
        VectorRenderer renderer = new VectorRenderer();
        List<String> names = labels(fields.stream().map(VectorField::name).toList());
        for (int f = 0; f < fields.size(); f++) {
            double[] xy = fields.get(f).xy();
            double[] uv = fields.get(f).uv();
            VectorSeries series = new VectorSeries(names.get(f), false, true);
            for (int j = 0; j < xy.length; j += 2) {
                if (allFinite(xy[j], xy[j + 1], uv[j], uv[j + 1])) {
                    series.add(xy[j], xy[j + 1], uv[j] * factor, uv[j + 1] * factor);
                }
            }
            data.addSeries(series);
            renderer.setSeriesPaint(f, ChartStyle.color(f));
            renderer.setSeriesStroke(f, new BasicStroke(1.3f));
        }
        XYPlot plot = ChartStyle.plot(data, ChartStyle.axis(spec.xLabel(), Scale.LINEAR),
                ChartStyle.axis(spec.yLabel(), Scale.LINEAR), renderer);
        JFreeChart chart = ChartStyle.chart(spec.title(), plot, fields.size() > 1);
        ChartStyle.subtitle(chart, "arrow = vector × " + HtmlReport.format(Double.parseDouble(
                String.format(Locale.ROOT, "%.3g", factor))) + note);
        return ChartFiles.save(chart, spec);
    }

    /** Scale so the longest finite arrow of all {@code fields} spans ~0.9 of the estimated grid spacing. */
    public static double arrowScale(List<VectorField> fields) {
        double maxNorm = 0;
        List<Points> anchors = new ArrayList<>();
        int n = 0;
        for (VectorField f : fields) {
            double[] xy = f.xy();
            double[] uv = f.uv();
            for (int j = 0; j < uv.length; j += 2) {
                if (allFinite(xy[j], xy[j + 1], uv[j], uv[j + 1])) {
                    maxNorm = Math.max(maxNorm, Math.hypot(uv[j], uv[j + 1]));
                }
            }
            anchors.add(new Points(f.name(), xy));
            n = Math.max(n, f.size());
        }
        Box box = Box.around(anchors.toArray(new Points[0]));
        double extent = Math.min(box.xMax() - box.xMin(), box.yMax() - box.yMin()) / 1.1;
        double spacing = extent / Math.max(1, Math.sqrt(n) - 1);
        return maxNorm > 0 && Double.isFinite(maxNorm) ? 0.9 * spacing / maxNorm : 1;
    }

    private static XYSeriesCollection lines(List<Series> series, Scale yScale) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> names = labels(series.stream().map(Series::name).toList());
        for (int s = 0; s < series.size(); s++) {
            double[] x = series.get(s).x();
            double[] y = series.get(s).y();
            XYSeries out = new XYSeries(names.get(s), false, true);
            for (int i = 0; i < x.length; i++) {
                if (allFinite(x[i], y[i]) && (yScale == Scale.LINEAR || y[i] > 0)) {
                    out.add(x[i], y[i], false);
                }
            }
            data.addSeries(out);
        }
        return data;
    }

    /** Lines in palette colours from {@code firstColour}; a {@code reference} curve (a true pdf) is black and dashed. */
    private static XYLineAndShapeRenderer lineRenderer(int count, int firstColour, boolean reference) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(reference); // one path, so the dashes run on across the points
        for (int s = 0; s < count; s++) {
            r.setSeriesPaint(s, reference && s == 0 ? Color.BLACK : ChartStyle.color(firstColour + s));
            r.setSeriesStroke(s, reference && s == 0 ? new BasicStroke(1.8f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f) : ChartStyle.line());
        }
        return r;
    }

    private static NumberAxis boxAxis(String label, double lo, double hi) {
        NumberAxis axis = (NumberAxis) ChartStyle.axis(label, Scale.LINEAR);
        axis.setRange(lo, hi);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    private static PaintScaleLegend colourBar(Viridis scale) {
        NumberAxis axis = (NumberAxis) ChartStyle.axis("density", Scale.LINEAR);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setAxisOffset(4);
        legend.setMargin(4, 8, 40, 0);
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    /**
     * Legend labels, which JFreeChart needs unique within a dataset: an empty name becomes
     * "series i", a repeated one gets " (2)", " (3)", ...
     */
    static List<String> labels(List<String> names) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String base = names.get(i).isEmpty() ? "series " + (i + 1) : names.get(i);
            String label = base;
            for (int k = 2; !used.add(label); k++) {
                label = base + " (" + k + ")";
            }
            out.add(label);
        }
        return out;
    }

    private static boolean allFinite(double... v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
