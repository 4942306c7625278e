package io.score4j.train;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.data.Standardizer;
import io.score4j.data.TextCsv;
import io.score4j.data.TextTable;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerKind;
import io.score4j.sampling.Settling;
import io.score4j.table.ColumnKind;
import io.score4j.table.TableSchema;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A typed table as a score model's training data ({@code score4j train --csv} on a file with text cells or gaps,
 * or with {@code --types}): the {@link TableSchema} fitted on the table, its encoded [n, w] matrix as a
 * {@link Dataset} whose columns are the codec's coordinate names, and the schema stored in (and read back from)
 * the model's metadata under {@value #METADATA_KEY}.
 *
 * <p>The codec already puts every coordinate on unit scale (quantile-normal marginals, ±1 categories and gap
 * indicators), so a table model's {@link Standardizer} is the identity: standardising a rare level's ±1
 * coordinate would blow it up.
 */
public final class TableTraining {
    /** The metadata key holding the schema's JSON ({@link TableSchema#toJson()}). */
    public static final String METADATA_KEY = "table_schema";
    /** The largest schema JSON a model may hold: 1024 numbers a column keep 10 columns near 60 KB. */
    public static final int MAX_SCHEMA_CHARS = 16 << 20;

    /**
     * The batch of a table run without --batch: min(64, rows). At the same 9000 steps, batches of 64 rather than 128
     * kept the diabetes table's median DCR at the held-out rows' (1.46 against 1.49; 128: 1.35, memorising) and
     * Boston's C2ST at 0.58 (docs/DEFAULTS.md), for half the cost a step. Measured for dsm, the table's
     * default objective; the others keep 128 ({@link #defaultBatch}).
     */
    public static final int DEFAULT_BATCH = 64;
    /**
     * The steps a table run without --epochs takes (rounded up to whole epochs): 9000, where the EMA's warm-up
     * (1+n)/(10+n) reaches the default 0.999. On Boston's 404 rows (docs/DEFAULTS.md, batches of 128) 2000 steps
     * gave C2ST 0.61–0.64 and 9000 0.55 with the median DCR above the held-out rows'; 18000 began to memorise.
     */
    public static final int MIN_STEPS = 9000;
    /**
     * The most epochs a table run without --epochs takes: on a small table {@value #MIN_STEPS} steps would pass
     * over each row thousands of times and the model would learn the rows themselves. On 100 random rows of
     * Boston (docs/DEFAULTS.md, "How many epochs") 1500 epochs gave a median DCR of 1.23–1.34 against 1.39 for
     * held-out rows, 750 1.31–1.42, 500 1.40–1.56, 300 1.47–1.65; on Boston's 404 rows C2ST stayed 0.52–0.57 at
     * 500 with DCR 0.90–0.96 (held-out 0.84).
     */
    public static final int MAX_EPOCHS = 500;
    /** The sampler a table model uses without --sampler: em (NFE 500), which beat pc (NFE 1000) on every table measured. */
    public static final SamplerKind DEFAULT_SAMPLER = SamplerKind.EM;
    /**
     * em/pc predictor steps for a table model without --steps: 1000 (NFE 1000 for em, pc's cost at its default):
     * on the same three Boston models C2ST 0.573/0.589/0.597 against 0.576/0.604/0.610 at 500 steps.
     */
    public static final int DEFAULT_SAMPLER_STEPS = 1000;

    private TableTraining() {}

    /**
     * The batch of a table run without --batch: min({@value #DEFAULT_BATCH}, rows) for dsm, min(128, rows) for the
     * other objectives (unmeasured at 64).
     */
    public static int defaultBatch(ObjectiveKind objective, int rows) {
        return Math.min(objective == ObjectiveKind.DSM ? DEFAULT_BATCH : 128, rows);
    }

    /**
     * The epochs of a table run without --epochs: enough for {@value #MIN_STEPS} steps of {@code batch} rows out of
     * {@code rows} (⌊rows / batch⌋ steps an epoch), at most {@value #MAX_EPOCHS}: a 5000-row table takes 116 epochs
     * of 78 batches of 64, a 404-row one 500 of 6 (3000 steps), a 354-row one 500 of 5, a 100-row one 500 of 1.
     */
    public static int defaultEpochs(int rows, int batch) {
        int perEpoch = Math.max(1, rows / batch);
        return Math.min(MAX_EPOCHS, (MIN_STEPS + perEpoch - 1) / perEpoch);
    }

    /**
     * A fitted table: its schema and the encoded rows ({@code data.columns()} = {@link TableSchema#coordinateNames()},
     * values [n, w] row-major).
     *
     * @param gaps cells of the table that were gaps (trained as filled values with the indicator +1)
     */
    public record Prepared(TableSchema schema, Dataset data, long gaps) {
        /** What {@code score4j train} says of it: rows, columns, coordinates and gaps of {@code file}, then the column kinds. */
        public String describe(Object file) {
            return String.format(Locale.ROOT, "%s: %d rows, %d columns as %d coordinates%s; column kinds:%n%s", file,
                    data.n(), schema.columns().size(), schema.width(), gaps > 0 ? ", " + gaps + " gaps" : "",
                    schema.summary().stripTrailing());
        }
    }

    /**
     * The columns {@code names} of {@code table}, in that order ({@code --columns}); all when {@code names} is null.
     *
     * @throws InputException starting with {@code flag} for a name the table lacks or one given twice
     */
    public static TextTable select(TextTable table, List<String> names, String flag) {
        if (names == null) {
            return table;
        }
        String[][] cols = new String[names.size()][];
        String[] tokens = new String[names.size()];
        for (int k = 0; k < names.size(); k++) {
            int j = table.indexOf(names.get(k).strip());
            if (j < 0) {
                throw new InputException(flag + ": no column '" + NamedRows.shown(names.get(k)) + "' in " + table.source()
                        + "; it has " + NamedRows.listed(Arrays.asList(table.names())));
            }
            if (names.subList(0, k).stream().map(String::strip).anyMatch(names.get(k).strip()::equals)) {
                throw new InputException(flag + " names column '" + NamedRows.shown(names.get(k)) + "' twice");
            }
            cols[k] = table.columns()[j];
            tokens[k] = table.missingTokens()[j];
        }
        String[] picked = names.stream().map(String::strip).toArray(String[]::new);
        return new TextTable(table.source(), picked, cols, table.lines(), tokens);
    }

    /**
     * Fits the schema on {@code table} ({@code types}: the {@code --types col=kind,…} text, or null to infer every
     * kind) and encodes its rows with {@code key} (ties, dequantisation and gap fills).
     *
     * @throws InputException for a bad {@code --types}, a column that cannot be typed, or a matrix beyond the heap
     */
    public static Prepared prepare(TextTable table, String types, Key key) {
        return prepare(table, types, key, true);
    }

    /**
     * As {@link #prepare(TextTable, String, Key)}; {@code link} false keeps every column on its own (no
     * {@link io.score4j.table.LinkedColumns}: {@code train --no-links}).
     */
    public static Prepared prepare(TextTable table, String types, Key key, boolean link) {
        Map<String, ColumnKind> kinds = types == null ? Map.of() : TableSchema.parseTypes(types, table, "--types");
        TableSchema schema = TableSchema.fit(table, kinds, "--types", link);
        TableSchema.Encoded enc = schema.encode(table, key);
        long gaps = 0;
        for (String[] column : table.columns()) {
            for (String cell : column) {
                gaps += cell == null || TextCsv.isMissing(cell) ? 1 : 0;
            }
        }
        return new Prepared(schema, new Dataset(schema.coordinateNames(), enc.n(), enc.width(), enc.values()), gaps);
    }

    /** True when {@code m} holds a table schema ({@value #METADATA_KEY}), i.e. it was trained on a typed table. */
    public static boolean isTable(ScoreModel m) {
        return m.settings().containsKey(METADATA_KEY);
    }

    /**
     * Refuses {@code use} (score, logp, a held-out log-likelihood) of raw rows under a table model: its network
     * works on the codec's coordinates (quantile-normal marginals, one-hot levels, gap indicators), whose map from
     * the data is a step function, so neither a score nor a density of the raw rows is defined.
     *
     * @throws InputException naming {@code source} and what to use instead
     */
    public static void requireNotTable(ScoreModel m, String source, String use) {
        if (isTable(m)) {
            throw new InputException(source + " is a table model: its network works on the table's encoded "
                    + "coordinates (quantile-normal marginals, one-hot levels, gap indicators), so " + use
                    + " of raw rows is not defined; use sample, impute, eval --reference or report (README, \"Typed "
                    + "tables\")");
        }
    }

    /** {@code m} with {@code schema}'s JSON in its metadata (m's columns must be the schema's coordinates). */
    public static ScoreModel withSchema(ScoreModel m, TableSchema schema) {
        requireFits(m, schema, "the model");
        Map<String, String> settings = new LinkedHashMap<>(m.settings());
        settings.put(METADATA_KEY, schema.toJson());
        return new ScoreModel(m.spec(), m.params(), m.standardizer(), m.columns(), m.noise(), settings, m.raw());
    }

    /**
     * The schema stored in {@code m}'s metadata, validated against the model (its coordinates are the model's
     * columns, its standardisation the identity); empty for a plain numeric model.
     *
     * @param source the model file, for messages
     * @throws InputException naming {@code source} when the stored schema is malformed or does not fit the model
     */
    public static Optional<TableSchema> schema(ScoreModel m, String source) {
        String json = m.settings().get(METADATA_KEY);
        if (json == null) {
            return Optional.empty();
        }
        String where = source + ": metadata '" + METADATA_KEY + "'";
        if (json.length() > MAX_SCHEMA_CHARS) {
            throw new InputException(where + " holds " + json.length() + " characters, more than " + MAX_SCHEMA_CHARS);
        }
        TableSchema schema = TableSchema.fromJson(json, where);
        requireFits(m, schema, where);
        return Optional.of(schema);
    }

    private static void requireFits(ScoreModel m, TableSchema schema, String where) {
        if (!Arrays.equals(m.columns(), schema.coordinateNames())) {
            throw new InputException(where + ": the schema's " + schema.width() + " coordinates are not the model's "
                    + m.dim() + " columns");
        }
        Standardizer id = Standardizer.identity(m.dim());
        if (!Arrays.equals(m.standardizer().mean(), id.mean()) || !Arrays.equals(m.standardizer().std(), id.std())) {
            throw new InputException(where + ": a table model must not be standardised (data_mean 0, data_std 1)");
        }
    }

    /**
     * For each of the schema's w coordinates, the gap indicator that masks it in dsm's loss
     * ({@link io.score4j.objective.SdeScoreMatching#masked}): a gap's value coordinates (one for a numeric column, one
     * per level for a category) are masked by their column's indicator; every other coordinate, −1. A row with the
     * indicator +1 (a gap) trains on the indicator and its other columns, not on its fill.
     */
    public static int[] maskedBy(TableSchema schema) {
        int[] out = new int[schema.width()];
        Arrays.fill(out, -1);
        for (int j = 0; j < schema.columns().size(); j++) {
            var c = schema.columns().get(j);
            if (c.missingToken() != null) {
                Arrays.fill(out, schema.offset(j), schema.offset(j) + c.valueWidth(), schema.offset(j) + c.valueWidth());
            }
        }
        return out;
    }

    /**
     * How a model's reverse-SDE draw settles discrete coordinates ({@link Settling}): a table model's level groups
     * ({@link io.score4j.table.TableSchema#levelGroups}: binary and category columns, gap indicators) at
     * σ/m = {@link Settling#DEFAULT_RATIO}; no group for any other model.
     */
    public static Settling settling(ScoreModel m) {
        int[][] groups = schema(m, "the model").map(TableSchema::levelGroups)
                .orElse(new int[0][]);
        return new Settling(m.dim(), groups, Settling.DEFAULT_RATIO);
    }
}
