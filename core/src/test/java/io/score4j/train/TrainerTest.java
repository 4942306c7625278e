package io.score4j.train;

import static org.junit.jupiter.api.Assertions.*;

import io.score4j.nn.LossAndGrad;
import io.score4j.nn.Params;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final double[] W_STAR = {1, -2, 0.5};
    /** Least squares on the batch: loss = mean_i ½((w − w*)·x_i)², w* = (1, −2, 0.5); gradient in closed form. */
    private static final BatchLoss LSQ = (params, batch, n, key) -> {
        float[] w = params.get("w").data32();
        float[] g = new float[w.length];
        int d = w.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0; j < d; j++) {
                r += (w[j] - W_STAR[j]) * batch[i * d + j];
            }
            loss += 0.5 * r * r / n;
            for (int j = 0; j < d; j++) {
                g[j] += (float) (r * batch[i * d + j] / n);
            }
        }
        return new LossAndGrad(loss, Params.of(Map.of("w", Tensor.wrap(g, d))));
    };

    private static final int N = 300;
    private static final int D = 3;
    private static final float[] DATA = Draw.normal(Key.of(1), N * D);

    private static Params start() {
        return Params.of(Map.of("w", Tensor.wrap(new float[D], D)));
    }

    @Test
    void stepsPerEpochAndLossesFollowTheSeedLoop() {
        Optimizer<ChainState> opt = Optimizers.chain(Optimizers.adam(0.05));
        List<Double> epochLosses = new ArrayList<>();
        TrainState<ChainState> end = Trainer.run(Trainer.start(start(), opt, Key.of(2)), DATA, N, D, LSQ, opt,
                TrainConfig.of(30, 64), new TrainListener<>() {
                    @Override
                    public void afterEpoch(int epoch, int epochs, double meanLoss) {
                        epochLosses.add(meanLoss);
                    }
                });
        assertEquals(30 * (N / 64), end.step());
        assertEquals(30, epochLosses.size());
        assertTrue(epochLosses.get(29) < 0.01 * epochLosses.get(0), "loss should fall: " + epochLosses);
        assertArrayEquals(Trainer.epochMeans(end.losses(), N / 64),
                epochLosses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void resumingFromACheckpointIsBitIdenticalToAnUninterruptedRun(@TempDir Path dir) {
        Optimizer<ChainState> opt = Optimizers.chain(Optimizers.clipByGlobalNorm(1.0), Optimizers.adam(0.05));
        TrainConfig cfg = new TrainConfig(10, 32, 7, 0);
        Path ckpt = dir.resolve("run.ckpt");
        TrainingSpec spec = TrainingSpec.defaults(ObjectiveKind.EXACT, ObjectiveOptions.defaults(), "least squares", N)
                .withOptimizer(0.05, 1.0).withSchedule(10, 32, 3);
        TrainState<ChainState> full = Trainer.run(Trainer.start(start(), opt, Key.of(3)), DATA, N, D, LSQ, opt, cfg,
                new TrainListener<>() {
                    @Override
                    public void checkpoint(TrainState<ChainState> s) {
                        if (s.step() == 21) {
                            TrainCheckpoint.write(ckpt, s, opt, spec);
                        }
                    }
                });
        TrainCheckpoint.Loaded<ChainState> loaded = TrainCheckpoint.read(ckpt, opt);
        assertEquals(21, loaded.state().step());
        assertEquals(spec, loaded.spec());
        TrainState<ChainState> resumed = Trainer.run(loaded.state(), DATA, N, D, LSQ, opt, cfg, new TrainListener<>() {});
        assertTrue(full.params().bitEquals(resumed.params()));
        assertArrayEquals(full.losses(), resumed.losses());
    }

    @Test
    void divergenceStopsWithTheStepNamed() {
        Optimizer<ChainState> opt = Optimizers.chain(Optimizers.sgd(1e30));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.run(Trainer.start(start(), opt, Key.of(4)), DATA, N, D, LSQ, opt, TrainConfig.of(5, 32),
                        new TrainListener<>() {}));
        assertTrue(e.getMessage().contains("step " + e.step()), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }

    @Test
    void batchLargerThanDataIsRejected() {
        Optimizer<ChainState> opt = Optimizers.chain(Optimizers.sgd(0.1));
        assertThrows(IllegalArgumentException.class, () -> Trainer.run(Trainer.start(start(), opt, Key.of(4)), DATA, N, D,
                LSQ, opt, TrainConfig.of(1, N + 1), new TrainListener<>() {}));
    }
}
