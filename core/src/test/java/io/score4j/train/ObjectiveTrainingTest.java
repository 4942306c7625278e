package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.data.Standardizer;
import io.score4j.data.ToySet;
import io.score4j.density.GaussianMixture;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpModel;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.objective.NoiseConditionalScoreMatching;
import io.score4j.objective.Projection;
import io.score4j.optim.ChainState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.random.Key;
import io.score4j.sampling.NoiseConditionalScoreFn;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Noise-conditional training end to end: the NCSN objective through {@link Trainer} on the RING8
 * toy set, read back through {@link ScoreModel} and {@link ModelScores#noiseConditional}.
 */
final class ObjectiveTrainingTest {
    private static final int N = 2048;
    private static final int BATCH = 256;
    private static final int EPOCHS = 60;
    private static final MlpSpec SPEC = ObjectiveKind.NCSN.spec(2, Activation.SOFTPLUS, 32, 32);

    @Test
    void ncsnOnRing8LearnsAScoreThatPointsToTheDataAtTheLargestSigma() {
        Dataset data = ToySet.RING8.sample(N, Key.of(1));
        float[] x = data.toFloatArray();
        double[] ladder = NoiseLadder.fromData(x, N, 2, 0.05, 8).sigmas();
        TrainState<ChainState> end = train(x, ladder, EPOCHS);
        assertEquals(EPOCHS * (N / BATCH), end.losses().length);
        assertLossWentDown(ladder, end.params());
        assertPointsToTheDataAtTheLargestSigma(ladder, end.params());
    }

    private static void assertLossWentDown(double[] ladder, Params trained) {
        // The loss goes down. Measured with common random numbers: the per-example losses of the
        // initial and the trained network on the same 4096 points, noise draws and levels; the
        // mean drop must exceed 5 standard errors of the paired differences.
        NoiseConditionalScoreMatching ncsn = new NoiseConditionalScoreMatching(new NoiseLadder(ladder));
        Tensor eval = ToySet.RING8.sample(4096, Key.of(2)).toTensor().astype(DType.F32);
        double[] before = perExample(ncsn, initial(), eval);
        double[] after = perExample(ncsn, trained, eval);
        double[] drop = new double[before.length];
        for (int i = 0; i < drop.length; i++) {
            drop[i] = before[i] - after[i];
        }
        double[] stats = meanAndSd(drop);
        assertTrue(stats[0] > 5 * stats[1] / Math.sqrt(drop.length), "loss drop " + stats[0] + " (sd " + stats[1] + ")");
    }

    private static void assertPointsToTheDataAtTheLargestSigma(double[] ladder, Params trained) {
        // At σ₁ the perturbed ring is nearly one wide Gaussian around the data mean (0, 0), so the
        // exact score −∇ log p_σ₁ points within a few degrees of the mean from any point; the
        // learned one must agree in direction: cosine > 0.9 (within 26°; about 15 000 training
        // examples fell on that level and these seeds give ≥ 0.97). A wrong sign convention in
        // s = net/σ, or training without the log σ input, fails it.
        ScoreModel model = new ScoreModel(SPEC, trained,
                new Standardizer(new double[] {0, 0}, new double[] {1, 1}), new String[] {"x", "y"}, new NoiseLadder(ladder), Map.of());
        NoiseConditionalScoreFn learned = ModelScores.noiseConditional(model);
        GaussianMixture noised = ToySet.RING8.mixture().orElseThrow().convolved(ladder[0]);
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * (k + 0.5) / 8;
            for (double radius : new double[] {1.5, 3.0}) {
                float[] point = {(float) (radius * Math.cos(a)), (float) (radius * Math.sin(a))};
                float[] s = new float[2];
                learned.score(point, 0, 1, 2, ladder[0], s);
                double[] exact = noised.scores(new double[] {point[0], point[1]});
                double inward = -(s[0] * point[0] + s[1] * point[1]);
                double cos = (s[0] * exact[0] + s[1] * exact[1]) / Math.hypot(s[0], s[1]) / Math.hypot(exact[0], exact[1]);
                assertTrue(inward > 0, "score at " + point[0] + "," + point[1] + " points away from the mean");
                assertTrue(cos > 0.9, "cosine " + cos + " at " + point[0] + "," + point[1]);
            }
        }
    }

    @Test
    void sameKeysGiveTheSameBits() {
        float[] x = ToySet.GRID25.sample(512, Key.of(3)).toFloatArray();
        double[] ladder = {2.0, 0.5, 0.1};
        TrainState<ChainState> a = train(x, ladder, 1);
        TrainState<ChainState> b = train(x, ladder, 1);
        assertTrue(a.params().bitEquals(b.params()));
        assertEquals(a.losses().length, b.losses().length);
        for (int i = 0; i < a.losses().length; i++) {
            assertEquals(Double.doubleToRawLongBits(a.losses()[i]), Double.doubleToRawLongBits(b.losses()[i]));
        }
    }

    private static TrainState<ChainState> train(float[] x, double[] ladder, int epochs) {
        int n = x.length / 2;
        ObjectiveOptions options = new ObjectiveOptions(1, Projection.RADEMACHER, 0.1, new NoiseLadder(ladder));
        BatchLoss loss = ObjectiveKind.NCSN.loss(SPEC, 2, options, Parallelism.single());
        Optimizer<ChainState> opt = Optimizers.chain(Optimizers.adam(3e-3));
        TrainState<ChainState> start = Trainer.start(initial(), opt, Key.of(6));
        return Trainer.run(start, x, n, 2, loss, opt, TrainConfig.of(epochs, Math.min(BATCH, n)), new TrainListener<>() {});
    }

    private static Params initial() {
        return MlpInit.init(SPEC, Init.SCALED, Key.of(5), DType.F32);
    }

    private static double[] perExample(NoiseConditionalScoreMatching o, Params p, Tensor x) {
        return o.perExampleLoss(SPEC, MlpModel.lift(p), x, Key.of(4), 0).value().toDoubleArray();
    }

    /** {mean, standard deviation} of a. */
    private static double[] meanAndSd(double[] a) {
        double s = 0;
        double sq = 0;
        for (double v : a) {
            s += v;
            sq += v * v;
        }
        int n = a.length;
        double mean = s / n;
        return new double[] {mean, Math.sqrt((sq / n - mean * mean) * n / (n - 1))};
    }
}
