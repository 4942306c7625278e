package io.score4j.spark;

import io.score4j.data.Standardizer;
import io.score4j.nn.MlpInit;
import io.score4j.nn.Params;
import io.score4j.noise.NoiseLadder;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.train.ObjectiveKind;
import io.score4j.train.ObjectiveOptions;
import io.score4j.train.ScoreModel;
import io.score4j.train.TrainingSpec;
import org.apache.spark.sql.SparkSession;

/** Tiny models and the one local[2] session the spark tests share (started once per test JVM, never stopped). */
final class TestModels {
    private TestModels() {}

    static SparkSession spark() {
        return Sessions.forMaster("local[2]", "score4j-tests");
    }

    /** An initialised (untrained) model of dimension 2, columns a and b, standardised; noise-conditional with a ladder. */
    static ScoreModel model(NoiseLadder ladder, int... hidden) {
        int d = 2;
        TrainingSpec spec = TrainingSpec.defaults(ladder != null ? ObjectiveKind.NCSN : ObjectiveKind.DENOISING,
                        ladder != null ? ObjectiveOptions.defaults().withLadder(ladder) : ObjectiveOptions.defaults(),
                        "test", 64)
                .withNetwork(Activation.SOFTPLUS, hidden);
        if (ladder != null) {
            spec = spec.withLadder(ladder, TrainingSpec.LadderOrigin.GIVEN);
        }
        Params p = MlpInit.init(spec.network(d), spec.init(), Key.of(5), DType.F32);
        return ScoreModel.of(spec.network(d), p, new Standardizer(new double[] {1, -1}, new double[] {2, 0.5}),
                new String[] {"a", "b"}, spec);
    }
}
