package io.score4j.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a chart goes and how it is labelled: it is written as {@code dir/name.png} and
 * {@code dir/name.svg}, {@code width × height} pixels (SVG user units).
 *
 * @param dir    existing output directory
 * @param name   file base name: letters, digits, '.', '_' or '-', starting with a letter or digit
 * @param title  chart title (may be empty)
 * @param xLabel x-axis label (may be empty)
 * @param yLabel y-axis label (may be empty)
 * @param width  width in pixels, 100 to 10000
 * @param height height in pixels, 100 to 10000
 */
public record ChartSpec(Path dir, String name, String title, String xLabel, String yLabel, int width, int height) {
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public ChartSpec {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be a plain file base name, got '" + name + "'");
        }
        if (width < 100 || width > 10_000 || height < 100 || height > 10_000) {
            throw new IllegalArgumentException("width and height must be in [100, 10000], got " + width + "x" + height);
        }
    }

    /** A spec of the default size, 800 × 500. */
    public static ChartSpec of(Path dir, String name, String title, String xLabel, String yLabel) {
        return new ChartSpec(dir, name, title, xLabel, yLabel, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** The same spec at another size. */
    public ChartSpec withSize(int newWidth, int newHeight) {
        return new ChartSpec(dir, name, title, xLabel, yLabel, newWidth, newHeight);
    }

    /** {@code dir/name.png}. */
    public Path png() {
        return dir.resolve(name + ".png");
    }

    /** {@code dir/name.svg}. */
    public Path svg() {
        return dir.resolve(name + ".svg");
    }
}
