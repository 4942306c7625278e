package io.score4j.table;

import io.score4j.InputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The kind of each column, inferred from its cells or given by the user ({@code --types col=kind,…}).
 *
 * <p>Inference, in this order:
 * <ol>
 *   <li>a column whose present cells include text (anything {@link Cells#number} does not read as a finite
 *   decimal) is <b>binary</b> with two distinct values, else <b>categorical</b>, refused above
 *   {@value ColumnProfile#MAX_LEVELS} distinct values (an identifier or free text, not a category);</li>
 *   <li>a numeric column with one distinct value is <b>categorical</b> (a constant: no coordinate, written
 *   back as itself), with two it is <b>binary</b> (0/1 codes, yes/no: the two values come back exactly);</li>
 *   <li>a numeric column whose values are all whole numbers (written as {@code 3} or {@code 3.0}) is
 *   <b>integer</b>, whatever the number of distinct values: the quantile steps keep their order, return
 *   exactly the data's values in the data's proportions and cost one coordinate (numeric codes of a
 *   nominal variable are better said {@code categorical});</li>
 *   <li>any other numeric column is <b>continuous</b>.</li>
 * </ol>
 * Inference never picks {@code positive} or {@code bounded}: the quantile transform of a continuous column
 * already maps a skewed, zero-inflated or bounded marginal exactly onto N(0, 1) and decodes within the data's
 * range, which is what the score model needs; log and logit are there to be asked for. The summary notes
 * skew (|γ₁| > 1) and zero inflation (≥ 10 % zeros) so the user sees them.
 */
final class TypeRules {
    private TypeRules() {}

    /** The inferred kind of a profiled column. */
    static ColumnKind infer(ColumnProfile p) {
        if (p.isText()) {
            if (p.distinct > ColumnProfile.MAX_LEVELS) {
                throw new InputException(p.where() + " has more than " + ColumnProfile.MAX_LEVELS
                        + " distinct text values (the first " + p.firstTextShown() + "): an identifier or free text,"
                        + " not a category; leave the column out");
            }
            return p.distinct == 2 ? ColumnKind.BINARY : ColumnKind.CATEGORICAL;
        }
        if (p.distinct <= 2) {
            return p.distinct == 2 ? ColumnKind.BINARY : ColumnKind.CATEGORICAL;
        }
        return p.integral ? ColumnKind.INTEGER : ColumnKind.CONTINUOUS;
    }

    /**
     * Checks that column {@code p} can be of kind {@code k}.
     *
     * @throws InputException naming the column, the kind and the first cell or fact that rules it out
     */
    static void check(ColumnProfile p, ColumnKind k, String flag) {
        String where = flag + ": " + p.where();
        if (p.isText() && k.numeric()) {
            throw new InputException(where + " cannot be " + k.id() + ": it has text " + p.firstTextShown()
                    + "; a text column is categorical or binary");
        }
        if (k == ColumnKind.BINARY && p.distinct > 2) {
            throw new InputException(where + " cannot be binary: it has " + distinct(p) + " distinct values");
        }
        if (k == ColumnKind.CATEGORICAL && p.distinct > ColumnProfile.MAX_LEVELS) {
            throw new InputException(where + " cannot be categorical: it has " + distinct(p)
                    + " distinct values, more than " + ColumnProfile.MAX_LEVELS);
        }
        if (k == ColumnKind.INTEGER && !p.integral) {
            throw new InputException(where + " cannot be integer: it has a value that is not a whole number, "
                    + firstFraction(p));
        }
        if (k == ColumnKind.POSITIVE && p.min() < 0) {
            throw new InputException(where + " cannot be positive: its smallest value is " + p.min());
        }
        if (k == ColumnKind.BOUNDED && p.min() == p.max()) {
            throw new InputException(where + " cannot be bounded: it has one value only (" + p.min()
                    + "); say categorical");
        }
    }

    private static String distinct(ColumnProfile p) {
        return p.distinct > ColumnProfile.MAX_LEVELS ? "more than " + ColumnProfile.MAX_LEVELS
                : Integer.toString(p.distinct);
    }

    private static String firstFraction(ColumnProfile p) {
        String[] cells = p.table.columns()[p.column];
        for (int i = 0; i < cells.length; i++) {
            if (!ColumnProfile.gap(cells[i])) {
                double x = Cells.number(cells[i]);
                if (x != Math.rint(x) || Math.abs(x) > 0x1p53) {
                    return "'" + ColumnProfile.shown(cells[i]) + "' (row " + p.table.lines()[i] + ")";
                }
            }
        }
        throw new IllegalStateException("no fractional value in " + p.name);
    }

    /**
     * Parses {@code col=kind,col=kind,…} against the table's column names. A name may contain {@code =}
     * (the kind follows the last one) but not a comma; spaces around names and kinds are ignored.
     *
     * @param flag the flag in messages, e.g. {@code "--types"}
     * @return the kinds by column name, in the order given
     * @throws InputException naming the entry that is malformed, repeated, or names an unknown column or kind
     */
    static Map<String, ColumnKind> parseOverrides(String spec, String[] names, String flag) {
        Map<String, ColumnKind> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String entry : spec.split(",", -1)) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1 || entry.substring(0, eq).isBlank()) {
                throw new InputException(flag + ": expected col=kind, got '" + ColumnProfile.shown(entry.trim()) + "'");
            }
            String name = entry.substring(0, eq).trim();
            ColumnKind kind = ColumnKind.parse(entry.substring(eq + 1), flag + " " + ColumnProfile.shown(name));
            if (!known(names, name)) {
                throw new InputException(flag + ": unknown column '" + ColumnProfile.shown(name) + "'; the table has "
                        + listed(names));
            }
            if (out.put(name, kind) != null) {
                throw new InputException(flag + ": column '" + ColumnProfile.shown(name) + "' is given twice");
            }
        }
        return out;
    }

    private static boolean known(String[] names, String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String listed(String[] names) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < Math.min(names.length, 20); j++) {
            b.append(j == 0 ? "" : ", ").append(ColumnProfile.shown(names[j]));
        }
        return names.length > 20 ? b + ", ... (" + names.length + " columns)" : b.toString();
    }

    /** Notes on a numeric column's shape for the summary: skew and zero inflation, or "". */
    static String notes(ColumnProfile p) {
        if (p.isText() || p.distinct <= 2) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        double skew = p.skewness();
        if (Math.abs(skew) > 1) {
            b.append(String.format(Locale.ROOT, "; skewed (γ₁ = %.1f)", skew));
        }
        double zeros = p.zeroShare();
        if (zeros >= 0.1) {
            b.append(String.format(Locale.ROOT, "; %.0f%% zeros", 100 * zeros));
        }
        if (p.integral && p.distinct >= 20 && p.distinct == p.sorted.length && p.max() - p.min() + 1 == p.distinct) {
            b.append("; every value distinct and consecutive: a row id? (--columns leaves it out)");
        }
        return b.toString();
    }
}
