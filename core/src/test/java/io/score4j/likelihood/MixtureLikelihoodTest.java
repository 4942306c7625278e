package io.score4j.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import io.score4j.data.MixtureData;
import io.score4j.density.GaussianMixture;
import io.score4j.noise.Sde;
import io.score4j.random.Key;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The probability-flow ODE log-likelihood driven by a mixture's exact perturbed score, against the closed-form
 * log p_ε of the same mixture: the solver, the augmented state and the divergence are checked together.
 */
class MixtureLikelihoodTest {
    /** A 2-D mixture of three unequal components, away from 0 (mean (0.1, 0.05)). */
    static final GaussianMixture DATA = new GaussianMixture(new double[] {0.3, 0.45, 0.25},
            new double[][] {{-1.5, 0.5}, {1.0, -0.6}, {0.2, 1.3}}, new double[][] {{0.5, 0.8}, {0.7, 0.4}, {0.9, 0.6}});

    /**
     * The SDEs of the done-when check. The likelihood runs in the mixture's standardised units (mean 0), where
     * the VE prior N(0, σ_max²) standing in for p_T = data ⊛ N(0, σ_max²) costs O(E‖z‖²/σ_max²) nats: measured
     * worst 3.0e-3 at σ_max = 50 and 7.5e-4 at 100 for this mixture at any tolerance, hence 100.
     */
    static final Sde[] SDES = {new Sde.Vp(0.1, 20), new Sde.SubVp(0.1, 20), new Sde.Ve(0.01, 100)};

    static double[] points(int n, long seed) {
        return MixtureData.sampleIid(DATA, n, Key.of(seed)).values();
    }

    @Test
    void exactTraceMatchesTheClosedFormDensityWithin2e3NatsForEverySde() {
        double[] x = points(200, 11);
        for (Sde sde : SDES) {
            LikelihoodResult r = Likelihood.mixture(DATA, sde, Trace.exact(), x, 0, LikelihoodSettings.defaults(),
                    Parallelism.available());
            double[] exact = Likelihood.exactMixture(DATA, sde, Sde.DEFAULT_EPS, x);
            double worst = 0;
            for (int i = 0; i < 200; i++) {
                worst = Math.max(worst, Math.abs(r.logp()[i] - exact[i]));
            }
            assertTrue(worst < 2e-3, sde.id() + ": worst |logp − log p_ε| = " + worst);
            assertTrue(Arrays.stream(r.nfe()).allMatch(e -> e > 8), "NFE counted");
        }
    }

    @Test
    void hutchinsonIsUnbiasedWithin3StandardErrors() {
        double[] x = points(200, 12);
        for (Trace.Probe probe : Trace.Probe.values()) {
            Sde sde = SDES[0];
            LikelihoodResult r = Likelihood.mixture(DATA, sde, Trace.hutchinson(probe, 1, 5), x, 0,
                    LikelihoodSettings.defaults(), Parallelism.available());
            double[] exact = Likelihood.exactMixture(DATA, sde, Sde.DEFAULT_EPS, x);
            double[] err = new double[200];
            for (int i = 0; i < 200; i++) {
                err[i] = r.logp()[i] - exact[i];
            }
            double mean = Arrays.stream(err).average().orElseThrow();
            double var = Arrays.stream(err).map(e -> (e - mean) * (e - mean)).sum() / (err.length - 1);
            double se = Math.sqrt(var / err.length);
            assertTrue(se > 1e-3, probe + ": the estimate must actually be noisy, se " + se);
            assertTrue(Math.abs(mean) < 3 * se, probe + ": mean error " + mean + " vs 3 se " + 3 * se);
        }
    }

    @Test
    void moreProbesShrinkTheHutchinsonSpread() {
        double[] x = points(60, 13);
        Sde sde = SDES[0];
        double[] exact = Likelihood.exactMixture(DATA, sde, Sde.DEFAULT_EPS, x);
        double[] spread = new double[2];
        int[] probes = {1, 16};
        for (int q = 0; q < 2; q++) {
            double[] lp = Likelihood.mixture(DATA, sde, Trace.hutchinson(Trace.Probe.RADEMACHER, probes[q], 3), x, 0,
                    LikelihoodSettings.defaults(), Parallelism.single()).logp();
            double ss = 0;
            for (int i = 0; i < x.length / 2; i++) {
                ss += (lp[i] - exact[i]) * (lp[i] - exact[i]);
            }
            spread[q] = Math.sqrt(ss / (x.length / 2));
        }
        // The variance falls as 1/M: 16 probes give a quarter of the spread (ratio 0.25); allow 0.5.
        assertTrue(spread[1] < 0.5 * spread[0], Arrays.toString(spread));
    }

    @Test
    void rowsDoNotDependOnThreadsOrSlices() {
        double[] x = points(300, 14);
        Trace trace = Trace.hutchinson(Trace.Probe.GAUSSIAN, 2, 9);
        LikelihoodResult whole = Likelihood.mixture(DATA, SDES[1], trace, x, 0, LikelihoodSettings.defaults(),
                Parallelism.single());
        LikelihoodResult threaded = Likelihood.mixture(DATA, SDES[1], trace, x, 0, LikelihoodSettings.defaults(),
                Parallelism.of(4));
        assertArrayEquals(whole.logp(), threaded.logp());
        int a = 37;
        int b = 290;
        LikelihoodResult part = Likelihood.mixture(DATA, SDES[1], trace, Arrays.copyOfRange(x, 2 * a, 2 * b), a,
                LikelihoodSettings.defaults(), Parallelism.of(2));
        assertArrayEquals(Arrays.copyOfRange(whole.logp(), a, b), part.logp());
        assertArrayEquals(Arrays.copyOfRange(whole.nfe(), a, b), part.nfe());
        LikelihoodResult otherSeed = Likelihood.mixture(DATA, SDES[1], Trace.hutchinson(Trace.Probe.GAUSSIAN, 2, 10),
                Arrays.copyOfRange(x, 2 * a, 2 * b), a, LikelihoodSettings.defaults(), Parallelism.single());
        assertTrue(!Arrays.equals(part.logp(), otherSeed.logp()), "another seed draws other probes");
    }

    @Test
    void laplacianAndHessianQuadraticMatchFiniteDifferencesOfTheScore() {
        double[] x = {0.3, -0.2};
        double h = 1e-5;
        double[][] hess = new double[2][2];
        for (int j = 0; j < 2; j++) {
            double[] up = x.clone();
            double[] dn = x.clone();
            up[j] += h;
            dn[j] -= h;
            double[] su = new double[2];
            double[] sd = new double[2];
            DATA.score(up, 0, su, 0);
            DATA.score(dn, 0, sd, 0);
            for (int i = 0; i < 2; i++) {
                hess[i][j] = (su[i] - sd[i]) / (2 * h);
            }
        }
        assertEquals(hess[0][0] + hess[1][1], DATA.laplacian(x, 0), 1e-7);
        double[] v = {0.7, -1.3};
        double q = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                q += v[i] * hess[i][j] * v[j];
            }
        }
        assertEquals(q, DATA.hessianQuadratic(x, 0, v, 0), 1e-7);
    }
}
