package io.score4j.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.score4j.InputException;
import java.util.HashSet;
import java.util.Set;

/** Reads and validates one column of a table schema's JSON ({@link SchemaJson}). */
final class SchemaColumns {
    private static final Set<String> NUMERIC = Set.of("name", "kind", "missing", "min", "max", "decimals", "trimmed",
            "transform");
    private static final Set<String> TEXT_LEVELS = Set.of("name", "kind", "missing", "text", "levels", "counts");
    private static final Set<String> CODE_LEVELS = Set.of("name", "kind", "missing", "text", "decimals", "trimmed",
            "levels", "counts");
    private static final int MAX = ColumnProfile.MAX_LEVELS;

    private SchemaColumns() {}

    static ColumnCodec read(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InputException(where + ": expected a JSON object");
        }
        JsonNode nameNode = node.get("name");
        String label = nameNode != null && nameNode.isTextual()
                ? where + " ('" + ColumnProfile.shown(nameNode.textValue()) + "')" : where;
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new InputException(label + ": field 'kind' must be a string");
        }
        ColumnKind kind = ColumnKind.parse(kindNode.textValue(), label);
        boolean textLevels = !kind.numeric() && node.path("text").asBoolean(false);
        SchemaJson.Fields f = new SchemaJson.Fields(node, label, "",
                kind.numeric() ? NUMERIC : textLevels ? TEXT_LEVELS : CODE_LEVELS);
        String name = f.text("name", false);
        if (name.isEmpty() || name.chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == 0)) {
            throw f.error("field 'name' must be a non-empty single-line name");
        }
        String missing = f.text("missing", true);
        if (!SchemaJson.validMissing(missing)) {
            throw f.error("field 'missing' must be null or a gap spelling the CSV reader knows, got '"
                    + ColumnProfile.shown(missing) + "'");
        }
        return kind.numeric() ? numeric(f, name, kind, missing) : levels(f, name, kind, missing);
    }

    private static NumericColumn numeric(SchemaJson.Fields f, String name, ColumnKind kind, String missing) {
        double min = f.number("min");
        double max = f.number("max");
        if (min > max) {
            throw f.error("min " + min + " is above max " + max);
        }
        Precision precision = precision(f);
        if (kind == ColumnKind.INTEGER && (!precision.equals(Precision.WHOLE) || min != Math.rint(min)
                || max != Math.rint(max))) {
            throw f.error("an integer column needs decimals 0, trimmed false and whole min and max");
        }
        if (kind == ColumnKind.POSITIVE && min < 0) {
            throw f.error("a positive column needs min >= 0, got " + min);
        }
        Marginal m = marginal(new SchemaJson.Fields(f.get("transform"), f.where, "transform",
                Set.of("type", "knots", "values", "counts", "shift", "mean", "std", "from", "to")), kind, min, max);
        return new NumericColumn(name, kind, m, min, max, precision, missing);
    }

    private static Precision precision(SchemaJson.Fields f) {
        int decimals = (int) f.integer("decimals", Cells.SHORTEST, Cells.MAX_DECIMALS);
        boolean trimmed = f.bool("trimmed");
        if (trimmed && decimals <= 0) {
            throw f.error("trimmed needs decimals > 0");
        }
        return new Precision(decimals, trimmed);
    }

    private static Marginal marginal(SchemaJson.Fields t, ColumnKind kind, double min, double max) {
        String type = t.text("type", false);
        boolean allowed = switch (type) {
            case "knots" -> kind == ColumnKind.CONTINUOUS || kind == ColumnKind.INTEGER;
            case "steps" -> kind == ColumnKind.INTEGER;
            case "log" -> kind == ColumnKind.POSITIVE;
            case "logit" -> kind == ColumnKind.BOUNDED;
            default -> false;
        };
        if (!allowed) {
            throw t.error("type '" + ColumnProfile.shown(type) + "' is not a transform of a " + kind.id() + " column");
        }
        try {
            return switch (type) {
                case "knots" -> QuantileMarginal.knots(ordered(t, "knots", min, max, false));
                case "steps" -> steps(t, kind, min, max);
                case "log" -> new LogMarginal(t.number("shift"), t.number("mean"), t.number("std"));
                default -> logit(t, min, max);
            };
        } catch (IllegalArgumentException e) {
            throw t.error(e.getMessage());
        }
    }

    private static Marginal steps(SchemaJson.Fields t, ColumnKind kind, double min, double max) {
        double[] values = ordered(t, "values", min, max, true);
        for (double v : values) {
            if (v != Math.rint(v)) {
                throw t.error("values of an integer column must be whole numbers, got " + v);
            }
        }
        return QuantileMarginal.steps(values, t.counts("counts", values.length));
    }

    private static Marginal logit(SchemaJson.Fields t, double min, double max) {
        double from = t.number("from");
        double to = t.number("to");
        if (!(from < min || from == min && min < max) || !(to > max || to == max && min < max) || !(from < to)) {
            throw t.error("the range [from, to] = [" + from + ", " + to + "] must hold [min, max] = [" + min + ", "
                    + max + "] and be wider than a point");
        }
        return new LogitMarginal(from, to, t.number("mean"), t.number("std"));
    }

    /** Finite values, ascending (strictly when {@code strict}), from min to max exactly. */
    private static double[] ordered(SchemaJson.Fields t, String field, double min, double max, boolean strict) {
        double[] v = t.numbers(field, MAX);
        for (int i = 1; i < v.length; i++) {
            if (strict ? v[i] <= v[i - 1] : v[i] < v[i - 1]) {
                throw t.error(field + " must be " + (strict ? "strictly " : "") + "increasing, but entry " + i + " is "
                        + v[i] + " after " + v[i - 1]);
            }
        }
        if (v[0] != min || v[v.length - 1] != max) {
            throw t.error(field + " must run from min " + min + " to max " + max + ", got " + v[0] + " … "
                    + v[v.length - 1]);
        }
        return v;
    }

    private static CategoryColumn levels(SchemaJson.Fields f, String name, ColumnKind kind, String missing) {
        boolean text = f.bool("text");
        Precision precision = text ? null : precision(f);
        JsonNode a = f.array("levels", 1, kind == ColumnKind.BINARY ? 2 : MAX);
        String[] levels = new String[a.size()];
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < levels.length; k++) {
            JsonNode v = a.get(k);
            if (!v.isTextual() || v.textValue().isEmpty() || !seen.add(v.textValue())) {
                throw f.error("levels[" + k + "] must be a non-empty string, not repeated");
            }
            levels[k] = v.textValue();
            if (!text && (Double.isNaN(Cells.number(levels[k]))
                    || !precision.format(Cells.number(levels[k])).equals(levels[k]))) {
                throw f.error("levels[" + k + "] '" + ColumnProfile.shown(levels[k]) + "' is not a number written as "
                        + precision);
            }
            if (text && (SchemaJson.validMissing(levels[k]) || levels[k].chars().anyMatch(ch -> ch == '\n'
                    || ch == '\r' || ch == 0))) {
                throw f.error("levels[" + k + "] '" + ColumnProfile.shown(levels[k])
                        + "' would not read back from a CSV as itself");
            }
        }
        return new CategoryColumn(name, kind, precision, levels, f.counts("counts", levels.length), missing);
    }
}
