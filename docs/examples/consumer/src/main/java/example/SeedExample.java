package example;

import io.score4j.Parallelism;
import io.score4j.data.MixtureData;
import io.score4j.density.GaussianMixture;
import io.score4j.metrics.ScoreMetrics;
import io.score4j.model.Conditioning;
import io.score4j.model.ScoreNetwork;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.optim.AdamState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.random.Key;
import io.score4j.sampling.Langevin;
import io.score4j.sampling.LangevinConfig;
import io.score4j.sampling.SamplerDefaults;
import io.score4j.sampling.ScoreFn;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import io.score4j.train.BatchLoss;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.ObjectiveOptions;
import io.score4j.train.TrainConfig;
import io.score4j.train.TrainListener;
import io.score4j.train.TrainState;
import io.score4j.train.Trainer;

/** The seed's pipeline on score4j-core alone: learn the score of a 1-D mixture, check it, sample it. */
public final class SeedExample {
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 500;    // the seed's 500 epochs
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;     // and 1000 Langevin steps
        Key[] keys = Key.of(0).split(5);                                     // explicit keys, like jax.random.split
        GaussianMixture mix = GaussianMixture.fromJson(
                "{\"weights\":[.5,.5],\"means\":[[-2],[2]],\"stds\":[[1],[1]]}", "inline");
        float[] data = MixtureData.sample(mix, 20000, keys[0]).toFloatArray();   // int(n·w) points per component
        MlpSpec spec = MlpSpec.scoreNet(1, Activation.SOFTPLUS, 1024);           // MLP [1, 1024, 1]
        Params init = MlpInit.init(spec, Init.NORMAL, keys[1], DType.F32);      // every weight and bias N(0,1)
        Optimizer<AdamState> adam = Optimizers.adam(5e-3);
        BatchLoss exact = ObjectiveKind.EXACT.loss(spec, 1, ObjectiveOptions.defaults(), Parallelism.of(2)); // ½‖s‖² + tr ∂s/∂x
        TrainState<AdamState> trained = Trainer.run(Trainer.start(init, adam, keys[2]), data, 20000, 1, exact, adam,
                TrainConfig.of(epochs, 2048), new TrainListener<>() {});          // batches of 2048, no replacement
        ScoreNetwork net = ScoreNetwork.of(spec, trained.params(), Conditioning.none()); // s(x) = net(x)
        ScoreFn score = net.score();                                             // on the kernel it picks

        float[] points = MixtureData.sample(mix, 20000, keys[4]).toFloatArray(); // fresh points of the mixture
        float[] learned = new float[points.length];
        score.score(points, 0, points.length, 1, learned);
        double fisher = ScoreMetrics.fisherDivergence(Tensor.wrap(points, points.length).toDoubleArray(),
                Tensor.wrap(learned, learned.length).toDoubleArray(), mix);     // ½ E‖s − s*‖²

        float[] start = SamplerDefaults.start(keys[3].child(0), 10000, 1);       // 10 000 particles from U(0,1)
        float[] samples = Langevin.sample(net.chain(), start, 1, new LangevinConfig(1e-2, steps, 0, Parallelism.of(2)),
                keys[3].child(1), null).samples().data32();                       // x ← x + α s(x) + √(2α) z
        int right = 0;
        for (float x : samples) {
            right += x > 0 ? 1 : 0;
        }
        System.out.printf(java.util.Locale.ROOT, "fisher_divergence %.5f right_fraction %.4f%n", fisher,
                right / (double) samples.length);
    }
}
