package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Dataset;
import io.score4j.data.NamedRows;
import io.score4j.density.GaussianMixture;
import io.score4j.density.MixtureJson;
import io.score4j.io.RunFiles;
import io.score4j.likelihood.Likelihood;
import io.score4j.likelihood.LikelihoodResult;
import io.score4j.likelihood.LikelihoodSettings;
import io.score4j.likelihood.Trace;
import io.score4j.noise.Sde;
import io.score4j.ode.Dopri5;
import io.score4j.ode.OdeFailure;
import io.score4j.sampling.ProbabilityFlow;
import io.score4j.train.ModelLikelihood;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score4j logp}: exact log-likelihoods by the probability-flow ODE, one per CSV row. */
@Command(name = "logp", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Exact log-likelihood of each CSV row by the probability-flow ODE of a score SDE model (--model) "
                + "or of a mixture's exact score (--mixture), in nats in the data's own units.")
public final class LogpCommand implements Callable<Integer>, DeclaresFiles {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "MODEL.safetensors", description = "a score SDE model (train --objective dsm)")
        Path model;

        @Option(names = "--mixture", paramLabel = "FILE.json",
                description = "a Gaussian mixture: the ODE runs on its exact perturbed score, and logp_exact is written beside")
        Path mixture;
    }

    @Option(names = "--csv", required = true, paramLabel = "POINTS.csv",
            description = "points, one per row, with the model's columns (the mixture's: x0, x1, …), found by name")
    Path csv;

    @Mixin
    ColumnsOption columns;

    @Option(names = "--out", required = true, paramLabel = "LOGP.csv",
            description = "one row per input row: logp (and logp_exact for --mixture) and nfe")
    Path out;

    @Option(names = "--sde", paramLabel = "vp|subvp|ve",
            description = "--mixture: the SDE (default vp; ve uses sigma 0.01 to 100 in standardised units); --model: the model's own")
    String sde;

    @Option(names = "--trace", paramLabel = "exact|hutchinson",
            description = "divergence: exact (default for D <= 16) or Hutchinson's estimate (default beyond)")
    String trace;

    @Option(names = "--probes", paramLabel = "M", defaultValue = "1", description = "Hutchinson probes per row (default: ${DEFAULT-VALUE})")
    int probes;

    @Option(names = "--probe", paramLabel = "rademacher|gaussian", defaultValue = "rademacher",
            description = "Hutchinson probe entries: ±1 or N(0,1) (default: ${DEFAULT-VALUE})")
    String probe;

    @Option(names = "--rtol", defaultValue = "" + Dopri5.DEFAULT_RTOL, description = "RK45 relative tolerance (default: ${DEFAULT-VALUE})")
    double rtol;

    @Option(names = "--atol", defaultValue = "" + Dopri5.DEFAULT_ATOL, description = "RK45 absolute tolerance (default: ${DEFAULT-VALUE})")
    double atol;

    @Option(names = "--eps", defaultValue = "" + Sde.DEFAULT_EPS,
            description = "the ODE starts at t = eps: logp is log p_eps, the data perturbed to time eps (default: ${DEFAULT-VALUE})")
    double eps;

    @Mixin
    RunOptions run;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public RunFiles files() {
        return RunFiles.none().withInput("--model", source.model).withInput("--mixture", source.mixture)
                .withInput("--csv", csv).withOutput("--out", out);
    }

    @Override
    public Integer call() {
        run.validate();
        LikelihoodSettings settings = settings();
        long t0 = System.nanoTime();
        GaussianMixture mix = source.mixture != null ? MixtureJson.read(source.mixture) : null;
        ScoreModel model = mix == null ? ScoreModel.load(source.model) : null;
        String[] names = mix != null ? Dataset.defaultColumns(mix.dim()) : model.columns();
        NamedRows.Request request = columns.request(csv, names,
                mix != null ? "the mixture " + source.mixture : "the model " + source.model);
        spark.validate();
        InputException.require(!spark.on() || mix == null, "--spark", spark.master, "runs logp of a --model only; "
                + "compute a --mixture's logp without --spark");
        Dataset pts = spark.on() ? null : NamedRows.read(request, false, UserFiles.notes(spec, run.quiet));
        Trace tr = trace(names.length);
        LikelihoodResult r;
        double[] exact = null;
        try {
            if (spark.on()) {
                ModelLikelihood.sde(model, source.model.toString(), "logp", sde);
                r = SparkScoring.logp(spark, source.model, request, UserFiles.notes(spec, run.quiet), tr, settings, rtol, atol);
            } else if (mix != null) {
                Sde s = ProbabilityFlow.defaultSde(sde == null ? "vp" : sde);
                r = Likelihood.mixture(mix, s, tr, pts.values(), 0, settings, run.parallelism());
                exact = Likelihood.exactMixture(mix, s, settings.eps(), pts.values());
            } else {
                ModelLikelihood.sde(model, source.model.toString(), "logp", sde);
                r = ModelLikelihood.logp(model, source.model.toString(), tr, pts.values(), settings, run.parallelism());
            }
        } catch (OdeFailure e) {
            throw new InputException(csv + ": data row " + (e.id() + 1) + ": the probability-flow ODE could not be "
                    + "integrated (" + e.getMessage() + "); nothing was written");
        }
        r.writeCsv(out, exact, csv.toString());
        run.say("%d rows: mean logp %.6f nats (se %.6f; %.6f per dimension), mean NFE %.1f, %s trace, %.2f s, written to %s",
                r.rows(), r.meanLogp(), r.standardError(), r.meanLogp() / names.length, r.meanNfe(), tr.describe(),
                (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }

    private LikelihoodSettings settings() {
        InputException.require(rtol > 0 && rtol < 1, "--rtol", rtol, "must be in (0, 1)");
        InputException.require(atol > 0 && Double.isFinite(atol), "--atol", atol, "must be a finite number > 0");
        InputException.require(eps > 0 && eps < 1, "--eps", eps, "must be in (0, 1)");
        InputException.require(probes >= 1 && probes <= 1024, "--probes", probes, "must be in [1, 1024]");
        InputException.require(sde == null || List.of("vp", "subvp", "ve").contains(sde.toLowerCase(Locale.ROOT)),
                "--sde", sde, "must be vp, subvp or ve");
        return new LikelihoodSettings(Dopri5.of(rtol, atol), eps);
    }

    private Trace trace(int d) {
        InputException.require(trace == null || trace.equalsIgnoreCase("exact") || trace.equalsIgnoreCase("hutchinson"),
                "--trace", trace, "must be exact or hutchinson");
        InputException.require(probe.equalsIgnoreCase("rademacher") || probe.equalsIgnoreCase("gaussian"), "--probe",
                probe, "must be rademacher or gaussian");
        boolean exact = trace == null ? d <= Trace.EXACT_MAX_DIM : trace.equalsIgnoreCase("exact");
        InputException.require(!exact || probes == 1, "--probes", probes, "applies only to --trace hutchinson");
        return exact ? Trace.exact() : Trace.hutchinson(Trace.Probe.valueOf(probe.toUpperCase(Locale.ROOT)), probes, run.seed);
    }
}
