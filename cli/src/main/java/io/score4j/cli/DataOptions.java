package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.data.MixtureData;
import io.score4j.data.NamedRows;
import io.score4j.data.TextTable;
import io.score4j.data.ToySet;
import io.score4j.density.GaussianMixture;
import io.score4j.density.MixtureJson;
import io.score4j.random.Key;
import io.score4j.train.RunMemory;
import io.score4j.train.TableRoute;
import io.score4j.train.TableTraining;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Where training data comes from: exactly one of --mixture, --csv, --toy. */
final class DataOptions {
    @Option(names = "--mixture", paramLabel = "FILE.json",
            description = "Gaussian mixture to draw training data from, e.g. {\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}")
    Path mixture;

    @Option(names = "--csv", paramLabel = "FILE", description = "CSV file with a header row (train and baseline: "
            + "numbers, text and empty/NA cells, read as a typed table or as plain numbers: see --types; else numbers)")
    Path csv;

    @Option(names = "--toy", paramLabel = "NAME",
            description = "built-in 2-D data set: ring8, grid25, two-moons, swiss-roll, checkerboard, circles, pinwheel")
    String toy;

    @Option(names = "--columns", split = ",", paramLabel = "A,B",
            description = "train: the CSV columns to train on (default: all); report: where the model's columns are in "
                    + "the CSV when names differ, MODEL=CSV pairs or CSV names in the model's order (default: by name)")
    List<String> columns;

    @Option(names = "--n", paramLabel = "N", defaultValue = "20000",
            description = "points to draw for --mixture or --toy (default: ${DEFAULT-VALUE})")
    int n;

    /**
     * Loads the data set; {@code key} drives --mixture/--toy draws, which are checked against the heap
     * ({@link RunMemory#data}) before they are drawn.
     */
    Dataset load(Key key) {
        checkSource();
        if (csv != null) {
            return Csv.read(csv, columns);
        }
        return draw(key);
    }

    /** The data read: {@code table} is null for plain numbers, else {@code data} is its encoded matrix. */
    record Loaded(Dataset data, TableTraining.Prepared table) {}

    /**
     * Reads the training data (train): a --csv by the road {@link TableRoute#read} chooses, a typed table through
     * the codec ({@link TableTraining#prepare}) or plain numbers as {@link #load} reads them; the road's note goes
     * to {@code notes}.
     */
    Loaded load(String types, boolean link, Key key, Consumer<String> notes) {
        if (csv == null) {
            InputException.require(types == null, "--types", types, "applies only to --csv");
            return new Loaded(load(key), null);
        }
        checkSource();
        TextTable t = TableRoute.read(csv, columns, types, true, notes);
        TableTraining.Prepared p = t == null ? null : TableTraining.prepare(t, types, key, link);
        return p == null ? new Loaded(load(key), null) : new Loaded(p.data(), p);
    }

    /**
     * Loads data for a model with these columns: a --csv's columns are matched by name (see
     * {@link NamedRows}; --columns maps names that differ), --mixture/--toy draws as {@link #load} does.
     *
     * @param owner whose columns they are, for messages, e.g. {@code the model m.safetensors}
     * @param notes receives a line naming CSV columns left unused
     */
    Dataset loadFor(String[] modelColumns, String owner, Key key, Consumer<String> notes) {
        checkSource();
        if (csv != null) {
            return NamedRows.read(new NamedRows.Request("--csv", csv, modelColumns, owner,
                    UserFiles.columnMapping(columns), NamedRows.COLUMNS_HINT), false, notes);
        }
        return draw(key);
    }

    void checkSource() {
        int given = (mixture != null ? 1 : 0) + (csv != null ? 1 : 0) + (toy != null ? 1 : 0);
        if (given != 1) {
            throw new InputException("give exactly one of --mixture FILE.json, --csv FILE or --toy NAME");
        }
        if (columns != null && csv == null) {
            throw new InputException("--columns applies only to --csv");
        }
    }

    private Dataset draw(Key key) {
        InputException.require(n >= 1, "--n", n, "must be >= 1");
        if (mixture != null) {
            GaussianMixture mix = MixtureJson.read(mixture);
            RunMemory.data(n, mix.dim()).check();
            return MixtureData.sample(mix, n, key);
        }
        ToySet set = ToySet.parse(toy);
        RunMemory.data(n, set.dim()).check();
        return set.sample(n, key);
    }

    /** A short description for reports and model metadata. */
    String describe() {
        if (csv != null) {
            return "csv:" + csv.getFileName();
        }
        return mixture != null ? "mixture:" + mixture.getFileName() + " n=" + n : "toy:" + toy + " n=" + n;
    }

    /** The analytic density behind the data, when there is one (--mixture, or a mixture toy set). */
    GaussianMixture trueMixture() {
        if (mixture != null) {
            return MixtureJson.read(mixture);
        }
        return toy != null ? ToySet.parse(toy).mixture().orElse(null) : null;
    }
}
