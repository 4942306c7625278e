package io.score4j.table;

/**
 * How a numeric column is written: {@code decimals} digits after the point (the most any cell of the data
 * has; 0 for integers), or the shortest text that reads back to the same double ({@link #SHORTEST}, for
 * data written with exponents or more than {@value Cells#MAX_DECIMALS} decimals). {@code trimmed} is for
 * data written without trailing zeros (as R writes: {@code 0}, {@code 12.5}, {@code 0.25} in one column):
 * the value is rounded to {@code decimals} and its trailing zeros (and a bare point) dropped.
 */
public record Precision(int decimals, boolean trimmed) {
    /** Shortest round-trip text. */
    public static final Precision SHORTEST = new Precision(Cells.SHORTEST, false);
    /** Whole numbers. */
    public static final Precision WHOLE = new Precision(0, false);

    public Precision {
        if (decimals < Cells.SHORTEST || decimals > Cells.MAX_DECIMALS || trimmed && decimals <= 0) {
            throw new IllegalArgumentException("decimals must be in [-1, " + Cells.MAX_DECIMALS
                    + "] (trimmed only with decimals > 0), got " + decimals + ", " + trimmed);
        }
    }

    /** {@code v} written at this precision (half-even rounding of the exact binary value, no negative zero). */
    public String format(double v) {
        String s = Cells.format(v, decimals);
        if (!trimmed) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.charAt(end - 1) == '.' ? s.substring(0, end - 1) : s.substring(0, end);
    }
}
