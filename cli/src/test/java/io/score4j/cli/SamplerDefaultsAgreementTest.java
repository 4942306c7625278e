package io.score4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.score4j.Parallelism;
import io.score4j.data.Csv;
import io.score4j.random.Key;
import io.score4j.sampling.AnnealedLangevin;
import io.score4j.sampling.Chain;
import io.score4j.sampling.Langevin;
import io.score4j.noise.NoiseLadder;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.train.ModelSampling;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score4j sample} with no sampler flags is the library call with {@link SamplerDefaults}, bit for bit:
 * the defaults live in one place. The library side builds its chain from the model's own
 * {@link io.score4j.model.ScoreNetwork}.
 */
class SamplerDefaultsAgreementTest {
    @TempDir
    Path dir;

    private static final long SEED = 5;
    private static final int N = 96;

    @Test
    void plainModelSamplesAsTheLibraryDefaultsDo() {
        Path file = ReportCommandTest.tinyRing8(dir.resolve("ring8.safetensors"));
        ScoreModel m = ScoreModel.load(file);
        Key key = Key.of(SEED).split(5)[3];
        Chain chain = m.network().chain();
        assertInstanceOf(Chain.Fused.class, chain, "a [2, 16, 2] network samples on the fused strategy");
        float[] z = Langevin.sample(chain, SamplerDefaults.start(key.child(0), N, 2), 2, SamplerDefaults.langevin(Parallelism.single()),
                key.child(1), null).samples().data32();
        assertArrayEquals(m.standardizer().invert(ModelSampling.widen(z)), sampled(file, "langevin"));
    }

    @Test
    void noiseConditionalModelAnnealsAsTheLibraryDefaultsDo() {
        Path file = ReportCommandTest.noiseConditional(dir.resolve("ncsn.safetensors"), 2, 3.0, 0.05, 4);
        ScoreModel m = ScoreModel.load(file);
        double[] sig = m.sigmas();
        Key key = Key.of(SEED).split(5)[3];
        NoiseLadder ladder = NoiseLadder.geometric(sig[0], sig[sig.length - 1], sig.length);
        float[] z = AnnealedLangevin.sample(m.network().noiseConditional(), SamplerDefaults.start(key.child(0), N, 2), 2,
                SamplerDefaults.annealed(ladder, Parallelism.single()), key.child(1)).samples().data32();
        assertEquals(SamplerDefaults.ANNEALED_EPSILON_RATIO * 0.05 * 0.05, SamplerDefaults.annealed(ladder, Parallelism.single()).epsilon());
        assertArrayEquals(m.standardizer().invert(ModelSampling.widen(z)), sampled(file, "annealed"));
    }

    /** {@code score4j sample} with only the model, sampler, count and seed; the samples read back, flat. */
    private double[] sampled(Path model, String sampler) {
        Path out = dir.resolve(sampler + ".csv");
        CliTestSupport.Run r = CliTestSupport.run("sample", "--model", model.toString(), "--sampler", sampler, "--n",
                Integer.toString(N), "--seed", Long.toString(SEED), "--threads", "2", "-q", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double[] values = Csv.read(out).values();
        // The noise-conditional model has random weights whose score does not confine every particle: those that
        // end beyond 10 data ranges must be reported (one warning line with their count), and only they.
        int far = new io.score4j.sampling.DataRange(new double[2], io.score4j.sampling.DataRange.STANDARDISED_RADIUS)
                .escaped(values, 2);
        assertEquals(far == 0 ? "" : "warning: " + far + " of " + N + " samples lie more than 10 times the data's range "
                + "from it (the chain diverged); try a smaller --step-size", r.err().strip());
        return values;
    }
}
