package io.score4j.ode;

import io.score4j.Parallelism;

/**
 * The adaptive Dormand–Prince 5(4) method (dopri5; scipy's {@code solve_ivp(method="RK45")}, which
 * {@code score_sde} uses for the probability-flow ODE), with scipy's conventions, applied to each row on
 * its own: each row has its own time and step size and is accepted or rejected alone.
 *
 * <ul>
 *   <li>Tableau: Dormand &amp; Prince (1980); the 5th-order solution is propagated and the embedded
 *       4th-order one estimates the error; FSAL (the last stage of an accepted step is the first of the
 *       next), so an accepted or rejected step costs 6 evaluations.</li>
 *   <li>Error norm: ‖e‖ = RMS over the m components of e_j / (atol + rtol·max(|y_j|, |y_new,j|)); the step
 *       is accepted when ‖e‖ &lt; 1.</li>
 *   <li>Step control: after acceptance h ← h·min(10, 0.9‖e‖^(−1/5)) (10 when ‖e‖ = 0), capped at 1 when
 *       the same step was rejected before; after rejection h ← h·max(0.2, 0.9‖e‖^(−1/5)).</li>
 *   <li>Initial step: scipy's {@code select_initial_step} (Hairer, Nørsett &amp; Wanner, II.4), one extra
 *       evaluation, capped at |t1 − t0|; the last step is shortened to end at t1 exactly.</li>
 *   <li>Failure: a step below 10 ulp(t), or more than {@code maxSteps} attempts, throws {@link OdeFailure}
 *       naming the row.</li>
 * </ul>
 * NFE per row = 2 + 6·(accepted + rejected steps).
 *
 * @param rtol     relative tolerance, in (0, 1)
 * @param atol     absolute tolerance, ≥ 0 and finite (rtol or atol must be positive)
 * @param maxSteps step attempts allowed per row, ≥ 1
 */
public record Dopri5(double rtol, double atol, int maxSteps) implements OdeSolver {
    /** score_sde's default tolerances for the probability-flow ODE. */
    public static final double DEFAULT_RTOL = 1e-5;
    public static final double DEFAULT_ATOL = 1e-5;
    public static final int DEFAULT_MAX_STEPS = 100_000;

    static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1};
    static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
    };
    static final double[] B = {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84};
    /** Error weights over the 7 stages (the 5th- minus the 4th-order weights). */
    static final double[] E = {-71.0 / 57600, 0, 71.0 / 16695, -71.0 / 1920, 17253.0 / 339200, -22.0 / 525, 1.0 / 40};

    public Dopri5 {
        if (!(rtol > 0 && rtol < 1) && !(rtol == 0 && atol > 0)) {
            throw new IllegalArgumentException("rtol must be in (0, 1) (or 0 with atol > 0), got " + rtol);
        }
        if (!(atol >= 0) || !Double.isFinite(atol)) {
            throw new IllegalArgumentException("atol must be finite and >= 0, got " + atol);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
    }

    /** Tolerances rtol and atol with the default step budget. */
    public static Dopri5 of(double rtol, double atol) {
        return new Dopri5(rtol, atol, DEFAULT_MAX_STEPS);
    }

    /** rtol = atol = 1e-5. */
    public static Dopri5 defaults() {
        return of(DEFAULT_RTOL, DEFAULT_ATOL);
    }

    @Override
    public OdeResult solve(BatchOde f, int m, double[] y, int firstId, double t0, double t1, Parallelism parallelism) {
        int n = OdeSolver.rows(f, m, y, t0, t1);
        int[] nfe = new int[n];
        int[] steps = new int[n];
        int[] rejected = new int[n];
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        parallelism.forEach(blocks, b -> {
            int from = b * BLOCK_ROWS;
            new Dopri5Block(this, f, m, y, firstId, from, Math.min(n, from + BLOCK_ROWS), t0, t1)
                    .run(nfe, steps, rejected);
        });
        return new OdeResult(nfe, steps, rejected);
    }

    @Override
    public String describe() {
        return "rk45(rtol=" + rtol + ", atol=" + atol + ")";
    }
}
