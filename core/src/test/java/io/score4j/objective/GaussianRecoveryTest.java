package io.score4j.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.nn.Init;
import io.score4j.nn.LossAndGrad;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.optim.AdamState;
import io.score4j.optim.Optimizer;
import io.score4j.optim.Optimizers;
import io.score4j.optim.Update;
import io.score4j.random.Draw;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Each objective, trained with Adam on fresh batches from a correlated 2-D Gaussian N(μ, Σ) with a
 * linear network s(x) = x·W + c, recovers the score it should: −Σ⁻¹(x − μ) for exact and sliced
 * score matching, −(Σ + σ²I)⁻¹(x − μ) (the score of the noised data) for denoising.
 *
 * <p>Tolerance. After {@value #FAST_STEPS} steps at lr 0.02 the run continues {@value #SLOW_STEPS}
 * steps at lr 0.002 and the parameters are averaged over the last {@value #WINDOW} steps
 * (Polyak–Ruppert averaging), which behaves like the objective's own M-estimator on those
 * N = {@value #WINDOW}·{@value #BATCH} examples. Its standard errors are computed here, not
 * guessed: the sandwich H⁻¹VH⁻¹/N, with V the covariance of the objective's per-example gradients
 * at the true optimum (projection and noise draws included) and H the Hessian of its batch loss
 * (central differences, exact for a quadratic). Every entry of W and of s(μ) (the intercept) must
 * lie within {@value #SES} standard errors — a margin for Adam's averaged iterate being noisier than
 * the exact estimator. A test of power sits beside it: the denoiser's answer must be far from the
 * clean score −Σ⁻¹, and every standard error must be small against the 0.44–0.64 gap between them.
 */
final class GaussianRecoveryTest {
    private static final int BATCH = 256;
    private static final int FAST_STEPS = 400;
    private static final int SLOW_STEPS = 500;
    private static final int WINDOW = 400;
    private static final int SES = 5;
    private static final double[] MU = {1.0, -0.5};
    private static final double[] SIGMA = {1.0, 0.5, 0.5, 0.8};
    private static final MlpSpec LINEAR = new MlpSpec(new int[] {2, 2}, Activation.SOFTPLUS);

    @Test
    void exactScoreMatchingRecoversTheGaussianScore() {
        assertRecovers(new ExactScoreMatching(), SIGMA, "exact");
    }

    @Test
    void slicedScoreMatchingRecoversTheGaussianScore() {
        assertRecovers(new SlicedScoreMatching(1, Projection.RADEMACHER, false), SIGMA, "sliced");
        assertRecovers(new SlicedScoreMatching(1, Projection.GAUSSIAN, true), SIGMA, "sliced-vr");
    }

    @Test
    void denoisingRecoversTheScoreOfTheNoisedGaussian() {
        double sigma = 0.5;
        double[] noised = {SIGMA[0] + sigma * sigma, SIGMA[1], SIGMA[2], SIGMA[3] + sigma * sigma};
        Params p = assertRecovers(new DenoisingScoreMatching(sigma), noised, "denoising");
        double[] clean = inverse(SIGMA);
        double[] w = p.get(MlpSpec.weightName(0)).toDoubleArray();
        for (int i = 0; i < 4; i++) {
            assertTrue(Math.abs(w[i] + clean[i]) > 0.4, "the denoiser must not learn the clean score");
        }
    }

    /** Trains and checks W ≈ −cov⁻¹ and s(μ) ≈ 0 within SES standard errors; returns the averaged params. */
    private static Params assertRecovers(Objective objective, double[] cov, String name) {
        Key key = Key.of(name.hashCode());
        Params p = MlpInit.init(LINEAR, Init.SCALED, key.child(0), DType.F64);
        p = train(objective, p, key.child(1), 0.02, FAST_STEPS, 0);
        p = train(objective, p, key.child(2), 0.002, SLOW_STEPS, WINDOW);
        double[] prec = inverse(cov);
        double[] wStar = {-prec[0], -prec[1], -prec[2], -prec[3]};
        double[] cStar = {prec[0] * MU[0] + prec[2] * MU[1], prec[1] * MU[0] + prec[3] * MU[1]};
        double[] se = Sandwich.standardErrors(objective, LINEAR, params(wStar, cStar), MU, key.child(3),
                (k, n) -> gaussianBatch(k, n), (double) WINDOW * BATCH);
        double[] w = p.get(MlpSpec.weightName(0)).toDoubleArray();
        double[] c = p.get(MlpSpec.biasName(0)).toDoubleArray();
        for (int i = 0; i < 4; i++) {
            assertTrue(se[i] < 0.02, name + ": se of W element " + i + " is " + se[i]);
            assertEquals(wStar[i], w[i], SES * se[i], name + ": W element " + i + " (se " + se[i] + ")");
        }
        for (int j = 0; j < 2; j++) {
            double atMean = MU[0] * w[j] + MU[1] * w[2 + j] + c[j];
            assertEquals(0, atMean, SES * se[4 + j], name + ": s(μ) element " + j + " (se " + se[4 + j] + ")");
        }
        return p;
    }

    private static Params params(double[] w, double[] c) {
        return Params.of(java.util.Map.of(MlpSpec.weightName(0), Tensor.wrap(w.clone(), 2, 2),
                MlpSpec.biasName(0), Tensor.wrap(c.clone(), 2)));
    }

    /** {@code steps} Adam steps on fresh batches; returns the last iterate, or the mean of the last {@code average}. */
    private static Params train(Objective objective, Params start, Key key, double lr, int steps, int average) {
        Optimizer<AdamState> adam = Optimizers.adam(lr);
        AdamState state = adam.init(start);
        Params p = start;
        Params sum = null;
        for (int t = 0; t < steps; t++) {
            Key k = key.child(t);
            LossAndGrad lg = objective.lossAndGrad(LINEAR, p, gaussianBatch(k.child(0), BATCH), k.child(1));
            Update<AdamState> u = adam.update(lg.grad(), state, p);
            p = Optimizers.applyUpdates(p, u.updates());
            state = u.state();
            if (t >= steps - average) {
                sum = sum == null ? p : sum.zip(p, GaussianRecoveryTest::add);
            }
        }
        return average == 0 ? p : sum.map(t -> scale(t, 1.0 / average));
    }

    /** {@code rows} rows of μ + Lz, L the Cholesky factor of Σ. */
    private static Tensor gaussianBatch(Key key, int rows) {
        double[] z = Draw.normalDouble(key, 2 * rows);
        double l10 = SIGMA[2];
        double l11 = Math.sqrt(SIGMA[3] - l10 * l10);
        double[] x = new double[2 * rows];
        for (int b = 0; b < rows; b++) {
            x[2 * b] = MU[0] + z[2 * b];
            x[2 * b + 1] = MU[1] + l10 * z[2 * b] + l11 * z[2 * b + 1];
        }
        return Tensor.wrap(x, rows, 2);
    }

    /** Inverse of a symmetric 2×2 matrix, row-major. */
    private static double[] inverse(double[] m) {
        double det = m[0] * m[3] - m[1] * m[2];
        return new double[] {m[3] / det, -m[1] / det, -m[2] / det, m[0] / det};
    }

    private static Tensor add(Tensor a, Tensor b) {
        double[] r = a.toDoubleArray();
        for (int i = 0; i < r.length; i++) {
            r[i] += b.get(i);
        }
        return Tensor.wrap(r, a.shape());
    }

    private static Tensor scale(Tensor a, double f) {
        double[] r = a.toDoubleArray();
        for (int i = 0; i < r.length; i++) {
            r[i] *= f;
        }
        return Tensor.wrap(r, a.shape());
    }
}
