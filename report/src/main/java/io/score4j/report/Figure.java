package io.score4j.report;

import java.util.Objects;
import java.nio.file.Path;

/** A chart written to disk: the PNG for embedding, the SVG for zooming and print, and its title. */
public record Figure(Path png, Path svg, String title) {
    public Figure {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(title, "title");
    }
}
