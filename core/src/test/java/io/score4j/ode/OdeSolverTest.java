package io.score4j.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.score4j.Parallelism;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Dormand–Prince and Heun against closed-form solutions of linear and quadrature ODEs. */
class OdeSolverTest {
    /** Row id i: the rotation y' = ω_i J y with a decay, ω_i = 1 + i/7, λ_i = −0.3 − i/50: y(t) closed form. */
    private static final BatchOde SPIRAL = (count, ids, t, y, dydt) -> {
        for (int i = 0; i < count; i++) {
            double w = omega(ids[i]);
            double l = lambda(ids[i]);
            dydt[2 * i] = l * y[2 * i] - w * y[2 * i + 1];
            dydt[2 * i + 1] = w * y[2 * i] + l * y[2 * i + 1];
        }
    };

    private static double omega(int id) {
        return 1 + id / 7.0;
    }

    private static double lambda(int id) {
        return -0.3 - id / 50.0;
    }

    private static double[] spiralStart(int n) {
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = 1 + 0.1 * i;
            y[2 * i + 1] = -0.5 + 0.05 * i;
        }
        return y;
    }

    /** The exact solution at t1 from y0 at t0 for row id. */
    private static double[] spiralExact(double[] y0, int row, int id, double dt) {
        double a = Math.exp(lambda(id) * dt);
        double c = Math.cos(omega(id) * dt);
        double s = Math.sin(omega(id) * dt);
        double u = y0[2 * row];
        double v = y0[2 * row + 1];
        return new double[] {a * (c * u - s * v), a * (s * u + c * v)};
    }

    private static double maxError(double[] y0, double[] y, int n, double dt) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double[] e = spiralExact(y0, i, i, dt);
            worst = Math.max(worst, Math.max(Math.abs(y[2 * i] - e[0]), Math.abs(y[2 * i + 1] - e[1])));
        }
        return worst;
    }

    @Test
    void dopri5MeetsItsToleranceOnLinearOdesInBothDirections() {
        int n = 40;
        for (double[] span : new double[][] {{0, 3}, {1, -2}}) {
            double previous = Double.POSITIVE_INFINITY;
            for (double tol : new double[] {1e-4, 1e-6, 1e-8}) {
                double[] y0 = spiralStart(n);
                double[] y = y0.clone();
                OdeResult r = Dopri5.of(tol, tol).solve(SPIRAL, 2, y, 0, span[0], span[1], Parallelism.single());
                double err = maxError(y0, y, n, span[1] - span[0]);
                // Local error per unit step is held to ~tol; over a few dozen steps the global error stays
                // within a small multiple of it (the solution is O(1) and contracting in forward time).
                assertTrue(err < 50 * tol * Math.exp(Math.abs(span[1] - span[0])), "tol " + tol + " err " + err);
                assertTrue(err < previous, "tighter tolerance must not be less accurate: " + err + " vs " + previous);
                previous = err;
                for (int i = 0; i < n; i++) {
                    assertEquals(2 + 6 * (r.steps()[i] + r.rejected()[i]), r.evaluations()[i], "NFE formula, row " + i);
                }
            }
        }
    }

    /**
     * Row id 3 of the spiral against scipy 1.17.1's {@code solve_ivp(f, span, y0, method="RK45", rtol=tol,
     * atol=tol)} (numbers pasted from a scipy run): the same steps (so the same NFE, scipy's {@code nfev}) and
     * the same end point up to rounding.
     */
    @Test
    void dopri5TakesScipysStepsOnOneRow() {
        double[][] cases = {
            // t0, t1, tol, nfev, steps, y0(t1), y1(t1)
            {0, 3, 1e-4, 50, 8, -0.29086981302825565, -0.3525792671066032},
            {0, 3, 1e-6, 104, 17, -0.2909050908678867, -0.3527044492259985},
            {0, 3, 1e-8, 242, 40, -0.29090470622442965, -0.3527055864084502},
            {1, -2, 1e-6, 110, 18, -0.6459932150754466, 3.9114125235445987},
        };
        for (double[] c : cases) {
            double[] y = Arrays.copyOfRange(spiralStart(4), 6, 8);
            OdeResult r = Dopri5.of(c[2], c[2]).solve(SPIRAL, 2, y, 3, c[0], c[1], Parallelism.single());
            String what = "span " + c[0] + ".." + c[1] + ", tol " + c[2];
            assertEquals((int) c[3], r.evaluations()[0], what);
            assertEquals((int) c[4], r.steps()[0], what);
            assertEquals(c[5], y[0], 1e-12, what);
            assertEquals(c[6], y[1], 1e-12, what);
        }
    }

    @Test
    void dopri5IsExactForQuadratureOfQuartics() {
        // y' = 5t⁴ + 3t²: the 5th-order weights integrate polynomials of degree 4 exactly at any step.
        BatchOde quartic = (count, ids, t, y, dydt) -> {
            for (int i = 0; i < count; i++) {
                dydt[i] = 5 * Math.pow(t[i], 4) + 3 * t[i] * t[i];
            }
        };
        double[] y = {0.25};
        Dopri5.of(1e-3, 1e-3).solve(quartic, 1, y, 0, 0.5, 2, Parallelism.single());
        double exact = 0.25 + (Math.pow(2, 5) + 8) - (Math.pow(0.5, 5) + 0.125);
        assertEquals(exact, y[0], 1e-12);
    }

    @Test
    void errorWeightsAreTheDifferenceOfTwoConsistentMethods() {
        double b = 0;
        double e = 0;
        for (int s = 0; s < 6; s++) {
            b += Dopri5.B[s];
        }
        for (double w : Dopri5.E) {
            e += w;
        }
        assertEquals(1, b, 1e-15);
        assertEquals(0, e, 1e-15);
        for (int s = 1; s < 6; s++) {
            assertEquals(Dopri5.C[s], Arrays.stream(Dopri5.A[s]).sum(), 1e-15, "row sum of A = c, stage " + s);
        }
    }

    @Test
    void heunConvergesAtSecondOrder() {
        int n = 5;
        double[] errors = new double[4];
        for (int q = 0; q < errors.length; q++) {
            double[] y0 = spiralStart(n);
            double[] y = y0.clone();
            OdeResult r = new Heun(20 << q).solve(SPIRAL, 2, y, 0, 0, 2, Parallelism.single());
            assertEquals(2 * (20 << q), r.evaluations()[0]);
            errors[q] = maxError(y0, y, n, 2);
        }
        for (int q = 1; q < errors.length; q++) {
            double order = Math.log(errors[q - 1] / errors[q]) / Math.log(2);
            assertEquals(2, order, 0.1, "observed order between " + (20 << (q - 1)) + " and " + (20 << q) + " steps");
        }
    }

    @Test
    void heunIsExactForLinearRightHandSidesInTime() {
        // y' = 2t + 1: the trapezoidal rule integrates linear functions exactly.
        BatchOde linear = (count, ids, t, y, dydt) -> {
            for (int i = 0; i < count; i++) {
                dydt[i] = 2 * t[i] + 1;
            }
        };
        double[] y = {1};
        new Heun(7).solve(linear, 1, y, 0, 1, -0.5, Parallelism.single());
        assertEquals(1 + (0.25 - 0.5) - (1 + 1), y[0], 1e-13);
    }

    @Test
    void rowsAreIndependentOfBlocksThreadsAndSlices() {
        int n = 700;
        for (OdeSolver solver : new OdeSolver[] {Dopri5.of(1e-5, 1e-5), new Heun(13)}) {
            double[] whole = spiralStart(n);
            OdeResult all = solver.solve(SPIRAL, 2, whole, 0, 0, 1.5, Parallelism.single());
            double[] threaded = spiralStart(n);
            OdeResult many = solver.solve(SPIRAL, 2, threaded, 0, 0, 1.5, Parallelism.of(4));
            assertArrayEquals(whole, threaded, solver.describe());
            assertArrayEquals(all.evaluations(), many.evaluations());
            int a = 123;
            int b = 301;
            double[] slice = Arrays.copyOfRange(spiralStart(n), 2 * a, 2 * b);
            OdeResult part = solver.solve(SPIRAL, 2, slice, a, 0, 1.5, Parallelism.of(3));
            assertArrayEquals(Arrays.copyOfRange(whole, 2 * a, 2 * b), slice, solver.describe() + " slice");
            assertArrayEquals(Arrays.copyOfRange(all.evaluations(), a, b), part.evaluations());
        }
    }

    @Test
    void rowsTakeTheirOwnStepSizes() {
        double[] y = spiralStart(60);
        OdeResult r = Dopri5.of(1e-6, 1e-6).solve(SPIRAL, 2, y, 0, 0, 3, Parallelism.single());
        // Faster rotation (larger id) needs more steps: the per-row controller sees it.
        assertTrue(r.steps()[59] > r.steps()[0], Arrays.toString(r.steps()));
    }

    @Test
    void blowUpIsReportedForItsRow() {
        // y' = y² from y(0) = 1 for row 1 blows up at t = 1; row 0 (y = 0) stays put.
        BatchOde square = (count, ids, t, y, dydt) -> {
            for (int i = 0; i < count; i++) {
                dydt[i] = y[i] * y[i];
            }
        };
        OdeFailure e = assertThrows(OdeFailure.class,
                () -> Dopri5.of(1e-6, 1e-6).solve(square, 1, new double[] {0, 1}, 10, 0, 2, Parallelism.single()));
        assertEquals(11, e.id());
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Heun(0));
        assertThrows(IllegalArgumentException.class, () -> Dopri5.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Dopri5.of(1e-5, -1));
        assertThrows(IllegalArgumentException.class,
                () -> Dopri5.defaults().solve(SPIRAL, 2, new double[3], 0, 0, 1, Parallelism.single()));
        assertThrows(IllegalArgumentException.class,
                () -> Dopri5.defaults().solve(SPIRAL, 2, new double[2], 0, 1, 1, Parallelism.single()));
    }
}
