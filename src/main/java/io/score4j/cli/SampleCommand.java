package io.score4j.cli;

import io.score4j.data.Csv;
import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.Langevin;
import io.score4j.sampling.LangevinConfig;
import io.score4j.sampling.SamplingResult;
import io.score4j.sampling.ScoreFn;
import io.score4j.train.ModelScores;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code score4j sample}: draw samples by Langevin dynamics with a learned or an exact score. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw samples by following a score: a trained model's (--model) or a mixture's exact one (--mixture).")
public final class SampleCommand implements Callable<Integer> {
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

    @Option(names = "--steps", defaultValue = "1000", description = "Langevin steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--step-size", defaultValue = "1e-2", description = "Langevin step size alpha (default: ${DEFAULT-VALUE})")
    double stepSize;

    @Option(names = "--start-low", defaultValue = "0", description = "particles start U(low, high)^d (default low: ${DEFAULT-VALUE})")
    double startLow;

    @Option(names = "--start-high", defaultValue = "1", description = "(default high: ${DEFAULT-VALUE}); in standardised units for standardised models")
    double startHigh;

    @Option(names = "--out", required = true, paramLabel = "SAMPLES.csv")
    Path out;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        run.validate();
        UserError.require(n >= 1, "--n", n, "must be >= 1");
        UserError.require(steps >= 1, "--steps", steps, "must be >= 1");
        UserError.require(stepSize > 0 && Double.isFinite(stepSize), "--step-size", stepSize, "must be a finite number > 0");
        UserError.require(startHigh > startLow, "--start-high", startHigh, "must exceed --start-low " + startLow);
        UserFiles.checkWritable(out, "--out");
        Key[] keys = Key.of(run.seed).split(5);
        long t0 = System.nanoTime();
        if (source.mixture != null) {
            GaussianMixture mix = UserFiles.mixture(source.mixture);
            float[] x = langevin(ScoreFn.of(mix), mix.dim(), keys);
            Csv.write(out, io.score4j.data.Dataset.defaultColumns(mix.dim()), x, mix.dim());
        } else {
            ScoreModel m = ScoreModel.load(source.model);
            if (m.noiseConditional()) {
                throw new UserError("--model " + source.model + " is noise-conditional; sample it with --sampler annealed");
            }
            float[] z = langevin(ModelScores.of(m), m.dim(), keys);
            double[] zd = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                zd[i] = z[i];
            }
            Csv.write(out, m.columns(), m.standardizer().invert(zd), m.dim());
        }
        run.say("%d samples x %d steps in %.2f s written to %s", n, steps, (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }

    private float[] langevin(ScoreFn score, int d, Key[] keys) {
        Key[] k = keys[3].split(2);
        float[] start = Draw.uniform(k[0], n * d, startLow, startHigh);
        Progress bar = Progress.start("sample", steps, run.quiet);
        SamplingResult r = Langevin.sample(score, start, d, new LangevinConfig(stepSize, steps, 0, run.threads()), k[1],
                done -> bar.update(done, ""));
        bar.finish();
        return r.samples().data32();
    }
}
