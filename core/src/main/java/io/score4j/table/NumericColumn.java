package io.score4j.table;

import io.score4j.InputException;
import java.util.Objects;

/**
 * A column of numbers (kinds continuous, integer, positive, bounded): one coordinate through its
 * {@link Marginal}. Decoding clamps to the data's [min, max] (so every row stays in range, whatever the
 * model outputs), rounds integer columns to whole numbers and writes the value with the data's decimals.
 *
 * @param precision how values are written ({@link Precision#WHOLE} for integers)
 */
public record NumericColumn(String name, ColumnKind kind, Marginal marginal, double min, double max, Precision precision,
        String missingToken) implements ColumnCodec {
    public NumericColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(marginal, "marginal");
        if (!kind.numeric()) {
            throw new IllegalArgumentException("kind must be numeric, got " + kind);
        }
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException("need finite min <= max, got " + min + ", " + max);
        }
        Objects.requireNonNull(precision, "precision");
        if (kind == ColumnKind.INTEGER && !precision.equals(Precision.WHOLE)) {
            throw new IllegalArgumentException("an integer column is written whole, got " + precision);
        }
        if (kind == ColumnKind.INTEGER && (min != Math.rint(min) || max != Math.rint(max))) {
            throw new IllegalArgumentException("an integer column needs whole min and max, got " + min + ", " + max);
        }
        if (kind == ColumnKind.POSITIVE && min < 0) {
            throw new IllegalArgumentException("a positive column needs min >= 0, got " + min);
        }
    }

    @Override
    public int valueWidth() {
        return 1;
    }

    @Override
    public String[] coordinateNames() {
        return missingToken == null ? new String[] {name} : new String[] {name, name + "?"};
    }

    @Override
    public void encode(String cell, double u, double[] out, int off, String where) {
        double x = Cells.number(cell);
        if (Double.isNaN(x)) {
            throw new InputException(where + ": not a number: '" + ColumnProfile.shown(cell) + "' (the column is "
                    + kind.id() + ")");
        }
        out[off] = marginal.encode(Math.min(max, Math.max(min, x)), u);
    }

    @Override
    public void fill(double u, double[] out, int off) {
        out[off] = marginal.fill(u);
    }

    @Override
    public String decode(double[] z, int off) {
        return precision.format(value(z[off]));
    }

    /** The clamped (and for integers rounded) value of coordinate z. */
    double value(double z) {
        double x = Math.min(max, Math.max(min, marginal.decode(z)));
        return kind == ColumnKind.INTEGER ? Math.rint(x) : x;
    }

    @Override
    public String describe() {
        String range = precision.format(min) + " … " + precision.format(max);
        String median = precision.format(value(0.0));
        String form = marginal instanceof QuantileMarginal q
                ? q.isSteps() ? q.values().length + " values, quantile steps" : "quantile, " + q.values().length + " knots"
                : marginal instanceof LogMarginal ? "log" : "logit";
        return range + " (middle " + median + "; " + form + ")";
    }
}
