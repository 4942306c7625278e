package io.score4j.table;

import io.score4j.InputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A column of levels (kinds binary and categorical), text or numeric codes, decoded to the data's own values.
 *
 * <p>Encoding: L ≥ 3 levels (or a categorical column of 2) are one signed coordinate per level, +1 for the
 * row's level and −1 for the others ("analog bits" of one-hot: every coordinate has the same scale as the
 * numeric ones, and a decoded row is the argmax, first on ties); a binary column is one coordinate,
 * −1 for the first level and +1 for the second, decoded by its sign (the two-level one-hot's argmax
 * depends only on the difference of its coordinates, so one coordinate carries the same information); a
 * single level takes no coordinate and always decodes to itself.
 *
 * <p>Levels are kept in ascending order, as text ({@link String#compareTo}) or by numeric value; the
 * level of a numeric code is its text at the column's {@link Precision} ({@code 1} and {@code 1.0} are one
 * level in a column written with one decimal).
 */
public final class CategoryColumn implements ColumnCodec {
    private final String name;
    private final ColumnKind kind;
    private final Precision precision;
    private final String[] levels;
    private final long[] counts;
    private final String missingToken;
    private final Map<String, Integer> index = new HashMap<>();
    private final double[] cumulative;

    /**
     * @param precision how numeric codes are written, or null for text levels
     * @param levels   the levels, distinct (shape [L], 1 ≤ L ≤ {@value ColumnProfile#MAX_LEVELS}; L ≤ 2 when binary)
     * @param counts   rows of each level in the data, each ≥ 1 (shape [L])
     */
    public CategoryColumn(String name, ColumnKind kind, Precision precision, String[] levels, long[] counts,
            String missingToken) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (kind.numeric() || levels.length < 1 || levels.length > ColumnProfile.MAX_LEVELS
                || kind == ColumnKind.BINARY && levels.length > 2 || counts.length != levels.length) {
            throw new IllegalArgumentException("bad levels for a " + kind + " column: " + levels.length
                    + " levels, " + counts.length + " counts");
        }
        this.precision = precision;
        this.levels = levels.clone();
        this.counts = counts.clone();
        this.missingToken = missingToken;
        this.cumulative = new double[levels.length];
        long total = 0;
        for (int k = 0; k < levels.length; k++) {
            if (counts[k] < 1 || index.put(Objects.requireNonNull(levels[k], "level"), k) != null) {
                throw new IllegalArgumentException("level " + k + " repeated or with count < 1");
            }
            total += counts[k];
        }
        long cum = 0;
        for (int k = 0; k < levels.length; k++) {
            cum += counts[k];
            cumulative[k] = cum / (double) total;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return kind;
    }

    @Override
    public String missingToken() {
        return missingToken;
    }

    /** True when the levels are text, false for numeric codes. */
    public boolean text() {
        return precision == null;
    }

    /** How numeric codes are written (null for text levels). */
    public Precision precision() {
        return precision;
    }

    /** The levels in order (a copy). */
    public String[] levels() {
        return levels.clone();
    }

    /** Rows of each level in the data (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public int valueWidth() {
        return levels.length == 1 ? 0 : levels.length == 2 && kind == ColumnKind.BINARY ? 1 : levels.length;
    }

    @Override
    public String[] coordinateNames() {
        int w = valueWidth();
        String[] out = new String[w + (missingToken == null ? 0 : 1)];
        for (int k = 0; k < w; k++) {
            out[k] = w == 1 ? name : name + "=" + levels[k];
        }
        if (missingToken != null) {
            out[w] = name + "?";
        }
        return out;
    }

    /** The index of the level {@code cell} holds (a numeric code read at the column's precision), or −1. */
    int levelOf(String cell) {
        String key = cell;
        if (!text()) {
            double x = Cells.number(cell);
            key = Double.isNaN(x) ? cell : precision.format(x);
        }
        Integer k = index.get(key);
        return k == null ? -1 : k;
    }

    /** Writes level {@code level}'s coordinates (±1) into out[off, off + valueWidth()). */
    void encodeLevel(int level, double[] out, int off) {
        write(level, out, off);
    }

    @Override
    public void encode(String cell, double u, double[] out, int off, String where) {
        int k = levelOf(cell);
        if (k < 0) {
            throw new InputException(where + ": '" + ColumnProfile.shown(cell) + "' is not one of the column's "
                    + levels.length + " levels (" + listed() + ")");
        }
        write(k, out, off);
    }

    @Override
    public void fill(double u, double[] out, int off) {
        int k = 0;
        while (k < levels.length - 1 && u >= cumulative[k]) {
            k++;
        }
        write(k, out, off);
    }

    private void write(int level, double[] out, int off) {
        int w = valueWidth();
        if (w == 1) {
            out[off] = level == 1 ? 1.0 : -1.0;
        } else {
            for (int k = 0; k < w; k++) {
                out[off + k] = k == level ? 1.0 : -1.0;
            }
        }
    }

    @Override
    public String decode(double[] z, int off) {
        return levels[level(z, off)];
    }

    /** The level index the coordinates z[off, off + valueWidth()) decode to. */
    int level(double[] z, int off) {
        int w = valueWidth();
        if (w == 0) {
            return 0;
        }
        if (w == 1) {
            return z[off] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < w; k++) {
            if (z[off + k] > z[off + best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public String describe() {
        return levels.length + (levels.length == 1 ? " level" : " levels") + (text() ? " (text): " : ": ") + listed();
    }

    private String listed() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < Math.min(levels.length, 6); k++) {
            b.append(k == 0 ? "" : ", ").append(ColumnProfile.shown(levels[k]));
        }
        return levels.length > 6 ? b + ", …" : b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryColumn c && name.equals(c.name) && kind == c.kind && Objects.equals(precision, c.precision)
                && Arrays.equals(levels, c.levels) && Arrays.equals(counts, c.counts)
                && Objects.equals(missingToken, c.missingToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, precision, Arrays.hashCode(levels), Arrays.hashCode(counts));
    }
}
