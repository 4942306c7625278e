package io.score4j.table;

import java.util.Arrays;
import java.util.Map;

/** Fits one column's {@link ColumnCodec} from its {@link ColumnProfile} and kind ({@link TableSchema#fit}). */
final class ColumnCodecs {
    private ColumnCodecs() {}

    /**
     * The codec of a profiled column of {@code kind}: a {@link CategoryColumn} for binary and categorical (text
     * levels, or numeric codes at the column's precision), else a {@link NumericColumn} through its marginal (log
     * for positive, logit for bounded, the exact steps of an integer column's ≤ 1024 values, else ≤ 1024 quantile
     * knots).
     */
    static ColumnCodec of(ColumnProfile p, ColumnKind kind) {
        if (!kind.numeric()) {
            return categories(p, kind);
        }
        Marginal m = switch (kind) {
            case POSITIVE -> LogMarginal.fit(p.sorted);
            case BOUNDED -> LogitMarginal.fit(p.sorted);
            case INTEGER -> p.distinct <= ColumnProfile.MAX_LEVELS ? steps(p)
                    : QuantileMarginal.fitKnots(p.sorted, ColumnProfile.MAX_LEVELS);
            default -> QuantileMarginal.fitKnots(p.sorted, ColumnProfile.MAX_LEVELS);
        };
        Precision precision = kind == ColumnKind.INTEGER ? Precision.WHOLE : p.precision();
        return new NumericColumn(p.name, kind, m, p.min(), p.max(), precision, p.missingToken);
    }

    private static QuantileMarginal steps(ColumnProfile p) {
        Map<Double, Integer> levels = p.numericLevels();
        double[] values = levels.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = Arrays.stream(ColumnProfile.counts(levels)).asLongStream().toArray();
        return QuantileMarginal.steps(values, counts);
    }

    private static CategoryColumn categories(ColumnProfile p, ColumnKind kind) {
        if (p.isText()) {
            String[] levels = p.textLevels.keySet().toArray(new String[0]);
            long[] counts = Arrays.stream(ColumnProfile.counts(p.textLevels)).asLongStream().toArray();
            return new CategoryColumn(p.name, kind, null, levels, counts, p.missingToken);
        }
        Map<Double, Integer> numeric = p.numericLevels();
        String[] levels = numeric.keySet().stream().map(x -> p.precision().format(x)).toArray(String[]::new);
        long[] counts = Arrays.stream(ColumnProfile.counts(numeric)).asLongStream().toArray();
        return new CategoryColumn(p.name, kind, p.precision(), levels, counts, p.missingToken);
    }
}
