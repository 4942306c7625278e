package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.score4j.InputException;
import io.score4j.Parallelism;
import io.score4j.data.Dataset;
import io.score4j.data.Standardizer;
import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.optim.AdamState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.sampling.Given;
import io.score4j.sampling.SamplerKind;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conditional sampling and imputation with a learned model: a [2, 64, 2] softplus network trained with the exact
 * objective on 20 000 draws of a correlated Gaussian (unit variances, ρ = 0.8; columns a, b, shifted and scaled
 * so the standardisation matters), where b | a has mean ρ·a and variance 1 − ρ² in standard units.
 */
final class ConditionalModelTest {
    private static final double RHO = 0.8;
    /** Original units: a = 2 + 3·u, b = −1 + 0.5·w for standard (u, w) with correlation ρ. */
    private static final double[] MEAN = {2, -1};
    private static final double[] SCALE = {3, 0.5};
    private static ScoreModel model;

    @BeforeAll
    static void train() {
        int n = 20000;
        double[] z = Draw.normalDouble(Key.of(11), 2 * n);
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = z[2 * i];
            double w = RHO * u + Math.sqrt(1 - RHO * RHO) * z[2 * i + 1];
            x[2 * i] = MEAN[0] + SCALE[0] * u;
            x[2 * i + 1] = MEAN[1] + SCALE[1] * w;
        }
        Dataset data = new Dataset(new String[] {"a", "b"}, n, 2, x);
        Standardizer st = Standardizer.fit(data);
        float[] train = st.apply(data).toFloatArray();
        MlpSpec spec = MlpSpec.scoreNet(2, Activation.SOFTPLUS, 64);
        Params init = MlpInit.init(spec, Init.SCALED, Key.of(12), DType.F32);
        Optimizer<AdamState> adam = Optimizers.adam(5e-3);
        BatchLoss exact = ObjectiveKind.EXACT.loss(spec, 2, ObjectiveOptions.defaults(), Parallelism.of(2));
        TrainState<AdamState> end = Trainer.run(Trainer.start(init, adam, Key.of(13)), train, n, 2, exact, adam,
                TrainConfig.of(60, 2048), new TrainListener<>() {});
        model = new ScoreModel(spec, end.params(), st, new String[] {"a", "b"}, null, Map.of());
    }

    private static SamplingPlan plan(int threads) {
        return new SamplingPlan(SamplerKind.LANGEVIN, 1000, null, 0, 1, null, null, null, Parallelism.of(threads));
    }

    /** b in standard units: (b − mean_b)/scale_b. */
    private static double standardB(double b) {
        return (b - MEAN[1]) / SCALE[1];
    }

    /**
     * Given a = 1 standard unit (a = 5 in original units), 4000 Langevin chains of the learned conditional: b in
     * standard units has mean 0.80 ± 0.06 and variance 0.36 ± 0.06 (the bound: the learned score's error;
     * the sampling SE is 0.0095 for the mean and 0.008 for the variance), and a comes back as exactly 5.0.
     */
    @Test
    void learnedConditionalOfACorrelatedGaussian() {
        int n = 4000;
        Given given = GivenColumns.parse(List.of("a=5"), model.columns(), "--given");
        double[] x = ModelSampling.fromModel(model, n, plan(2), Key.of(14), ModelSampling.Progress.NONE, given).points();
        double mean = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(5.0, x[2 * i], 0.0, "given a comes back exactly");
            double b = standardB(x[2 * i + 1]);
            mean += b;
            sq += b * b;
        }
        mean /= n;
        double var = sq / n - mean * mean;
        assertEquals(RHO, mean, 0.06, "E[b | a = 1]");
        assertEquals(1 - RHO * RHO, var, 0.06, "Var[b | a = 1]");
    }

    @Test
    void imputationFillsGapsCopiesObservedCellsAndLeavesCompleteRows() {
        double nan = Double.NaN;
        double[] rows = {5.0, nan, nan, nan, 0.1234567890123, -0.987654321, nan, -1.25};
        Imputation.Result r = Imputation.impute(model, new Dataset(new String[] {"a", "b"}, 4, 2, rows), "rows", plan(2),
                Key.of(15), ModelSampling.Progress.NONE);
        double[] out = r.values();
        assertEquals(3, r.rowsWithGaps());
        assertEquals(1, r.emptyRows());
        assertEquals(4, r.cellsFilled());
        assertEquals(5.0, out[0], 0.0);
        assertEquals(0.1234567890123, out[4], 0.0);
        assertEquals(-0.987654321, out[5], 0.0);
        assertEquals(-1.25, out[7], 0.0);
        for (double v : out) {
            assertEquals(true, Double.isFinite(v));
        }
    }

    /** Row 1's fill depends on its cells and index only: not on the other rows, nor on the thread count. */
    @Test
    void aRowsFillDependsOnlyOnItselfAndItsIndex() {
        double nan = Double.NaN;
        String[] cols = {"a", "b"};
        double[] one = {nan, 0.2, 3.0, nan, 1.0, 2.0};
        double[] other = {4.0, nan, 3.0, nan, nan, nan};
        double[] a = Imputation.impute(model, new Dataset(cols, 3, 2, one), "rows", plan(1), Key.of(16), ModelSampling.Progress.NONE)
                .values();
        double[] b = Imputation.impute(model, new Dataset(cols, 3, 2, other), "rows", plan(2), Key.of(16), ModelSampling.Progress.NONE)
                .values();
        assertArrayEquals(new double[] {a[2], a[3]}, new double[] {b[2], b[3]}, 0.0);
        double[] c = Imputation.impute(model, new Dataset(cols, 3, 2, one), "rows", plan(2), Key.of(17), ModelSampling.Progress.NONE)
                .values();
        assertNotEquals(a[3], c[3], "another key, another fill");
    }

    @Test
    void givenColumnsAreCheckedByName() {
        String[] cols = model.columns();
        InputException unknown = assertThrows(InputException.class, () -> GivenColumns.parse(List.of("c=1"), cols, "--given"));
        assertEquals("--given names no column 'c'; the columns are a, b", unknown.getMessage());
        assertThrows(InputException.class, () -> GivenColumns.parse(List.of("a=1", "a=2"), cols, "--given"));
        assertThrows(InputException.class, () -> GivenColumns.parse(List.of("a=x"), cols, "--given"));
        assertThrows(InputException.class, () -> GivenColumns.parse(List.of("a=NaN"), cols, "--given"));
        assertThrows(InputException.class, () -> GivenColumns.parse(List.of("a"), cols, "--given"));
        assertThrows(InputException.class, () -> GivenColumns.parse(List.of("a=1", "b=2"), cols, "--given"));
        InputException inf = assertThrows(InputException.class, () -> Imputation.impute(model,
                new Dataset(cols, 1, 2, new double[] {Double.POSITIVE_INFINITY, Double.NaN}), "rows", plan(1), Key.of(1),
                ModelSampling.Progress.NONE));
        assertEquals("rows: data row 1, column 'a': infinite value; leave a cell empty (or NA) to have it filled", inf.getMessage());
    }
}
