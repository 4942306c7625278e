package io.score4j.data;

import io.score4j.InputException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which CSV column feeds each column a consumer (a model, say) needs. Columns are always found by
 * name, never by position; a mapping only says which name to look for:
 * <ul>
 *   <li>{@link ByName}: each column under its own name (the default);</li>
 *   <li>{@link Renamed} ({@code a=x,b=y}): column {@code a} from the CSV column {@code x}, and so on;
 *       columns not mentioned keep their own name;</li>
 *   <li>{@link Ordered} ({@code x,y}): one CSV name per needed column, in the consumer's order.</li>
 * </ul>
 * Names are compared exactly (after trimming the entries), as CSV header cells are. A CSV name that
 * contains {@code =} can only be given by the {@link Ordered} form.
 *
 * <p>User errors are {@link InputException}s whose message reads well after the mapping's label,
 * e.g. "--columns maps 'q', which is not one of the columns a, b"; the records' constructors throw
 * {@link IllegalArgumentException} for programming errors.
 */
public sealed interface ColumnMapping permits ColumnMapping.ByName, ColumnMapping.Renamed, ColumnMapping.Ordered {

    /**
     * The CSV column name for each needed column.
     *
     * @param wanted the consumer's column names, shape [d], distinct
     * @return the CSV names, shape [d], distinct
     * @throws InputException if the mapping does not fit {@code wanted} (a name it does not have, a
     *                        count that differs, two columns from one CSV column); the message reads
     *                        well after the mapping's label, e.g. {@code --columns}
     */
    String[] sourcesFor(String[] wanted);

    /** Every column under its own name. */
    static ColumnMapping byName() {
        return new ByName();
    }

    /**
     * Parses entries as given on a command line: all of the form {@code name=csv} (a {@link Renamed}),
     * or none of them (an {@link Ordered} list of CSV names); {@code null} or empty is {@link #byName()}.
     *
     * @throws InputException for an empty name, a mix of the two forms, or a name given twice
     */
    static ColumnMapping parse(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return byName();
        }
        long pairs = entries.stream().filter(e -> e.contains("=")).count();
        if (pairs != 0 && pairs != entries.size()) {
            throw new InputException("mixes NAME=CSV pairs and plain CSV names in '" + String.join(",", entries)
                    + "'; give either only pairs or only CSV names in order");
        }
        for (String e : entries) {
            if (e.isBlank() || e.strip().startsWith("=") || e.strip().endsWith("=")) {
                throw new InputException("has an empty name in '" + CsvSyntax.shown(String.join(",", entries)) + "'");
            }
        }
        if (pairs == 0) {
            return new Ordered(entries.stream().map(String::strip).toList());
        }
        Map<String, String> renames = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            String to = e.substring(0, eq).strip();
            if (renames.put(to, e.substring(eq + 1).strip()) != null) {
                throw new InputException("maps column '" + CsvSyntax.shown(to) + "' twice");
            }
        }
        return new Renamed(renames);
    }

    /** Each needed column under its own name. */
    record ByName() implements ColumnMapping {
        @Override
        public String[] sourcesFor(String[] wanted) {
            return wanted.clone();
        }
    }

    /**
     * Needed column {@code k} from CSV column {@code v}, for each entry; the others under their own name.
     *
     * @param renames wanted name → CSV name, non-blank names (copied, iteration order kept)
     */
    record Renamed(Map<String, String> renames) implements ColumnMapping {
        public Renamed {
            if (renames == null || renames.isEmpty()) {
                throw new IllegalArgumentException("renames must have at least one entry");
            }
            renames.forEach((k, v) -> {
                if (k == null || v == null || k.isBlank() || v.isBlank()) {
                    throw new IllegalArgumentException("renames has an empty name: " + k + "=" + v);
                }
            });
            renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
        }

        @Override
        public String[] sourcesFor(String[] wanted) {
            List<String> names = List.of(wanted);
            for (String k : renames.keySet()) {
                if (!names.contains(k)) {
                    throw new InputException("maps '" + CsvSyntax.shown(k) + "', which is not one of the columns "
                            + ColumnMatch.listed(wanted));
                }
            }
            String[] sources = new String[wanted.length];
            for (int j = 0; j < wanted.length; j++) {
                sources[j] = renames.getOrDefault(wanted[j], wanted[j]);
            }
            return distinct(wanted, sources);
        }
    }

    /**
     * One CSV name per needed column, in the consumer's order.
     *
     * @param sources CSV names, non-blank (copied)
     */
    record Ordered(List<String> sources) implements ColumnMapping {
        public Ordered {
            if (sources == null || sources.isEmpty()) {
                throw new IllegalArgumentException("sources must have at least one name");
            }
            for (String s : sources) {
                if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException("sources has an empty name: " + sources);
                }
            }
            sources = List.copyOf(sources);
        }

        @Override
        public String[] sourcesFor(String[] wanted) {
            if (sources.size() != wanted.length) {
                throw new InputException("lists " + sources.size() + " CSV column" + (sources.size() == 1 ? "" : "s")
                        + " but " + wanted.length + " are needed, for " + ColumnMatch.listed(wanted) + " in that order");
            }
            return distinct(wanted, sources.toArray(new String[0]));
        }
    }

    /** {@code sources}, after checking no CSV column feeds two needed columns. */
    private static String[] distinct(String[] wanted, String[] sources) {
        Map<String, String> seen = new HashMap<>();
        for (int j = 0; j < sources.length; j++) {
            String before = seen.put(sources[j], wanted[j]);
            if (before != null) {
                throw new InputException("takes both '" + CsvSyntax.shown(before) + "' and '"
                        + CsvSyntax.shown(wanted[j]) + "' from the CSV column '" + CsvSyntax.shown(sources[j]) + "'");
            }
        }
        return sources;
    }
}
