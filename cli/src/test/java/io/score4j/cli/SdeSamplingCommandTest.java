package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.data.Csv;
import io.score4j.density.GaussianMixture;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.random.Key;
import io.score4j.sampling.AnnealedLangevin;
import io.score4j.sampling.AnnealedLangevinConfig;
import io.score4j.sampling.NoiseConditionalScoreFn;
import io.score4j.sampling.PredictorCorrectorConfig;
import io.score4j.sampling.EulerMaruyamaConfig;
import io.score4j.sampling.ReverseDiffusion;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.TimeScoreFn;
import io.score4j.train.ModelSampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score4j sample --sampler em|pc} is the library's {@link ReverseDiffusion} with {@link SamplerDefaults}
 * and the flags' SDE, bit for bit; the item-6 defaults (annealed steps, a mixture's σ_max) and the divergence
 * warning; one {@code error:} line for every misplaced SDE flag.
 */
class SdeSamplingCommandTest {
    @TempDir
    Path dir;

    private static final String MIX = "{\"weights\":[0.5,0.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}";
    private static final long SEED = 3;
    private static final int N = 200;

    private Path mixture() throws IOException {
        return Files.writeString(dir.resolve("mix.json"), MIX);
    }

    private double[] sample(String... flags) throws IOException {
        Path out = dir.resolve("s.csv");
        Files.deleteIfExists(out);
        String[] base = {"sample", "--mixture", mixture().toString(), "--n", Integer.toString(N), "--seed",
            Long.toString(SEED), "--threads", "2", "-q", "--out", out.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + flags.length);
        System.arraycopy(flags, 0, args, base.length, flags.length);
        CliTestSupport.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return Csv.read(out).values();
    }

    private static double[] widen(float[] a) {
        return ModelSampling.widen(a);
    }

    @Test
    void pcAndEmOnAMixtureAreTheLibraryCallWithTheFlagsSde() throws IOException {
        GaussianMixture mix = GaussianMixture.fromJson(MIX, "test");
        Key key = Key.of(SEED).split(5)[3].child(1);
        Sde vp = new Sde.Vp(Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX);
        float[] pc = ReverseDiffusion.sample(TimeScoreFn.of(mix, vp), N, 1, SamplerDefaults.pc(vp, Parallelism.single()), key)
                .samples().data32();
        assertArrayEquals(widen(pc), sample("--sampler", "pc", "--sde", "vp"));
        Sde ve = new Sde.Ve(SamplerDefaults.MIXTURE_SIGMA_MIN, SamplerDefaults.mixtureVeSigmaMax(mix));
        assertEquals(Math.sqrt(5) / 0.02, SamplerDefaults.mixtureVeSigmaMax(mix), 1e-12, "rms √(4 + 1) / (2·0.01)");
        float[] em = ReverseDiffusion.sample(TimeScoreFn.of(mix, ve), N, 1, new EulerMaruyamaConfig(ve, 60, 1e-3, Parallelism.single()), key)
                .samples().data32();
        assertArrayEquals(widen(em), sample("--sampler", "em", "--steps", "60", "--eps", "1e-3"), "default --sde ve");
        Sde sub = new Sde.SubVp(Sde.Betas.BETA_MIN, Sde.Betas.BETA_MAX);
        float[] pc2 = ReverseDiffusion.sample(TimeScoreFn.of(mix, sub), N, 1,
                new PredictorCorrectorConfig(sub, 40, 0.3, SamplerDefaults.CORRECTOR_STEPS, Sde.DEFAULT_EPS, Parallelism.single()), key)
                .samples().data32();
        assertArrayEquals(widen(pc2), sample("--sampler", "pc", "--sde", "subvp", "--steps", "40", "--snr", "0.3"));
    }

    @Test
    void summaryReportsTheNfe() throws IOException {
        Path out = dir.resolve("n.csv");
        CliTestSupport.Run r = run("sample", "--mixture", mixture().toString(), "--n", "20", "--sampler", "pc", "--steps",
                "30", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("20 samples (pc) in ") && r.out().contains(", NFE 60, written to"), r.out());
    }

    @Test
    void annealedOnAMixtureDerivesSigmaMaxAndTakesNcsnsStepsPerLevel() throws IOException {
        GaussianMixture mix = GaussianMixture.fromJson(MIX, "test");
        Key key = Key.of(SEED).split(5)[3];
        NoiseLadder ladder = NoiseLadder.geometric(7, SamplerDefaults.MIXTURE_SIGMA_MIN, SamplerDefaults.MIXTURE_LEVELS);
        AnnealedLangevinConfig cfg = new AnnealedLangevinConfig(ladder,
                SamplerDefaults.annealedEpsilon(SamplerDefaults.MIXTURE_SIGMA_MIN), 100, 0, Parallelism.single());
        float[] z = AnnealedLangevin.sample(NoiseConditionalScoreFn.of(mix::convolved),
                SamplerDefaults.start(key.child(0), N, 1), 1, cfg, key.child(1)).samples().data32();
        assertArrayEquals(widen(z), sample("--sampler", "annealed"));
    }

    @Test
    void particlesFarFromTheDataAreOneWarning() throws IOException {
        Path out = dir.resolve("w.csv");
        // Ten particles start at 100 (the data's range is -5..5: radius 5, escape beyond 50) and take one step.
        CliTestSupport.Run r = run("sample", "--mixture", mixture().toString(), "--n", "10", "--steps", "1",
                "--start-low", "100", "--start-high", "101", "-q", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("warning: 10 of 10 samples lie more than 10 times the data's range"), err);
        assertTrue(err.contains("--step-size"), err);
        assertTrue(Files.exists(out));
    }

    @Test
    void misplacedSdeFlagsAreOneErrorEach() throws IOException {
        String mix = mixture().toString();
        String out = dir.resolve("e.csv").toString();
        String[][] cases = {
            {"--sde", "--sampler", "langevin", "--sde", "vp"},
            {"--sde", "--sampler", "pc", "--sde", "xx"},
            {"--snr", "--sampler", "em", "--snr", "0.2"},
            {"--snr", "--sampler", "pc", "--snr", "-1"},
            {"--eps", "--sampler", "annealed", "--eps", "0.01"},
            {"--eps", "--sampler", "em", "--eps", "1"},
            {"--step-size", "--sampler", "pc", "--step-size", "0.1"},
            {"--sampler", "--sampler", "pc", "--sde", "vp", "--sigma-max", "5"},
            {"--sampler", "--sampler", "em", "--levels", "5"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length - 1 + 7];
            String[] base = {"sample", "--mixture", mix, "--n", "5", "--out", out};
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(c, 1, args, base.length, c.length - 1);
            CliTestSupport.Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            String err = r.err().strip();
            assertTrue(err.startsWith("error: ") && err.lines().count() == 1 && err.contains(c[0]), err);
            assertFalse(Files.exists(Path.of(out)));
        }
    }

    @Test
    void sdeSamplersRefuseAModelWithoutTime() {
        Path model = ReportCommandTest.tinyRing8(dir.resolve("ring8.safetensors"));
        Path out = dir.resolve("m.csv");
        for (String kind : new String[] {"em", "pc"}) {
            CliTestSupport.Run r = run("sample", "--model", model.toString(), "--sampler", kind, "--n", "5", "--out",
                    out.toString());
            assertEquals(2, r.code(), r.err());
            String err = r.err().strip();
            assertTrue(err.startsWith("error: --sampler " + kind + " needs a time-conditioned model") && err.lines().count() == 1,
                    err);
            assertTrue(err.contains("--sampler langevin"), err);
            assertFalse(Files.exists(out));
        }
    }
}
