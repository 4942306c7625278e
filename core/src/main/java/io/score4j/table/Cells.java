package io.score4j.table;

import io.score4j.data.Csv;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The text of numeric cells: which cells are numbers, how many decimals they are written with, and writing them back. */
final class Cells {
    /** Most decimals a column is written with; a column written with more is written in shortest round-trip form. */
    static final int MAX_DECIMALS = 15;
    /** The decimals value meaning "shortest text that reads back to the same double" ({@link Double#toString}). */
    static final int SHORTEST = -1;

    private Cells() {}

    /**
     * The value of a plain decimal cell (optional sign, digits with an optional point, optional
     * exponent: {@code -1.5}, {@code .5}, {@code 2e-3}); NaN when the cell is not one or overflows a double
     * (so {@code inf}, {@code 0x1p3}, {@code 1d} and {@code 1e999} are text).
     */
    static double number(String cell) {
        if (!Csv.isPlainDecimal(cell)) {
            return Double.NaN;
        }
        double v = Double.parseDouble(cell);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** Digits after the decimal point of a plain decimal cell, or {@link #SHORTEST} when it has an exponent. */
    static int decimals(String cell) {
        int e = Math.max(cell.indexOf('e'), cell.indexOf('E'));
        if (e >= 0) {
            return SHORTEST;
        }
        int point = cell.indexOf('.');
        return point < 0 ? 0 : cell.length() - point - 1;
    }

    /**
     * {@code v} written with {@code decimals} digits after the point (half-even rounding of the exact
     * binary value, no exponent, no negative zero), or as {@link Double#toString} for {@link #SHORTEST}.
     */
    static String format(double v, int decimals) {
        if (decimals == SHORTEST) {
            return Double.toString(v == 0.0 ? 0.0 : v);
        }
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return s.startsWith("-") && isZero(s) ? s.substring(1) : s;
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }
}
