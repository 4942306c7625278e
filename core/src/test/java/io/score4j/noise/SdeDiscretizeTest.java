package io.score4j.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Sde#discretize} against the SDEs' closed-form marginals. */
class SdeDiscretizeTest {
    private static final int STEPS = 37;
    private static final double EPS = 1e-3;

    /**
     * Composing the forward steps x ← (1 + a)x + G z from ε to T gives the mean factor Π(1 + a) and the variance
     * recursion v ← (1 + a)²v + G²; for VE and VP these are exact: m(T)/m(ε) and the marginal variance.
     */
    @Test
    void veAndVpStepsComposeToTheirMarginals() {
        for (Sde sde : new Sde[] {new Sde.Ve(0.01, 50), new Sde.Vp(0.1, 20)}) {
            double dt = (Sde.T - EPS) / STEPS;
            double mean = 1;
            double var = 0;
            for (int i = STEPS - 1; i >= 0; i--) {
                Sde.Discrete step = sde.discretize(Sde.T - i * dt, dt);
                double keep = 1 + step.drift();
                mean *= keep;
                var = keep * keep * var + step.noise() * step.noise();
            }
            double m0 = sde.meanCoefficient(EPS);
            double m1 = sde.meanCoefficient(Sde.T);
            assertEquals(m1 / m0, mean, 1e-12, sde.id() + " mean factor");
            // Var[x(T) | x(ε)]: σ(T)² − (m(T)/m(ε))² σ(ε)² for both (VE: m = 1).
            double s0 = sde.marginalStd(EPS);
            double s1 = sde.marginalStd(Sde.T);
            assertEquals(s1 * s1 - mean * mean * s0 * s0, var, 1e-9 * s1 * s1, sde.id() + " variance");
        }
    }

    /** VP's corrector α is exp(−∫β) over the step; sub-VP shares it and steps by Euler. */
    @Test
    void alphasAndEulerSteps() {
        Sde.Vp vp = new Sde.Vp(0.1, 20);
        Sde.SubVp sub = new Sde.SubVp(0.1, 20);
        double t = 0.6;
        double dt = 0.01;
        double integral = 0.1 * dt + 0.5 * (t * t - (t - dt) * (t - dt)) * 19.9;
        assertEquals(Math.exp(-integral), vp.discretize(t, dt).alpha(), 1e-14);
        assertEquals(vp.discretize(t, dt).alpha(), sub.discretize(t, dt).alpha(), 0);
        assertEquals(sub.driftCoefficient(t) * dt, sub.discretize(t, dt).drift(), 0);
        assertEquals(sub.diffusion(t) * Math.sqrt(dt), sub.discretize(t, dt).noise(), 0);
        assertEquals(1, new Sde.Ve(0.01, 5).discretize(t, dt).alpha(), 0);
    }
}
