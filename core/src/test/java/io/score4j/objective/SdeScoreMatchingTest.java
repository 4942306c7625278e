package io.score4j.objective;

import static io.score4j.objective.ObjectiveChecks.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.nn.Init;
import io.score4j.nn.MlpInit;
import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.noise.Sde;
import io.score4j.random.Key;
import io.score4j.tensor.Activation;
import io.score4j.tensor.DType;
import io.score4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SDE denoising score matching: closed form, gradients, the law of t, and the minimiser is the perturbed score. */
final class SdeScoreMatchingTest {
    private static final double EPS = 1e-5;
    private static final List<Sde> SDES = List.of(new Sde.Vp(0.1, 20), new Sde.SubVp(0.1, 20), new Sde.Ve(0.01, 5));
    /** A two-wide toy embedding e(t) = [t, cos 3t]. */
    private static final SdeScoreMatching.Embedder EMBED = (t, out, off) -> {
        out[off] = (float) t;
        out[off + 1] = (float) Math.cos(3 * t);
    };

    private static SdeScoreMatching dsm(Sde sde, TimeWeighting w) {
        return new SdeScoreMatching(sde, w, EPS, 2, EMBED);
    }

    @Test
    void linearNetworkMatchesTheClosedForm() {
        // net([x_t, e(t)]) = [x_t, t, cos 3t]·W + c, ℓ = c_w·½(net + z)², x_t = m(t)x + σ(t)z, D = 1.
        double[] w = {0.9, -0.3, 0.4};
        double[] c = {0.25};
        Params p = Params.of(Map.of(MlpSpec.weightName(0), Tensor.of(w, 3, 1), MlpSpec.biasName(0), Tensor.of(c, 1)));
        MlpSpec spec = new MlpSpec(new int[] {3, 1}, Activation.SOFTPLUS);
        int n = 7;
        Tensor x = batch(3, n, 1);
        Key key = Key.of(4);
        for (Sde sde : SDES) {
            for (TimeWeighting tw : TimeWeighting.values()) {
                SdeScoreMatching o = dsm(sde, tw);
                double expected = 0;
                for (int b = 0; b < n; b++) {
                    double t = tw.time(sde, EPS, key.child(1).uniform(b));
                    double z = io.score4j.random.Draw.normalAt(key.child(0).child(b), 0);
                    double xt = sde.meanCoefficient(t) * x.get(b) + sde.marginalStd(t) * z;
                    double r = xt * w[0] + (float) t * w[1] + (float) Math.cos(3 * t) * w[2] + c[0] + z;
                    expected += tw.factor(sde, EPS) * 0.5 * r * r / n;
                }
                assertEquals(expected, o.loss(spec, p, x, key), 1e-12 * Math.max(1, expected), sde + " " + tw);
            }
        }
    }

    @Test
    void gradientsMatchCentralDifferencesAndPerExampleMeans() {
        MlpSpec spec = new MlpSpec(new int[] {4, 8, 8, 2}, Activation.SILU);
        Params p = MlpInit.init(spec, Init.NORMAL, Key.of(11), DType.F64);
        SdeScoreMatching o = dsm(SDES.get(0), TimeWeighting.LIKELIHOOD);
        ObjectiveChecks.assertGradientMatchesCentralDifferences(o, spec, p, batch(12, 6, 2), Key.of(13));
        ObjectiveChecks.assertPerExampleMeanIsTheBatch(o, spec, p, batch(22, 5, 2), Key.of(23));
        ObjectiveChecks.assertKeyDeterminesTheBits(o, spec, p, batch(22, 5, 2));
    }

    /** F′ = g²/σ² (central differences), F⁻¹∘F = id, and Z = F(1) − F(ε) against Simpson's rule in log t. */
    @Test
    void likelihoodLawIsTheClosedFormAntiderivative() {
        for (Sde sde : SDES) {
            for (double t : new double[] {1e-4, 0.01, 0.3, 0.77, 0.999}) {
                double h = 1e-6 * t;
                double dF = (TimeWeighting.cumulative(sde, t + h) - TimeWeighting.cumulative(sde, t - h)) / (2 * h);
                double ratio = Math.pow(sde.diffusion(t) / sde.marginalStd(t), 2);
                assertEquals(ratio, dF, 1e-6 * ratio, sde + " t=" + t);
                assertEquals(t, TimeWeighting.inverse(sde, TimeWeighting.cumulative(sde, t)), 1e-12, sde + " t=" + t);
            }
            int m = 20_000;
            double a = Math.log(EPS);
            double step = -a / m;
            double sum = 0;
            for (int i = 0; i <= m; i++) {
                double t = Math.exp(a + i * step);
                double f = Math.pow(sde.diffusion(t) / sde.marginalStd(t), 2) * t;
                sum += f * (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2);
            }
            double z = sum * step / 3;
            assertEquals(z, TimeWeighting.LIKELIHOOD.factor(sde, EPS), 1e-8 * z, sde.toString());
        }
    }

    /** 40 000 importance-sampled times: the fraction below t₀ is the CDF (F(t₀) − F(ε))/Z within 4 binomial sd. */
    @Test
    void importanceSampledTimesFollowTheirLaw() {
        int n = 40_000;
        Key key = Key.of(7);
        for (Sde sde : SDES) {
            double lo = TimeWeighting.cumulative(sde, EPS);
            double zed = TimeWeighting.LIKELIHOOD.factor(sde, EPS);
            for (double t0 : new double[] {1e-3, 0.1, 0.5}) {
                double p = (TimeWeighting.cumulative(sde, t0) - lo) / zed;
                int below = 0;
                for (int b = 0; b < n; b++) {
                    double t = TimeWeighting.LIKELIHOOD.time(sde, EPS, key.uniform(b));
                    assertTrue(t >= EPS && t <= 1);
                    below += t < t0 ? 1 : 0;
                }
                assertEquals(p, below / (double) n, 4 * Math.sqrt(p * (1 - p) / n) + 1e-12, sde + " t0=" + t0);
            }
        }
    }

    /**
     * The two weightings estimate the same kind of integral: with the wrong score s = −x_t, the importance
     * sampled Z·½(σs + z)² and the uniform (1 − ε)·g²/σ²·½(σs + z)² have equal means within 4 standard errors.
     */
    @Test
    void importanceSamplingIsUnbiasedForTheLikelihoodWeighting() {
        int n = 100_000;
        double[] x = batch(5, n, 1).toDoubleArray();
        for (Sde sde : SDES) {
            SdeScoreMatching.Draws is = dsm(sde, TimeWeighting.LIKELIHOOD).draws(x, 1, Key.of(8), 0, n);
            SdeScoreMatching.Draws un = dsm(sde, TimeWeighting.SIGMA2).draws(x, 1, Key.of(9), 0, n);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int r = 0; r < n; r++) {
                double ti = is.times()[r];
                double ri = sde.marginalStd(ti) * -is.inputs()[r * 3] + is.z()[r];
                a[r] = is.factor() * 0.5 * ri * ri;
                double tu = un.times()[r];
                double ru = sde.marginalStd(tu) * -un.inputs()[r * 3] + un.z()[r];
                b[r] = (1 - EPS) * Math.pow(sde.diffusion(tu) / sde.marginalStd(tu), 2) * 0.5 * ru * ru;
            }
            double se = Math.hypot(se(a), se(b));
            assertEquals(mean(b), mean(a), 4 * se, sde.toString());
        }
    }

    /**
     * On 1-D Gaussian data N(μ, v) the minimiser is the perturbed score s*(x, t) = −(x − m(t)μ)/(m(t)²v + σ(t)²):
     * for every direction h the loss's derivative along s* + δh, E[c·σ h·(σ s* + z)], is 0 within 4 standard
     * errors, and s* ± 0.2h has a higher loss on the same draws; the data score's wrong variance fails it.
     */
    @Test
    void theLossIsMinimisedByThePerturbedScore() {
        int n = 100_000;
        double mu = 1.5;
        double v = 0.25;
        double[] x = batch(6, n, 1).toDoubleArray();
        for (int i = 0; i < n; i++) {
            x[i] = mu + Math.sqrt(v) * x[i];
        }
        for (Sde sde : SDES) {
            for (TimeWeighting tw : TimeWeighting.values()) {
                SdeScoreMatching.Draws dr = dsm(sde, tw).draws(x, 1, Key.of(10), 0, n);
                String what = sde + " " + tw;
                assertStationary(sde, dr, v, mu, true, what);
                assertStationary(sde, dr, 2 * v, mu, false, what + " with variance 2v");
            }
        }
    }

    private static void assertStationary(Sde sde, SdeScoreMatching.Draws dr, double v, double mu, boolean optimal,
                                         String what) {
        int n = dr.times().length;
        double[][] terms = new double[3][n];
        double[] base = new double[n];
        double[][] up = new double[3][n];
        for (int r = 0; r < n; r++) {
            double t = dr.times()[r];
            double m = sde.meanCoefficient(t);
            double s = sde.marginalStd(t);
            double xt = dr.inputs()[r * 3];
            double score = -(xt - m * mu) / (m * m * v + s * s);
            double res = s * score + dr.z()[r];
            double[] h = {1, xt, t * xt};
            base[r] = dr.factor() * 0.5 * res * res;
            for (int k = 0; k < 3; k++) {
                terms[k][r] = dr.factor() * s * h[k] * res;
                double shifted = res + 0.2 * s * h[k];
                up[k][r] = dr.factor() * 0.5 * shifted * shifted;
            }
        }
        boolean allZero = true;
        for (int k = 0; k < 3; k++) {
            boolean zero = Math.abs(mean(terms[k])) <= 4 * se(terms[k]);
            allZero &= zero;
            if (optimal) {
                assertTrue(zero, what + " direction " + k + ": " + mean(terms[k]) + " ± " + se(terms[k]));
                assertTrue(mean(up[k]) > mean(base), what + " direction " + k);
            }
        }
        if (!optimal) {
            assertTrue(!allZero, what + ": a wrong score passed as stationary");
        }
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static double se(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (a.length - 1) / a.length);
    }
}
