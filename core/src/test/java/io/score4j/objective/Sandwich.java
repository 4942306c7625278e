package io.score4j.objective;

import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.random.Key;
import io.score4j.tensor.Tensor;
import java.util.function.BiFunction;

/**
 * Asymptotic standard errors of an objective's M-estimator for a linear score network
 * s(x) = x·W + c on data of dimension 2: Cov(θ̂) ≈ H⁻¹VH⁻¹/N, V the covariance of per-example
 * gradients at the optimum θ*, H the Hessian of the batch loss (central differences).
 */
final class Sandwich {
    private static final int ROWS = 4000;

    private Sandwich() {}

    /**
     * Standard errors for N examples of W's 4 entries (row-major) and of s(μ)'s 2 entries, in
     * that order, at {@code optimum} (a linear [2, 2] network).
     */
    static double[] standardErrors(Objective o, MlpSpec spec, Params optimum, double[] mu, Key key,
                                   BiFunction<Key, Integer, Tensor> sampler, double n) {
        Tensor x = sampler.apply(key.child(0), ROWS);
        Key drawKey = key.child(1);
        PerExample per = o.perExample(spec, optimum, x, drawKey);
        double[][] v = covariance(per);
        double[][] h = hessian(o, spec, optimum, x, drawKey);
        double[][] hInv = invert(h);
        double[][] cov = multiply(multiply(hInv, v), hInv);
        double[] se = new double[6];
        for (int i = 0; i < 4; i++) {
            se[i] = Math.sqrt(cov[i][i] / n);
        }
        for (int j = 0; j < 2; j++) {
            double[] a = new double[6];
            a[j] = mu[0];
            a[2 + j] = mu[1];
            a[4 + j] = 1;
            double var = 0;
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    var += a[r] * cov[r][c] * a[c];
                }
            }
            se[4 + j] = Math.sqrt(var / n);
        }
        return se;
    }

    /** Flattened parameter vector: W (row-major) then c. */
    private static double[] flat(Params g) {
        double[] w = g.get(MlpSpec.weightName(0)).toDoubleArray();
        double[] c = g.get(MlpSpec.biasName(0)).toDoubleArray();
        return new double[] {w[0], w[1], w[2], w[3], c[0], c[1]};
    }

    private static double[][] covariance(PerExample per) {
        int b = per.batchSize();
        double[][] rows = new double[b][];
        double[] mean = new double[6];
        for (int e = 0; e < b; e++) {
            rows[e] = flat(per.grad(e));
            for (int i = 0; i < 6; i++) {
                mean[i] += rows[e][i] / b;
            }
        }
        double[][] v = new double[6][6];
        for (double[] r : rows) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    v[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (b - 1);
                }
            }
        }
        return v;
    }

    private static double[][] hessian(Objective o, MlpSpec spec, Params p, Tensor x, Key key) {
        double[][] h = new double[6][];
        double step = 1e-4;
        for (int a = 0; a < 6; a++) {
            double[] up = flat(o.lossAndGrad(spec, nudge(p, a, step), x, key).grad());
            double[] down = flat(o.lossAndGrad(spec, nudge(p, a, -step), x, key).grad());
            h[a] = new double[6];
            for (int i = 0; i < 6; i++) {
                h[a][i] = (up[i] - down[i]) / (2 * step);
            }
        }
        return h;
    }

    private static Params nudge(Params p, int a, double step) {
        double[] w = p.get(MlpSpec.weightName(0)).toDoubleArray();
        double[] c = p.get(MlpSpec.biasName(0)).toDoubleArray();
        if (a < 4) {
            w[a] += step;
        } else {
            c[a - 4] += step;
        }
        return Params.of(java.util.Map.of(MlpSpec.weightName(0), Tensor.wrap(w, 2, 2), MlpSpec.biasName(0),
                Tensor.wrap(c, 2)));
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return r;
    }

    /** Gauss–Jordan with partial pivoting. */
    private static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double d = a[col][col];
            for (int j = 0; j < 2 * n; j++) {
                a[col][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
