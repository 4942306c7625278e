package io.score4j.cli;

import static io.score4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.io.SafeTensors;
import io.score4j.io.SafeTensorsFile;
import io.score4j.model.Conditioning;
import io.score4j.noise.NoiseLadder;
import io.score4j.noise.Sde;
import io.score4j.objective.TimeWeighting;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.ScoreModel;
import io.score4j.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --objective dsm}: a toy model trained and loaded back time conditioned, its flags, its errors, EMA. */
class DsmTrainCommandTest {
    @TempDir
    Path dir;

    private CliTestSupport.Run train(Path out, String... more) {
        return train(out, 3, more);
    }

    private CliTestSupport.Run train(Path out, int epochs, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--toy", "ring8", "--n", "400", "--hidden", "16,16",
                "--activation", "silu", "--batch", "100", "--epochs", Integer.toString(epochs), "--seed", "3", "--out",
                out.toString()));
        a.addAll(List.of(more));
        return run(a.toArray(String[]::new));
    }

    @Test
    void aDsmModelLoadsBackTimeConditionedWithItsEmaAndSettings() {
        Path out = dir.resolve("m.safetensors");
        CliTestSupport.Run r = train(out, "--objective", "dsm");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("of dsm on VP SDE (beta 0.1 .. 20.0), weighting sigma2, eps 1.0E-5, EMA 0.999"),
                r.out());
        ScoreModel m = ScoreModel.load(out);
        assertTrue(m.timeConditional());
        assertEquals(new Sde.Vp(0.1, 20), m.sde().orElseThrow());
        Conditioning.Time time = assertInstanceOf(Conditioning.Time.class, m.network().conditioning());
        assertEquals(16, time.embedding().size());
        assertArrayEquals(new int[] {18, 16, 16, 2}, m.spec().sizes());
        TrainingSpec spec = m.training().orElseThrow();
        assertEquals(ObjectiveKind.DSM, spec.objective());
        assertEquals(TimeWeighting.SIGMA2, spec.options().weighting());
        assertEquals(1e-5, spec.options().eps());
        assertEquals(0.999, spec.ema());
        // 12 steps: the EMA (used for scoring) and the raw weights are both kept, and differ.
        assertNotNull(m.raw());
        assertFalse(m.raw().bitEquals(m.params()));
        SafeTensorsFile f = SafeTensors.read(out);
        assertTrue(f.tensors().containsKey("raw/layers.0.weight"), f.tensors().keySet().toString());
        float[] x = {0.5f, -1f, 2f, 0.25f};
        float[] s = new float[4];
        m.network().timeConditional().score(x, new double[] {0.1, 0.9}, 0, 2, 2, s);
        for (float v : s) {
            assertTrue(Float.isFinite(v));
        }
    }

    /** score evaluates a dsm model at its smallest time ε; the Langevin family of samplers refuses it in one line. */
    @Test
    void scoreUsesTheSmallestTimeAndTheOldSamplersRefuseADsmModel() throws Exception {
        Path out = dir.resolve("m.safetensors");
        assertEquals(0, train(out, "--objective", "dsm", "--eps", "0.001").code());
        Path points = Files.writeString(dir.resolve("p.csv"), "x,y\n0.5,1\n-2,0.25\n");
        Path scores = dir.resolve("s.csv");
        CliTestSupport.Run r = run("score", "--model", out.toString(), "--csv", points.toString(), "--out",
                scores.toString());
        assertEquals(0, r.code(), r.err());
        float[] s = new float[4];
        ScoreModel.load(out).network().timeConditional().score(new float[] {0.5f, 1f, -2f, 0.25f},
                new double[] {1e-3, 1e-3}, 0, 2, 2, s);
        List<String> lines = Files.readAllLines(scores);
        for (int i = 0; i < 2; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(s[2 * i], Double.parseDouble(cells[cells.length - 2]), 1e-6 * Math.abs(s[2 * i]));
            assertEquals(s[2 * i + 1], Double.parseDouble(cells[cells.length - 1]), 1e-6 * Math.abs(s[2 * i + 1]));
        }
        Path samples = dir.resolve("x.csv");
        // Without --sampler a dsm model samples with pc (ModelSampling.defaultKind); the Langevin family refuses it.
        r = run("sample", "--model", out.toString(), "--n", "10", "--sampler", "langevin", "--out", samples.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("time-conditioned"), r.err());
        assertFalse(Files.exists(samples));
    }

    @Test
    void veTakesItsSigmaMaxFromTheDataAndLikelihoodWeightingIsRecorded() {
        Path out = dir.resolve("ve.safetensors");
        CliTestSupport.Run r = train(out, "--objective", "dsm", "--sde", "ve", "--weighting", "likelihood", "--ema", "0",
                "--embedding", "8", "--eps", "1e-3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("weighting likelihood, eps 0.001, no EMA"), r.out());
        Map<String, String> meta = SafeTensors.read(out).metadata();
        assertEquals("ve", meta.get("sde"));
        assertEquals("data diameter", meta.get("sigma_max_from"));
        assertEquals("likelihood", meta.get("weighting"));
        assertEquals("8", meta.get("embedding_dim"));
        assertNull(meta.get("ema"));
        ScoreModel m = ScoreModel.load(out);
        assertNull(m.raw());
        Sde.Ve ve = assertInstanceOf(Sde.Ve.class, m.sde().orElseThrow());
        assertEquals(0.01, ve.sigmaMin());
        float[] rows = io.score4j.data.ToySet.RING8.sample(400, io.score4j.random.Key.of(3).split(5)[0]).toFloatArray();
        assertEquals(NoiseLadder.dataSigmaMax(rows, 400, 2), ve.sigmaMax());
        assertArrayEquals(new int[] {10, 16, 16, 2}, m.spec().sizes());
    }

    @Test
    void emaAppliesToTheOlderObjectivesOnlyWhenAsked() {
        Path plain = dir.resolve("plain.safetensors");
        CliTestSupport.Run r = train(plain, "--objective", "denoising");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("of denoising, no EMA"), r.out());
        assertNull(SafeTensors.read(plain).metadata().get("ema"));
        assertNull(ScoreModel.load(plain).raw());
        Path ema = dir.resolve("ema.safetensors");
        assertEquals(0, train(ema, "--objective", "denoising", "--ema", "0.9").code());
        ScoreModel m = ScoreModel.load(ema);
        assertEquals("0.9", m.settings().get("ema"));
        assertTrue(m.raw().bitEquals(ScoreModel.load(plain).params()), "the raw weights are the run without EMA");
    }

    @Test
    void resumingADsmRunGivesTheStraightRunsBytes() throws Exception {
        Path ckpt = dir.resolve("a.ckpt");
        assertEquals(0, train(dir.resolve("first.safetensors"), "--objective", "dsm", "--checkpoint", ckpt.toString(),
                "--checkpoint-every", "4").code());
        assertTrue(SafeTensors.read(ckpt).tensors().keySet().stream().anyMatch(k -> k.startsWith("opt/chain.1.ema.")));
        Path resumed = dir.resolve("resumed.safetensors");
        Path straight = dir.resolve("straight.safetensors");
        CliTestSupport.Run r = train(resumed, 5, "--objective", "dsm", "--resume", ckpt.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, train(straight, 5, "--objective", "dsm").code());
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
    }

    @Test
    void badValuesAndFlagsOfAnotherObjectiveAreOneErrorLine() {
        String[][] cases = {
            {"--objective", "exact", "--sde", "ve"}, {"--objective", "exact", "--weighting", "likelihood"},
            {"--objective", "exact", "--eps", "0.01"}, {"--objective", "exact", "--embedding", "8"},
            {"--objective", "exact", "--beta-max", "10"},
            {"--objective", "dsm", "--sde", "ve", "--beta-min", "1"},
            {"--objective", "dsm", "--sigma-max", "3"},
            {"--objective", "dsm", "--sde", "vq"},
            {"--objective", "dsm", "--weighting", "uniform"},
            {"--objective", "dsm", "--eps", "0"},
            {"--objective", "dsm", "--embedding", "7"},
            {"--objective", "dsm", "--beta-min", "30"},
            {"--objective", "dsm", "--ema", "1"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("bad.safetensors");
            CliTestSupport.Run r = train(out, c);
            String flag = c[c.length - 2];
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
            assertTrue(r.err().contains(flag) && !r.err().contains("null"),
                    String.join(" ", c) + ": " + r.err());
            assertFalse(Files.exists(out), String.join(" ", c));
        }
    }
}
