package io.score4j.report;

import io.score4j.io.AtomicFiles;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders a chart to {@code spec.png()} (PNG) and {@code spec.svg()} (standalone SVG 1.1 element with
 * an XML declaration, coordinates rounded to 0.01 px), each written atomically.
 */
final class ChartFiles {
    private ChartFiles() {}

    static Figure save(JFreeChart chart, ChartSpec spec) {
        int w = spec.width();
        int h = spec.height();
        AtomicFiles.write(spec.png(), out -> ChartUtils.writeChartAsPNG(out, chart, w, h));
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        g.setGeomDoubleConverter(ChartFiles::compact);
        g.setTransformDoubleConverter(ChartFiles::compact);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        // The element alone, without JFreeSVG's DOCTYPE pointing at the obsolete SVG 1.0 DTD.
        AtomicFiles.writeString(spec.svg(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n");
        return new Figure(spec.png(), spec.svg(), spec.title());
    }

    /** SVG coordinates to 1/100 pixel, which keeps files small (the default prints float noise). */
    static String compact(double v) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e9) {
            return Double.toString(v);
        }
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
