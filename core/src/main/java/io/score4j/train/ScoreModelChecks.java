package io.score4j.train;

import io.score4j.nn.Params;
import io.score4j.tensor.Tensor;
import java.util.HashSet;
import java.util.Set;

/**
 * What makes a {@link ScoreModel} usable, checked whenever one is built, so a file that breaks it is
 * refused at load rather than producing NaN or infinite scores later. Each check throws an
 * {@link IllegalArgumentException} naming the field, the element and the value.
 */
final class ScoreModelChecks {
    private ScoreModelChecks() {}

    /** Every parameter finite and within ±{@link ScoreModel#MAX_PARAMETER}. */
    static void requireUsableParameters(Params params) {
        for (var e : params.asMap().entrySet()) {
            String problem = parameterProblem(e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' " + problem);
            }
        }
    }

    /** Why {@code t} is not usable as a parameter, or null when it is. */
    static String parameterProblem(Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            double v = t.get(i);
            if (!Double.isFinite(v)) {
                return "element " + i + " is " + v + " (a model's parameters must be finite)";
            }
            if (Math.abs(v) > ScoreModel.MAX_PARAMETER) {
                return "element " + i + " is " + v + ", beyond ±" + ScoreModel.MAX_PARAMETER
                        + " (its scores would overflow; trained parameters are many orders smaller)";
            }
        }
        return null;
    }

    /** Column names: each non-empty and different from the others. */
    static void requireDistinctColumns(String[] columns) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] == null || columns[j].isEmpty()) {
                throw new IllegalArgumentException("columns: column " + (j + 1) + " has no name");
            }
            if (!seen.add(columns[j])) {
                throw new IllegalArgumentException("columns: '" + shown(columns[j]) + "' appears twice; column names must differ");
            }
        }
    }

    private static String shown(String name) {
        String plain = name.replaceAll("\\p{Cntrl}", "?");
        return plain.length() > 80 ? plain.substring(0, 80) + "..." : plain;
    }
}
