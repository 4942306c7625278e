package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.Standardizer;
import io.score4j.io.AtomicFiles;
import io.score4j.io.RunFiles;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.random.Key;
import io.score4j.tensor.DType;
import io.score4j.train.BatchLoss;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.TableTraining;
import io.score4j.train.TrainCheckpoint;
import io.score4j.train.TrainConfig;
import io.score4j.train.TrainState;
import io.score4j.train.TrainingRun;
import io.score4j.train.TrainingSpec;
import io.score4j.train.Trainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code score4j train}: learn a score network from samples and save it as safetensors. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an MLP score network on samples (a mixture, a CSV or a toy set) and save it.")
public final class TrainCommand implements Callable<Integer>, DeclaresFiles {
    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Option(names = "--out", required = true, paramLabel = "MODEL.safetensors", description = "where to write the model")
    Path out;

    @Option(names = "--standardize", negatable = true, defaultValue = "__no_default_value__", fallbackValue = "true",
            description = "scale each column to mean 0, std 1 before training (default: on for --csv, off otherwise)")
    Boolean standardize;

    @Option(names = "--types", paramLabel = "COL=KIND,...",
            description = "column kinds of a --csv table (continuous, integer, binary, categorical, positive, bounded); "
                    + "the rest inferred. Without it a --csv with text, gaps or a column that is not continuous "
                    + "trains as a typed table, one of continuous numbers only as plain numbers; 'none': plain numbers")
    String types;

    @Option(names = "--links", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "write numeric columns that come in a few repeated combinations (a town's tax, zoning, ...) "
                    + "back as one of the data's combinations seen in at least 2 rows (default on; --no-links: each "
                    + "column on its own)")
    boolean links;

    @Option(names = "--mask-gaps", description = "leave a table's gap cells out of the dsm loss (their fill is never "
            + "a target; default off: measured no better, docs/DEFAULTS.md \"Gaps: fill or mask\")")
    boolean maskGaps;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "training checkpoint file (default: MODEL.ckpt when checkpointing)")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS", defaultValue = "0",
            description = "write a checkpoint every STEPS steps (0: off)")
    int checkpointEvery;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "0",
            description = "write a checkpoint every S seconds (0: off)")
    double checkpointSeconds;

    @Option(names = "--log-json", paramLabel = "FILE",
            description = "append one JSON object per epoch to FILE (epoch, epochs, step, loss, steps_per_s, elapsed_s)")
    Path logJson;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "continue a run from its checkpoint")
    Path resume;

    /**
     * Reads --csv/--mixture and --resume; writes --out, --log-json and the checkpoint: --checkpoint
     * (which may be the --resume file, updated in place), else MODEL.ckpt when checkpointing.
     */
    @Override
    public RunFiles files() {
        boolean checkpointing = checkpointEvery > 0 || checkpointSeconds > 0;
        Path ckpt = checkpoint != null ? checkpoint : checkpointing && resume == null ? Path.of(out + ".ckpt") : null;
        return RunFiles.none().withInput("--csv", data.csv).withInput("--mixture", data.mixture)
                .withInput("--resume", resume).withOutput("--out", out)
                .withOutput("--checkpoint", ckpt, "--resume").withOutput("--log-json", logJson);
    }

    @Override
    public Integer call() {
        run.validate();
        InputException.require(checkpointEvery >= 0, "--checkpoint-every", checkpointEvery, "must be >= 0");
        InputException.require(checkpointSeconds >= 0 && Double.isFinite(checkpointSeconds), "--checkpoint-seconds",
                checkpointSeconds, "must be >= 0");
        Key[] keys = Key.of(run.seed).split(5);
        DataOptions.Loaded loaded = data.load(types, links, keys[0], note -> run.say("%s", note));
        TableTraining.Prepared table = loaded.table();
        if (table != null) {
            tableDefaults(table);
        }
        model.validate();
        Dataset raw = loaded.data();
        model.choices().checkSize(raw.n(), raw.d());
        boolean doScale = table == null && (standardize != null ? standardize : data.csv != null);
        Standardizer scaler = doScale ? Standardizer.fit(raw) : Standardizer.identity(raw.d());
        float[] x = TrainingRun.floats(raw, scaler, data.describe(), doScale);
        model.deriveFromData(x, raw.n(), raw.d());
        InputException.require(!maskGaps || table != null && model.objective == ObjectiveKind.DSM, "--mask-gaps", true,
                "applies to a typed table trained with dsm");
        TrainingRun.Result result = train(raw, scaler, x, keys, maskGaps ? TableTraining.maskedBy(table.schema()) : null);
        (table != null ? TableTraining.withSchema(result.model(), table.schema()) : result.model()).save(out);
        run.say("trained %d steps (batch %d%s) of %s, in %.2f s, final loss %.5f; model written to %s", result.steps(),
                model.batch(), model.batchDefaulted() ? ", the default min(" + TrainingSpec.DEFAULT_BATCH + ", "
                        + raw.n() + " rows)" : "", result.summary(), result.seconds(), result.finalLoss(), out);
        return 0;
    }

    /**
     * A table trains on the codec's coordinates, already on unit scale (no --standardize), with the dsm objective
     * unless --objective is given: its ±1 coordinates have no smooth density for the other objectives to match;
     * without --batch, {@link TableTraining#defaultBatch} (min(64, rows) for dsm); without --epochs, about
     * {@value TableTraining#MIN_STEPS} steps ({@link TableTraining}).
     */
    private void tableDefaults(TableTraining.Prepared table) {
        InputException.require(!Boolean.TRUE.equals(standardize), "--standardize", true,
                "does not apply to a table (the codec puts each column on unit scale)");
        if (!commandSpec.commandLine().getParseResult().hasMatchedOption("--objective")) {
            model.objective = ObjectiveKind.DSM;
        }
        int n = table.data().n();
        model.batch = model.batch != null ? model.batch : TableTraining.defaultBatch(model.objective, n);
        if (model.epochs == null && model.objective == ObjectiveKind.DSM) {
            model.epochs = TableTraining.defaultEpochs(n, Math.min(model.batch, n));
        }
        run.say("%s", table.describe(data.csv));
    }

    private TrainingRun.Result train(Dataset raw, Standardizer scaler, float[] x, Key[] keys, int[] maskedBy) {
        int d = raw.d();
        TrainingSpec training = model.trainingSpec(data.describe(), raw.n(), run.seed);
        MlpSpec spec = training.network(d);
        Optimizer<ChainState> opt = training.optimizer();
        BatchLoss loss = training.loss(d, run.parallelism(), maskedBy);
        TrainConfig cfg = new TrainConfig(training.epochs(), training.batch(), checkpointEvery, checkpointSeconds);
        Path ckpt = checkpointTarget();
        if (checkpointEvery > 0 || checkpointSeconds > 0 || resume != null) {
            UserFiles.checkWritable(ckpt, "--checkpoint");
            removeLeftovers(ckpt);
        }
        TrainState<ChainState> state = resume != null
                ? TrainingRun.resume(resume, opt, training, cfg.stepsPerEpoch(raw.n()))
                : Trainer.start(MlpInit.init(spec, training.init(), keys[1], DType.F32), opt, keys[2]);
        TrainProgress<ChainState> listener = new TrainProgress<>(run, logJson, cfg.stepsPerEpoch(raw.n()), model.epochs,
                state.step(), p -> TrainCheckpoint.write(ckpt, p, opt, training));
        long t0 = System.nanoTime();
        TrainState<ChainState> end = listener.guard(() -> Trainer.run(state, x, raw.n(), d, loss, opt, cfg, listener));
        double secs = (System.nanoTime() - t0) / 1e9;
        listener.close();
        return TrainingRun.Result.of(training, end, scaler, raw.columns(), d, secs);
    }

    /** Where checkpoints go: {@code --checkpoint}; else, on resume, the checkpoint resumed from; else MODEL.ckpt. */
    private Path checkpointTarget() {
        return checkpoint != null ? checkpoint : resume != null ? resume : Path.of(out + ".ckpt");
    }

    /** Deletes temp files a kill during a checkpoint write left beside the checkpoint(s) this run uses. */
    private void removeLeftovers(Path ckpt) {
        for (Path target : resume != null && !resume.equals(ckpt) ? new Path[] {resume, ckpt} : new Path[] {ckpt}) {
            for (Path p : AtomicFiles.removeLeftovers(target)) {
                run.say("removed %s, left by an interrupted checkpoint write", p);
            }
        }
    }
}
