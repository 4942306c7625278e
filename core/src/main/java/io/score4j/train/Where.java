package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.NamedRows;
import io.score4j.data.TextTable;
import io.score4j.table.CategoryColumn;
import io.score4j.table.ColumnCodec;
import io.score4j.table.ColumnKind;
import io.score4j.table.NumericColumn;
import io.score4j.table.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditions on the values of a model's columns, as {@code score4j sample --where "age>=30,age<40,city=Lyon"} names
 * them: comma-separated clauses {@code COL<OP>VALUE} with OP one of {@code >=}, {@code >}, {@code <=}, {@code <},
 * {@code =}, {@code !=}; the clauses on one column together make its condition (a range with excluded values for a
 * number, a set of levels for a category). Columns are the table's (a typed table: {@link #parse(List, TableSchema,
 * String)}) or the model's by name ({@link #parse(List, String[], String)}). A row holds the condition when every
 * column's value, as written to the output, satisfies it; {@link WhereSampling} draws such rows.
 *
 * @param clauses    the clauses as given, for messages (trimmed)
 * @param conditions one per constrained column, in the order the columns are first named
 */
public record Where(List<String> clauses, List<Condition> conditions) {
    private static final Pattern CLAUSE = Pattern.compile("(.+?)\\s*(>=|<=|!=|>|<|=)\\s*(.*)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public Where {
        clauses = List.copyOf(clauses);
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a where needs at least one condition");
        }
    }

    /** One column's condition: the output column index it reads and the test of a value. */
    public sealed interface Condition permits Range, Levels {
        /** The column's index among the output's columns. */
        int column();

        /** The column's name. */
        String name();

        /** Whether a cell as written (null: a gap) satisfies the condition; a gap never does. */
        boolean holds(String cell);
    }

    /**
     * A number in lo..hi (each end closed or open; ±∞ for none), not one of {@code excluded}.
     *
     * @param excluded values a {@code !=} clause removes; copied
     */
    public record Range(int column, String name, double lo, boolean loClosed, double hi, boolean hiClosed,
                        double[] excluded) implements Condition {
        public Range {
            Objects.requireNonNull(name, "name");
            if (column < 0 || Double.isNaN(lo) || Double.isNaN(hi)) {
                throw new IllegalArgumentException("range needs column >= 0 and non-NaN ends, got " + column + ", " + lo
                        + ", " + hi);
            }
            excluded = excluded.clone();
        }

        @Override
        public double[] excluded() {
            return excluded.clone();
        }

        /** Whether x is in the range and not excluded (NaN never is). */
        public boolean holds(double x) {
            if (!(x > lo || loClosed && x == lo) || !(x < hi || hiClosed && x == hi)) {
                return false;
            }
            for (double e : excluded) {
                if (x == e) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean holds(String cell) {
            return cell != null && Csv.isPlainDecimal(cell) && holds(Double.parseDouble(cell));
        }

        /** Whether no value can satisfy it: lo above hi, or a point range that is open or excluded. */
        boolean empty() {
            return lo > hi || lo == hi && !(loClosed && hiClosed && holds(lo));
        }

        /** Whether no whole number satisfies the ends (an integer column; exclusions aside). */
        boolean noWholeNumber() {
            double first = Math.ceil(lo) == lo && !loClosed ? lo + 1 : Math.ceil(lo);
            double last = Math.floor(hi) == hi && !hiClosed ? hi - 1 : Math.floor(hi);
            return first > last;
        }

        /** Whether the range misses [min, max] entirely. */
        boolean outside(double min, double max) {
            return hi < min || hi == min && !hiClosed || lo > max || lo == max && !loClosed;
        }
    }

    /** A category's allowed levels (as the data writes them). */
    public record Levels(int column, String name, Set<String> allowed) implements Condition {
        public Levels {
            Objects.requireNonNull(name, "name");
            allowed = Set.copyOf(allowed);
        }

        @Override
        public boolean holds(String cell) {
            return cell != null && allowed.contains(cell);
        }
    }

    /** Clauses on a plain numeric model's (or mixture's) columns: every column is a number with no known bounds. */
    public static Where parse(List<String> clauses, String[] columns, String flag) {
        Map<String, List<Clause>> byColumn = group(clauses, Arrays.asList(columns), flag);
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, List<Clause>> e : byColumn.entrySet()) {
            Range r = range(Arrays.asList(columns).indexOf(e.getKey()), e.getKey(), e.getValue(), flag);
            requireNotEmpty(r.empty(), e.getValue(), flag, "leave no value");
            out.add(r);
        }
        return new Where(trimmed(clauses), out);
    }

    /**
     * Clauses on a typed table's columns: numbers (integer, continuous, positive, bounded) take ranges, which must
     * meet the data's [min, max] (and hold a whole number for an integer column); categories take {@code =} and
     * {@code !=} with one of their levels, by its text (numeric codes as numbers: {@code CHAS=1}).
     *
     * @throws InputException starting with {@code flag} and naming the clause and column
     */
    public static Where parse(List<String> clauses, TableSchema schema, String flag) {
        List<String> names = Arrays.asList(schema.names());
        Map<String, List<Clause>> byColumn = group(clauses, names, flag);
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, List<Clause>> e : byColumn.entrySet()) {
            int j = names.indexOf(e.getKey());
            ColumnCodec c = schema.columns().get(j);
            List<Clause> cs = e.getValue();
            if (c instanceof NumericColumn num) {
                Range r = range(j, e.getKey(), cs, flag);
                requireNotEmpty(r.empty() || num.kind() == ColumnKind.INTEGER && r.noWholeNumber(), cs, flag,
                        "leave no value" + (num.kind() == ColumnKind.INTEGER ? " (the column is integer)" : ""));
                if (r.outside(num.min(), num.max())) {
                    throw new InputException(flag + " " + quoted(cs) + ": the range lies outside the data's values of '"
                            + NamedRows.shown(c.name()) + "', " + num.precision().format(num.min()) + " … "
                            + num.precision().format(num.max()));
                }
                out.add(r);
            } else {
                out.add(levels(j, (CategoryColumn) c, cs, flag));
            }
        }
        return new Where(trimmed(clauses), out);
    }

    /** Whether row i of {@code rows} (the output's columns, as text) satisfies every condition. */
    public boolean holds(TextTable rows, int i) {
        for (Condition c : conditions) {
            if (!c.holds(rows.cell(i, c.column()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether row i of {@code rows} ([n, d] numbers, the output's columns) satisfies every condition. */
    public boolean holds(double[] rows, int i, int d) {
        for (Condition c : conditions) {
            if (!(c instanceof Range r) || !r.holds(rows[i * d + c.column()])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The conditions that allow a single value, as {@code --given} pairs ({@code CHAS=1}, {@code kids=2}): a rare
     * region's rejection is cheaper when such a column is conditioned on instead.
     */
    public List<String> singleValues() {
        List<String> out = new ArrayList<>();
        for (Condition c : conditions) {
            if (c instanceof Levels l && l.allowed().size() == 1) {
                out.add(c.name() + "=" + l.allowed().iterator().next());
            } else if (c instanceof Range r && r.lo() == r.hi() && r.holds(r.lo())) {
                out.add(c.name() + "=" + java.math.BigDecimal.valueOf(r.lo()).stripTrailingZeros().toPlainString());
            }
        }
        return out;
    }

    /** The clauses as one text, e.g. {@code age>=30,age<40}. */
    public String text() {
        return String.join(",", clauses);
    }

    /** One parsed clause: its text, column, operator and value text. */
    private record Clause(String text, String column, String op, String value) {}

    private static Map<String, List<Clause>> group(List<String> clauses, List<String> names, String flag) {
        if (clauses.isEmpty()) {
            throw new InputException(flag + " needs at least one clause COL<OP>VALUE (OP: >=, >, <=, <, =, !=)");
        }
        Map<String, List<Clause>> out = new LinkedHashMap<>();
        for (String raw : clauses) {
            String text = raw.trim();
            Matcher m = CLAUSE.matcher(text);
            if (!m.matches() || m.group(3).isEmpty()) {
                throw new InputException(flag + " '" + NamedRows.shown(text) + "' is not COL<OP>VALUE (OP: >=, >, <=, <, =, "
                        + "!=; clauses separated by commas)");
            }
            String name = m.group(1).trim();
            if (!names.contains(name)) {
                throw new InputException(flag + " '" + NamedRows.shown(text) + "' names no column '" + NamedRows.shown(name)
                        + "'; the columns are " + NamedRows.listed(names));
            }
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(new Clause(text, name, m.group(2), m.group(3).trim()));
        }
        return out;
    }

    /** The clauses on one numeric column as a range: each tightens an end, {@code =} both, {@code !=} excludes. */
    private static Range range(int column, String name, List<Clause> cs, String flag) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        boolean loClosed = false;
        boolean hiClosed = false;
        List<Double> excluded = new ArrayList<>();
        for (Clause c : cs) {
            double v = DECIMAL.matcher(c.value()).matches() ? Double.parseDouble(c.value()) : Double.NaN;
            if (!Double.isFinite(v)) {
                throw new InputException(flag + " '" + NamedRows.shown(c.text()) + "': '" + NamedRows.shown(c.value())
                        + "' is not a finite decimal number (column '" + NamedRows.shown(name) + "' holds numbers)");
            }
            boolean closed = c.op().equals(">=") || c.op().equals("<=") || c.op().equals("=");
            if (c.op().startsWith(">") || c.op().equals("=")) {
                loClosed = v > lo ? closed : v == lo ? loClosed && closed : loClosed;
                lo = Math.max(lo, v);
            }
            if (c.op().startsWith("<") || c.op().equals("=")) {
                hiClosed = v < hi ? closed : v == hi ? hiClosed && closed : hiClosed;
                hi = Math.min(hi, v);
            }
            if (c.op().equals("!=")) {
                excluded.add(v);
            }
        }
        return new Range(column, name, lo, loClosed, hi, hiClosed, excluded.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }

    /** A category's clauses: the levels every {@code =} names (all of them if none), less those a {@code !=} names. */
    private static Levels levels(int column, CategoryColumn c, List<Clause> cs, String flag) {
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(c.levels()));
        for (Clause cl : cs) {
            if (!cl.op().equals("=") && !cl.op().equals("!=")) {
                throw new InputException(flag + " '" + NamedRows.shown(cl.text()) + "': column '" + NamedRows.shown(c.name())
                        + "' is " + c.kind().id() + ": use = or != with one of its levels");
            }
            String level = level(c, cl.value());
            if (!Arrays.asList(c.levels()).contains(level)) {
                throw new InputException(flag + " '" + NamedRows.shown(cl.text()) + "': '" + NamedRows.shown(cl.value())
                        + "' is not a level of column '" + NamedRows.shown(c.name()) + "' ("
                        + NamedRows.listed(Arrays.asList(c.levels())) + ")");
            }
            if (cl.op().equals("=")) {
                allowed.retainAll(Set.of(level));
            } else {
                allowed.remove(level);
            }
        }
        requireNotEmpty(allowed.isEmpty(), cs, flag, "leave no level");
        return new Levels(column, c.name(), allowed);
    }

    /** A value as the column writes its level: text as given, a numeric code at the column's precision. */
    private static String level(CategoryColumn c, String value) {
        if (c.text() || !DECIMAL.matcher(value).matches()) {
            return value;
        }
        double x = Double.parseDouble(value);
        return Double.isFinite(x) ? c.precision().format(x) : value;
    }

    private static void requireNotEmpty(boolean empty, List<Clause> cs, String flag, String what) {
        if (empty) {
            throw new InputException(flag + " " + quoted(cs) + ": the clauses on column '" + NamedRows.shown(cs.get(0).column())
                    + "' " + what);
        }
    }

    private static String quoted(List<Clause> cs) {
        return "'" + NamedRows.shown(String.join(",", cs.stream().map(Clause::text).toList())) + "'";
    }

    private static List<String> trimmed(List<String> clauses) {
        return clauses.stream().map(String::trim).toList();
    }
}
