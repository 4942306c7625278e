package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.data.Csv;
import io.score4j.data.Dataset;
import io.score4j.density.GaussianMixture;
import io.score4j.density.MixtureJson;
import io.score4j.io.RunFiles;
import io.score4j.random.Key;
import io.score4j.train.ModelSampling;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
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
        sampler.validate();
        Key key = Key.of(run.seed).split(5)[3];
        long t0 = System.nanoTime();
        ModelSampling.Drawn drawn;
        String[] columns;
        if (source.mixture != null) {
            GaussianMixture mix = MixtureJson.read(source.mixture);
            drawn = spark.fromMixture(source.mixture, mix, n, sampler.plan(run.threads()), key, Progress.forSampling(run.quiet));
            columns = Dataset.defaultColumns(mix.dim());
        } else {
            ScoreModel m = ScoreModel.load(source.model);
            drawn = spark.fromModel(source.model, m, n, sampler.plan(run.threads()), key, Progress.forSampling(run.quiet));
            columns = m.columns();
        }
        if (drawn.nonFinite() > 0) {
            throw new InputException(drawn.nonFinite() + " of " + n + " samples are not finite (the chain diverged); "
                    + "try a smaller --step-size. Nothing was written.");
        }
        Csv.write(out, columns, drawn.points(), columns.length);
        String acc = Double.isNaN(drawn.acceptanceRate()) ? ""
                : String.format(Locale.ROOT, ", MALA acceptance rate %.3f", drawn.acceptanceRate());
        run.say("%d samples (%s) in %.2f s written to %s%s", n, sampler.kind.id(), (System.nanoTime() - t0) / 1e9, out, acc);
        return 0;
    }
}
