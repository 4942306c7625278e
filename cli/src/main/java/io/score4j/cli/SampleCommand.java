package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.density.GaussianMixture;
import io.score4j.density.MixtureJson;
import io.score4j.io.RunFiles;
import io.score4j.random.Key;
import io.score4j.sampling.DataRange;
import io.score4j.sampling.Given;
import io.score4j.sampling.ProbabilityFlowConfig;
import io.score4j.train.GivenColumns;
import io.score4j.ode.OdeSolver;
import io.score4j.sampling.SamplerKind;
import io.score4j.train.FlowSampling;
import io.score4j.train.ModelSampling;
import io.score4j.table.TableCsv;
import io.score4j.table.TableSchema;
import io.score4j.train.ScoreModel;
import io.score4j.train.TableSampling;
import io.score4j.train.TableTraining;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code score4j sample}: draw samples by following a learned or an exact score. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw samples by following a score: a trained model's (--model) or a mixture's exact one (--mixture).")
public final class SampleCommand implements Callable<Integer>, DeclaresFiles {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "MODEL.safetensors", description = "a model written by score4j train")
        Path model;

        @Option(names = "--mixture", paramLabel = "FILE.json", description = "sample a Gaussian mixture with its exact score")
        Path mixture;
    }

    @Option(names = "--n", required = true, paramLabel = "N", description = "number of particles (samples)")
    int n;

    @Mixin
    SamplerOptions sampler;

    @Option(names = "--given", split = ",", paramLabel = "COL=VALUE",
            description = "draw from p(rest | given): columns by name (x0, x1, ... for --mixture), values in original "
                    + "units, written back exactly; exact for langevin and mala, annealed needs enough --steps, em/pc use the "
                    + "replacement method (approximate, README); not with ode")
    List<String> given;
    @Mixin
    WhereOptions where;
    @Mixin
    OdeOptions ode;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "SAMPLES.csv")
    Path out;

    @Mixin
    RunOptions run;

    @Mixin
    SparkOptions spark;

    @Override
    public RunFiles files() {
        return RunFiles.none().withInput("--model", source.model).withInput("--mixture", source.mixture)
                .withOutput("--out", out);
    }

    @Override
    public Integer call() {
        run.validate();
        InputException.require(n >= 1, "--n", n, "must be >= 1");
        // Without --sampler or --steps a model picks its own (ModelSampling.defaultKind, defaultSteps), so it is read first.
        ScoreModel m = source.model != null && (sampler.kind == null || sampler.steps == null)
                ? ScoreModel.load(source.model) : null;
        if (sampler.kind == null) {
            sampler.kind = m != null ? ModelSampling.defaultKind(m) : SamplerKind.LANGEVIN;
        }
        sampler.validate();
        if (m != null) {
            sampler.stepsFor(m);
        }
        ode.validate(sampler.kind);
        where.validate(sampler.kind, spark);
        Key key = Key.of(run.seed).split(5)[3];
        if (sampler.kind == SamplerKind.ODE) {
            FlowSampling.refuseGiven(given != null);
            return flow(key, m);
        }
        long t0 = System.nanoTime();
        ModelSampling.Drawn drawn;
        String[] columns;
        if (source.mixture != null) {
            GaussianMixture mix = MixtureJson.read(source.mixture);
            columns = Dataset.defaultColumns(mix.dim());
            drawn = where.on() ? where.fromMixture(mix, columns, n, sampler.plan(run.parallelism()), key,
                    Progress.forSampling(run.quiet), given(columns))
                    : spark.fromMixture(source.mixture, mix, n, sampler.plan(run.parallelism()), key,
                    Progress.forSampling(run.quiet), given(columns));
        } else {
            m = m != null ? m : ScoreModel.load(source.model);
            columns = m.columns();
            TableSchema schema = TableTraining.schema(m, source.model.toString()).orElse(null);
            Given g = schema == null ? given(columns) : given == null ? Given.none(m.dim())
                    : TableSampling.given(schema, given, "--given");
            drawn = where.on() ? where.fromModel(m, schema, n, sampler.plan(run.parallelism()), key,
                    Progress.forSampling(run.quiet), g)
                    : spark.fromModel(source.model, m, n, sampler.plan(run.parallelism()), key,
                    Progress.forSampling(run.quiet), g);
            if (schema != null) {
                return writeTable(schema, drawn.points(), t0, g);
            }
        }
        if (drawn.nonFinite() > 0) {
            throw new InputException(drawn.nonFinite() + " of " + n + " samples are not finite (the chain diverged); "
                    + "try " + sampler.divergenceAdvice() + ". Nothing was written.");
        }
        Csv.write(out, columns, drawn.points(), columns.length);
        if (drawn.escaped() > 0) {
            run.warn(DataRange.escapedWarning(drawn.escaped(), n, sampler.divergenceAdvice()));
        }
        String acc = Double.isNaN(drawn.acceptanceRate()) ? ""
                : String.format(Locale.ROOT, ", MALA acceptance rate %.3f", drawn.acceptanceRate());
        run.say("%d samples (%s) in %.2f s, NFE %d, written to %s%s", n, sampler.kind.id(), (System.nanoTime() - t0) / 1e9,
                drawn.nfe(), out, acc);
        sayWhere();
        return 0;
    }

    /** {@code --given} over {@code columns}, or nothing given. */
    private Given given(String[] columns) {
        return given == null ? Given.none(columns.length) : GivenColumns.parse(given, columns, "--given");
    }

    /**
     * {@code --sampler ode}: the probability-flow ODE ({@link FlowSampling}) of {@code loaded} (null: read --model);
     * reports the NFE.
     */
    private int flow(Key key, ScoreModel loaded) {
        spark.validate();
        InputException.require(!spark.on(), "--spark", spark.master, "does not run --sampler ode yet; sample the ODE "
                + "without --spark (em and pc run on Spark)");
        long t0 = System.nanoTime();
        OdeSolver solver = ode.solver(sampler.steps != null ? sampler.steps : OdeOptions.HEUN_DEFAULT_STEPS,
                sampler.steps != null);
        FlowSampling.Drawn drawn;
        String[] columns;
        TableSchema schema = null;
        if (source.mixture != null) {
            GaussianMixture mix = MixtureJson.read(source.mixture);
            drawn = FlowSampling.fromMixture(mix, n,
                    ProbabilityFlowConfig.forMixture(solver, sampler.sde, sampler.eps, run.parallelism()), key);
            columns = Dataset.defaultColumns(mix.dim());
        } else {
            ScoreModel m = loaded != null ? loaded : ScoreModel.load(source.model);
            drawn = FlowSampling.fromModel(m, source.model.toString(), n, solver, sampler.eps, sampler.sde,
                    run.parallelism(), key);
            columns = m.columns();
            schema = TableTraining.schema(m, source.model.toString()).orElse(null);
        }
        if (drawn.samples().nonFinite() > 0 && schema == null) {
            throw new InputException(drawn.samples().nonFinite() + " of " + n + " samples are not finite (the ODE "
                    + "diverged); nothing was written");
        }
        if (schema != null) {
            return writeTable(schema, drawn.samples().points(), t0, Given.none(schema.width()));
        }
        Csv.write(out, columns, drawn.samples().points(), columns.length);
        run.say("%d samples (ode, %s) in %.2f s written to %s; NFE per sample: mean %.1f, max %d", n, solver.describe(),
                (System.nanoTime() - t0) / 1e9, out, drawn.cost().meanEvaluations(), drawn.cost().maxEvaluations());
        return 0;
    }

    /** A table model's rows: checked ({@link TableSampling#decodeDrawn}), written, diverged rows warned of. */
    private int writeTable(TableSchema schema, double[] points, long t0, Given g) {
        TableSampling.Decoded rows = TableSampling.decodeDrawn(schema, points, n, g, String.valueOf(out),
                sampler.kind.id(), sampler.divergenceAdvice());
        TableCsv.write(rows.table(), out);
        if (rows.dropped() > 0) {
            run.warn(String.format(Locale.ROOT, "warning: %d of %d samples were not finite (the chain diverged) and "
                    + "were left out; try %s", rows.dropped(), n, sampler.divergenceAdvice()));
        }
        run.say("%d rows of %d columns (%s) in %.2f s written to %s", rows.table().n(), schema.columns().size(),
                sampler.kind.id(), (System.nanoTime() - t0) / 1e9, out);
        sayWhere();
        return 0;
    }

    /** The --where summary (rows kept of drawn, acceptance), when --where was given. */
    private void sayWhere() {
        if (where.on()) {
            run.say("%s", where.summary(n));
        }
    }
}
