package io.score4j.report;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.random.Key;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.SamplerKind;
import io.score4j.train.ModelSampling;
import io.score4j.train.SamplingPlan;
import io.score4j.train.ScoreModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The report's own draw: its defaults are sample's, its refusals name report's flags, its draw is sample's. */
final class ReportDrawTest {
    private final ScoreModel model = ReportApiTest.model();

    @Test
    void unsetSettingsTakeSamplesDefaults() {
        SamplingPlan p = ReportDraw.defaults().plan(model, Parallelism.single());
        assertEquals(SamplerKind.LANGEVIN, p.kind(), "a plain model's default sampler");
        assertEquals(SamplerDefaults.STEPS, p.steps());
        assertEquals(SamplerDefaults.STEP_SIZE, p.stepSize());
        assertEquals(SamplerDefaults.START_LOW, p.startLow());
        assertEquals(SamplerDefaults.START_HIGH, p.startHigh());
        assertNull(new ReportDraw(SamplerKind.ODE, null, null, null).plan(model, Parallelism.single()));
        assertEquals(ReportDraw.DEFAULT_MAX_PARTICLES, ReportDraw.defaults().particles(1_000_000));
        assertEquals(7, ReportDraw.defaults().particles(7));
    }

    @Test
    void refusalsNameTheReportsFlags() {
        assertTrue(assertThrows(InputException.class, () -> new ReportDraw(SamplerKind.MALA, null, null, null)
                .plan(model, Parallelism.single())).getMessage().startsWith("--sampler mala needs a density"));
        assertTrue(assertThrows(InputException.class, () -> new ReportDraw(SamplerKind.ODE, null, 5, null)
                .plan(model, Parallelism.single())).getMessage().startsWith("--steps"));
        assertTrue(assertThrows(InputException.class, () -> new ReportDraw(null, null, 0, null)
                .plan(model, Parallelism.single())).getMessage().startsWith("--steps"));
        assertTrue(assertThrows(InputException.class, () -> new ReportDraw(null, null, null, -1.0)
                .plan(model, Parallelism.single())).getMessage().startsWith("--step-size"));
        assertTrue(assertThrows(InputException.class, () -> new ReportDraw(null, 1, null, null).particles(100))
                .getMessage().startsWith("--n-samples"));
    }

    /** The draw is sample's: the same plan and key Key.of(seed).split(5)[3] give the same points, whatever the threads. */
    @Test
    void drawIsSamplesDrawBitForBit() {
        ReportDraw draw = new ReportDraw(null, 50, 20, null);
        ReportSamples s = draw.draw(Path.of("m.safetensors"), model, 1000, 9, Parallelism.of(2),
                ModelSampling.Progress.NONE);
        SamplingPlan plan = new SamplingPlan(SamplerKind.LANGEVIN, 20, null, SamplerDefaults.START_LOW,
                SamplerDefaults.START_HIGH, null, null, null, Parallelism.single());
        ModelSampling.Drawn want = ModelSampling.fromModel(model, 50, plan, Key.of(9).split(5)[3],
                ModelSampling.Progress.NONE);
        assertEquals(0, want.nonFinite());
        assertArrayEquals(want.points(), s.points());
        assertEquals("score4j sample --model m.safetensors --n 50 --sampler langevin --steps 20 --step-size "
                + SamplerDefaults.STEP_SIZE + " --start-low 0.0 --start-high 1.0 --seed 9 --out samples.csv",
                s.sampler().get("command"));
    }
}
