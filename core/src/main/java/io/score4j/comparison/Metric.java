package io.score4j.comparison;

/**
 * One headline number of a {@link ComparisonResult}, with what it is measured in and what it means.
 *
 * @param key     stable snake_case name, the JSON key of {@code eval --json} and {@code report.json}
 * @param label   short name for tables
 * @param value   the number (may be non-finite only if an input was)
 * @param units   what the number is measured in
 * @param meaning one line on how to read it
 */
public record Metric(String key, String label, double value, Units units, String meaning) {
    public Metric {
        if (key == null || key.isBlank() || label == null || label.isBlank() || units == null || meaning == null
                || meaning.isBlank()) {
            throw new IllegalArgumentException("metric needs a key, a label, units and a meaning, got " + key);
        }
    }

    /** What a metric is measured in. */
    public enum Units {
        /** A pure number: kernel values, correlations. */
        NONE("none"),
        /** The data's own units (a distance between points, as the columns are measured). */
        DATA("data units"),
        /** A fraction of points, in [0, 1]. */
        FRACTION("fraction"),
        /** Standard units: a distance with each column divided by the reference's standard deviation. */
        STANDARD("standard units"),
        /** A number of rows. */
        ROWS("rows");

        private final String text;

        Units(String text) {
            this.text = text;
        }

        /** As shown in tables and JSON, e.g. {@code data units}. */
        public String text() {
            return text;
        }
    }
}
