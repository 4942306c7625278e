package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.score4j.data.Standardizer;
import io.score4j.nn.MlpInit;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs docs/DESIGN.md's "a library user builds a spec" example (smaller: 64 rows, 2 epochs). */
final class TrainingSpecExampleTest {
    @TempDir
    Path dir;

    @Test
    void theDesignExampleRunsAndItsModelReadsBackAsItsSpec() {
        int n = 64;
        int d = 2;
        float[] x = Draw.normal(Key.of(1), n * d);
        Standardizer standardizer = new Standardizer(new double[d], new double[] {1, 1});
        String[] columns = {"a", "b"};
        Path file = dir.resolve("m.safetensors");
        // From here on as in docs/DESIGN.md (epochs 200 → 2, batch 256 → 32, width 128 → 8).
        NoiseLadder ladder = NoiseLadder.fromData(x, n, d, 0.01, 10);
        TrainingSpec spec = TrainingSpec.defaults(ObjectiveKind.NCSN, ObjectiveOptions.defaults().withLadder(ladder),
                        "my rows", n)
                .withLadder(ladder, TrainingSpec.LadderOrigin.DATA_DIAMETER)
                .withNetwork(Activation.SILU, 8, 8).withOptimizer(1e-3, 1.0).withSchedule(2, 32, 7);
        Key[] keys = Key.of(spec.seed()).split(5);
        Optimizer<ChainState> opt = spec.optimizer();
        Params init = MlpInit.init(spec.network(d), spec.init(), keys[1], DType.F32);
        TrainState<ChainState> end = Trainer.run(Trainer.start(init, opt, keys[2]), x, n, d, spec.loss(d, io.score4j.Parallelism.of(2)), opt,
                spec.config(), new TrainListener<>() {});
        ScoreModel model = ScoreModel.of(spec.network(d), end.params(), standardizer, columns, spec);
        model.save(file);
        // What it wrote.
        ScoreModel loaded = ScoreModel.load(file);
        assertEquals(spec, loaded.training().orElseThrow());
        assertEquals(ladder, loaded.noise());
        assertEquals(4, end.step());
        assertEquals("data diameter", loaded.settings().get("sigma_max_from"));
        assertEquals("clip_by_global_norm(1.0) + adam", loaded.settings().get("optimizer"));
    }
}
