package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.NamedRows;
import io.score4j.sampling.Given;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Given columns by name, as {@code score4j sample --given COL=VALUE[,COL=VALUE…]} names them: values in the
 * data's original units, turned into a {@link Given} over the model's (or mixture's) columns, and that
 * {@link Given} standardised for a model's chains.
 */
public final class GivenColumns {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private GivenColumns() {}

    /**
     * Parses {@code COL=VALUE} pairs (the column name is everything before the last {@code =}) against
     * {@code columns}. Errors are {@link InputException}s starting with {@code flag}: an unknown column (naming
     * it and listing the known ones), a column given twice, a value that is not a finite decimal number, or
     * every column given (nothing would be left to sample).
     *
     * @return one row: the same given coordinates for every particle, values in original units
     */
    public static Given parse(List<String> pairs, String[] columns, String flag) {
        List<String> known = Arrays.asList(columns);
        boolean[] mask = new boolean[columns.length];
        double[] values = new double[columns.length];
        for (String pair : pairs) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new InputException(flag + " '" + NamedRows.shown(pair) + "' is not COL=VALUE");
            }
            String name = pair.substring(0, eq).trim();
            String text = pair.substring(eq + 1).trim();
            int j = known.indexOf(name);
            if (j < 0) {
                throw new InputException(flag + " names no column '" + NamedRows.shown(name) + "'; the columns are "
                        + NamedRows.listed(known));
            }
            if (mask[j]) {
                throw new InputException(flag + " gives column '" + NamedRows.shown(name) + "' twice");
            }
            double v = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
            if (!Double.isFinite(v)) {
                throw new InputException(flag + " " + NamedRows.shown(name) + "=" + NamedRows.shown(text)
                        + ": the value must be a finite decimal number");
            }
            mask[j] = true;
            values[j] = v;
        }
        if (!pairs.isEmpty() && Arrays.equals(mask, filled(columns.length))) {
            throw new InputException(flag + " gives every column (" + NamedRows.listed(known)
                    + "): nothing is left to sample");
        }
        return new Given(columns.length, mask, values);
    }

    /**
     * {@code given} (original units) in the model's standardised units: z = (v − mean)/std per column, for the
     * chains. A standardised value beyond the float range the chains compute in is an {@link InputException}.
     */
    public static Given standardized(ScoreModel m, Given given) {
        Given z = given.withValues(m.standardizer().apply(given.values()));
        requireFloatRange(z, given, m.columns(), " once standardised");
        return z;
    }

    /**
     * Refuses a given value {@code inChains} the float chains cannot hold (|v| &gt; 3.4e38), naming the value as
     * {@code original} has it and its column; {@code how} ends the message (e.g. " once standardised").
     */
    static void requireFloatRange(Given inChains, Given original, String[] columns, String how) {
        int d = inChains.d();
        for (int i = 0; i < inChains.rows(); i++) {
            for (int j = 0; j < d; j++) {
                if (inChains.isGiven(i, j) && !(Math.abs(inChains.value(i, j)) <= Float.MAX_VALUE)) {
                    throw new InputException("given value " + original.value(i, j) + " of column '"
                            + NamedRows.shown(columns[j]) + "' is beyond the float range the chains compute in" + how);
                }
            }
        }
    }

    private static boolean[] filled(int d) {
        boolean[] all = new boolean[d];
        Arrays.fill(all, true);
        return all;
    }
}
