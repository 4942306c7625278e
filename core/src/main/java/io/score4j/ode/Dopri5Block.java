package io.score4j.ode;

import java.util.Arrays;

/**
 * One block of rows under {@link Dopri5}: per-row time, step size and FSAL stage, with every evaluation of F
 * made on the compact batch of the rows still running. Package-private; used by one thread.
 */
final class Dopri5Block {
    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 10;
    private static final double EXPONENT = -1.0 / 5;

    private final Dopri5 cfg;
    private final BatchOde f;
    private final int m;
    private final double[] out;
    private final int firstId;
    private final int from;
    private final int count;
    private final double t1;
    private final double dir;
    /** Per local row: state, time, |h|, whether the current step was rejected before, done. */
    private final double[] y;
    private final double[] t;
    private final double[] hAbs;
    private final boolean[] rejectedBefore;
    private final boolean[] done;
    /** Whether row r's current step was shortened to end at t1. */
    private final boolean[] last;
    /** Stages k_0 … k_6 per local row, each flat [count, m]. */
    private final double[][] k = new double[7][];
    private final double[] yNew;
    private final int[] nfe;
    private final int[] steps;
    private final int[] rejected;
    /** The compact batch: local rows, their ids, times, states and derivatives. */
    private final int[] active;
    private final int[] ids;
    private final double[] bt;
    private final double[] by;
    private final double[] bd;
    private final double[] h;

    Dopri5Block(Dopri5 cfg, BatchOde f, int m, double[] y, int firstId, int from, int to, double t0, double t1) {
        this.cfg = cfg;
        this.f = f;
        this.m = m;
        this.out = y;
        this.firstId = firstId;
        this.from = from;
        this.count = to - from;
        this.t1 = t1;
        this.dir = Math.signum(t1 - t0);
        this.y = Arrays.copyOfRange(y, from * m, to * m);
        this.t = new double[count];
        Arrays.fill(t, t0);
        this.hAbs = new double[count];
        this.rejectedBefore = new boolean[count];
        this.done = new boolean[count];
        this.last = new boolean[count];
        for (int s = 0; s < 7; s++) {
            k[s] = new double[count * m];
        }
        this.yNew = new double[count * m];
        this.nfe = new int[count];
        this.steps = new int[count];
        this.rejected = new int[count];
        this.active = new int[count];
        this.ids = new int[count];
        this.bt = new double[count];
        this.by = new double[count * m];
        this.bd = new double[count * m];
        this.h = new double[count];
    }

    /** Integrates the block, writes the states back and the per-row costs into the global arrays. */
    void run(int[] nfeOut, int[] stepsOut, int[] rejectedOut) {
        int live = activate();
        evaluate(live, y, t, 0, new double[count]);
        initialSteps(live);
        while ((live = activate()) > 0) {
            attempt(live);
        }
        System.arraycopy(y, 0, out, from * m, count * m);
        System.arraycopy(nfe, 0, nfeOut, from, count);
        System.arraycopy(steps, 0, stepsOut, from, count);
        System.arraycopy(rejected, 0, rejectedOut, from, count);
    }

    /** Lists the rows not yet done in {@link #active}; returns how many. */
    private int activate() {
        int live = 0;
        for (int r = 0; r < count; r++) {
            if (!done[r]) {
                active[live] = r;
                ids[live] = firstId + from + r;
                live++;
            }
        }
        return live;
    }

    /**
     * k[stage] of each active row := F(t_r + offset_r, src_r), where src is a [count, m] array indexed by local
     * row and offset a per-local-row time offset (c·h).
     */
    private void evaluate(int live, double[] src, double[] time, int stage, double[] offset) {
        for (int i = 0; i < live; i++) {
            int r = active[i];
            bt[i] = time[r] + offset[r];
            System.arraycopy(src, r * m, by, i * m, m);
            nfe[r]++;
        }
        f.derivative(live, ids, bt, by, bd);
        for (int i = 0; i < live; i++) {
            System.arraycopy(bd, i * m, k[stage], active[i] * m, m);
        }
    }

    /** scipy's select_initial_step (order 4) for every row; k[0] holds F(t0, y0). Uses one evaluation. */
    private void initialSteps(int live) {
        double[] d0 = new double[count];
        double[] d1 = new double[count];
        double[] h0 = new double[count];
        double span = Math.abs(t1 - t[0]);
        for (int i = 0; i < live; i++) {
            int r = active[i];
            double s0 = 0;
            double s1 = 0;
            for (int j = r * m; j < (r + 1) * m; j++) {
                double scale = cfg.atol() + Math.abs(y[j]) * cfg.rtol();
                s0 += sq(y[j] / scale);
                s1 += sq(k[0][j] / scale);
            }
            d0[r] = Math.sqrt(s0 / m);
            d1[r] = Math.sqrt(s1 / m);
            h0[r] = d0[r] < 1e-5 || d1[r] < 1e-5 ? 1e-6 : 0.01 * d0[r] / d1[r];
            h0[r] = Math.min(h0[r], span);
            for (int j = r * m; j < (r + 1) * m; j++) {
                yNew[j] = y[j] + h0[r] * dir * k[0][j];
            }
            h[r] = h0[r] * dir;
        }
        evaluate(live, yNew, t, 1, h);
        for (int i = 0; i < live; i++) {
            int r = active[i];
            double s2 = 0;
            for (int j = r * m; j < (r + 1) * m; j++) {
                double scale = cfg.atol() + Math.abs(y[j]) * cfg.rtol();
                s2 += sq((k[1][j] - k[0][j]) / scale);
            }
            double d2 = Math.sqrt(s2 / m) / h0[r];
            double h1 = d1[r] <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0[r] * 1e-3)
                    : Math.pow(0.01 / Math.max(d1[r], d2), 1.0 / 5);
            hAbs[r] = Math.min(Math.min(100 * h0[r], h1), span);
        }
    }

    /** One step attempt for every active row: stages, error norm, accept or reject. */
    private void attempt(int live) {
        for (int i = 0; i < live; i++) {
            int r = active[i];
            double minStep = 10 * Math.abs(Math.nextAfter(t[r], dir * Double.POSITIVE_INFINITY) - t[r]);
            if (hAbs[r] < minStep) {
                throw new OdeFailure(ids[i], "ODE row " + ids[i] + ": step size underflow at t=" + t[r]);
            }
            if (steps[r] + rejected[r] >= cfg.maxSteps()) {
                throw new OdeFailure(ids[i], "ODE row " + ids[i] + ": more than " + cfg.maxSteps()
                        + " steps at t=" + t[r]);
            }
            double tNew = t[r] + dir * hAbs[r];
            last[r] = dir * (tNew - t1) >= 0;
            h[r] = last[r] ? t1 - t[r] : dir * hAbs[r];
        }
        double[] offset = new double[count];
        for (int s = 1; s <= 5; s++) {
            stageState(live, s);
            for (int i = 0; i < live; i++) {
                offset[active[i]] = Dopri5.C[s] * h[active[i]];
            }
            evaluate(live, yNew, t, s, offset);
        }
        for (int i = 0; i < live; i++) {
            int r = active[i];
            for (int j = r * m; j < (r + 1) * m; j++) {
                double acc = 0;
                for (int s = 0; s < 6; s++) {
                    acc += Dopri5.B[s] * k[s][j];
                }
                yNew[j] = y[j] + h[r] * acc;
            }
            offset[r] = h[r];
        }
        evaluate(live, yNew, t, 6, offset);
        for (int i = 0; i < live; i++) {
            decide(active[i], errorNorm(active[i]));
        }
    }

    /** yNew := y + h Σ_{j<s} A[s][j] k_j for the active rows. */
    private void stageState(int live, int s) {
        double[] a = Dopri5.A[s];
        for (int i = 0; i < live; i++) {
            int r = active[i];
            for (int j = r * m; j < (r + 1) * m; j++) {
                double acc = 0;
                for (int q = 0; q < s; q++) {
                    acc += a[q] * k[q][j];
                }
                yNew[j] = y[j] + h[r] * acc;
            }
        }
    }

    /** RMS of (h Σ E_s k_s) / (atol + rtol max(|y|, |yNew|)) over row r's components. */
    private double errorNorm(int r) {
        double sum = 0;
        for (int j = r * m; j < (r + 1) * m; j++) {
            double e = 0;
            for (int s = 0; s < 7; s++) {
                e += Dopri5.E[s] * k[s][j];
            }
            double scale = cfg.atol() + cfg.rtol() * Math.max(Math.abs(y[j]), Math.abs(yNew[j]));
            sum += sq(h[r] * e / scale);
        }
        return Math.sqrt(sum / m);
    }

    /** Accepts (advancing t, y and the FSAL stage) or rejects row r's step and sets its next |h|. */
    private void decide(int r, double norm) {
        if (norm < 1) {
            double factor = norm == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, SAFETY * Math.pow(norm, EXPONENT));
            if (rejectedBefore[r]) {
                factor = Math.min(1, factor);
            }
            t[r] = last[r] ? t1 : t[r] + h[r];
            done[r] = last[r];
            hAbs[r] = Math.abs(h[r]) * factor;
            rejectedBefore[r] = false;
            steps[r]++;
            System.arraycopy(yNew, r * m, y, r * m, m);
            System.arraycopy(k[6], r * m, k[0], r * m, m);
        } else {
            hAbs[r] = Math.abs(h[r]) * Math.max(MIN_FACTOR, SAFETY * Math.pow(norm, EXPONENT));
            rejectedBefore[r] = true;
            rejected[r]++;
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
