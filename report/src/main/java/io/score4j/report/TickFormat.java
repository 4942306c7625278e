package io.score4j.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * Tick labels people read at a glance: {@code 0} for zero, plain decimals ({@code 0.00045},
 * {@code 2.5}, {@code 12000}) for magnitudes in [10⁻⁴, 10⁶), otherwise a mantissa times a power of
 * ten ({@code 4.5×10⁻⁵}); never {@code 4.5E-5} or {@code 0E0}.
 */
final class TickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** Tick sizes 1, 2, 2.5 and 5 × 10^k for k in [−15, 15], all with this format. */
    static TickUnitSource units() {
        TickUnits units = new TickUnits();
        TickFormat f = new TickFormat();
        for (int k = -15; k <= 15; k++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                units.add(new NumberTickUnit(m * Math.pow(10, k), f));
            }
        }
        return units;
    }

    /** The label of one tick value. */
    static String label(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a < 1e-15) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        if (a >= 1e-4 && a < 1e6) {
            return d.toPlainString();
        }
        int exp = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.movePointLeft(exp).stripTrailingZeros();
        return mantissa.toPlainString() + "×10" + superscript(exp);
    }

    private static String superscript(int exp) {
        StringBuilder s = new StringBuilder(exp < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(exp)).toCharArray()) {
            s.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }
}
