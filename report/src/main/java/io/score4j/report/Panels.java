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
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("sideBySide needs at least one panel");
        }
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        BufferedImage[] images = new BufferedImage[panels.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = readPng(panels.get(i).png());
        }
        AtomicFiles.write(png, out -> ImageIO.write(combine(images), "png", out));
        StringBuilder body = new StringBuilder();
        int x = 0;
        int height = 0;
        for (int i = 0; i < images.length; i++) {
            body.append(nested(readText(panels.get(i).svg()), x, "panel" + i + "-")).append('\n');
            x += images[i].getWidth();
            height = Math.max(height, images[i].getHeight());
        }
        AtomicFiles.writeString(svg, XML_DECLARATION + "<svg xmlns='http://www.w3.org/2000/svg' "
                + "xmlns:xlink='http://www.w3.org/1999/xlink' width='" + x + "' height='" + height + "' viewBox='0 0 "
                + x + " " + height + "'>\n<rect width='" + x + "' height='" + height + "' fill='white'/>\n" + body
                + "</svg>\n");
        return new Figure(png, svg, title);
    }

    private static BufferedImage combine(BufferedImage[] images) {
        int width = 0;
        int height = 0;
        for (BufferedImage im : images) {
            width += im.getWidth();
            height = Math.max(height, im.getHeight());
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (BufferedImage im : images) {
                g.drawImage(im, x, 0, null);
                x += im.getWidth();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A panel's SVG element placed at horizontal offset {@code x}: the XML declaration dropped, the
     * definition ids renamed to {@code idPrefix…} so two panels never share one.
     */
    static String nested(String svgDocument, int x, String idPrefix) {
        int start = svgDocument.indexOf("<svg");
        if (start < 0) {
            throw new IllegalStateException("not an SVG document (no <svg element)");
        }
        String element = svgDocument.substring(start).strip();
        Matcher m = ID_PREFIX.matcher(element);
        if (m.find()) {
            element = element.replace(m.group(1), idPrefix);
        }
        return "<svg x='" + x + "' y='0' " + element.substring("<svg".length()).stripLeading();
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
