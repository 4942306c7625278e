package io.score4j.report;

import io.score4j.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Puts already rendered figures next to each other in one figure, so a comparison (data vs samples,
 * learned vs true score) sits in one row of the report whatever the page layout does. The PNG is the
 * panels' pixels side by side; the SVG nests the panels' own SVG elements, offset horizontally, so it
 * stays a vector drawing. Reads only the panels' files and writes only {@code dir/name.png} and
 * {@code dir/name.svg}, each atomically.
 */
public final class Panels {
    /** JFreeSVG prefixes every definition id (clip paths) with "_" and a timestamp; panels get their own. */
    private static final Pattern ID_PREFIX = Pattern.compile("id='(_\\d+)");
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private Panels() {}

    /**
     * One figure holding {@code panels} left to right, top-aligned, on a white background.
     *
     * @param dir    folder of the combined files
     * @param name   base name of the combined files (must differ from every panel's)
     * @param title  title of the combined figure
     * @param panels at least one rendered figure
     */
    public static Figure sideBySide(Path dir, String name, String title, List<Figure> panels) {
        return grid(dir, name, title, panels, Math.max(1, panels.size()));
    }

    /**
     * One figure holding {@code panels} in rows of {@code perRow}, left to right and top to bottom,
     * each row as high as its tallest panel, on a white background.
     */
    public static Figure grid(Path dir, String name, String title, List<Figure> panels, int perRow) {
        if (panels.isEmpty() || perRow < 1) {
            throw new IllegalArgumentException("a grid needs at least one panel and perRow >= 1");
        }
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        BufferedImage[] images = new BufferedImage[panels.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = readPng(panels.get(i).png());
        }
        int[][] at = layout(images, perRow);
        int width = at[images.length][0];
        int height = at[images.length][1];
        AtomicFiles.write(png, out -> ImageIO.write(combine(images, at, width, height), "png", out));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < images.length; i++) {
            body.append(nested(readText(panels.get(i).svg()), at[i][0], at[i][1], "panel" + i + "-")).append('\n');
        }
        AtomicFiles.writeString(svg, XML_DECLARATION + "<svg xmlns='http://www.w3.org/2000/svg' "
                + "xmlns:xlink='http://www.w3.org/1999/xlink' width='" + width + "' height='" + height + "' viewBox='0 0 "
                + width + " " + height + "'>\n<rect width='" + width + "' height='" + height + "' fill='white'/>\n" + body
                + "</svg>\n");
        return new Figure(png, svg, title);
    }

    /** Top-left corner of each panel, then {total width, total height} as the last entry. */
    private static int[][] layout(BufferedImage[] images, int perRow) {
        int[][] at = new int[images.length + 1][];
        int y = 0;
        int width = 0;
        for (int row = 0; row * perRow < images.length; row++) {
            int x = 0;
            int rowHeight = 0;
            for (int i = row * perRow; i < Math.min(images.length, (row + 1) * perRow); i++) {
                at[i] = new int[] {x, y};
                x += images[i].getWidth();
                rowHeight = Math.max(rowHeight, images[i].getHeight());
            }
            width = Math.max(width, x);
            y += rowHeight;
        }
        at[images.length] = new int[] {width, y};
        return at;
    }

    private static BufferedImage combine(BufferedImage[] images, int[][] at, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < images.length; i++) {
                g.drawImage(images[i], at[i][0], at[i][1], null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A panel's SVG element placed at offset ({@code x}, {@code y}): the XML declaration dropped, the
     * definition ids renamed to {@code idPrefix…} so two panels never share one.
     */
    static String nested(String svgDocument, int x, int y, String idPrefix) {
        int start = svgDocument.indexOf("<svg");
        if (start < 0) {
            throw new IllegalStateException("not an SVG document (no <svg element)");
        }
        String element = svgDocument.substring(start).strip();
        Matcher m = ID_PREFIX.matcher(element);
        if (m.find()) {
            element = element.replace(m.group(1), idPrefix);
        }
        return "<svg x='" + x + "' y='" + y + "' " + element.substring("<svg".length()).stripLeading();
    }

    private static BufferedImage readPng(Path file) {
        try {
            BufferedImage im = ImageIO.read(file.toFile());
            if (im == null) {
                throw new IllegalStateException(file + ": not a PNG image");
            }
            return im;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rendered panel " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rendered panel " + file + ": " + e.getMessage(), e);
        }
    }
}
