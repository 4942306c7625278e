package io.score4j.fused;

import io.score4j.nn.MlpSpec;
import io.score4j.nn.Params;
import io.score4j.tensor.Activation;

/**
 * Straightforward double-precision exact score matching for a [D, H, D] MLP: the trace from the full
 * Jacobian (not the c_k shortcut) and the gradient summed example by example. Test oracle only.
 * Parameters are one flat vector θ = (W1 [D,H], b1 [H], W2 [H,D], b2 [D]).
 */
final class ReferenceMlp {
    final int d;
    final int h;
    final Activation act;

    ReferenceMlp(int d, int h, Activation act) {
        this.d = d;
        this.h = h;
        this.act = act;
    }

    int size() {
        return 2 * d * h + h + d;
    }

    static double[] flatten(Params p) {
        double[] w1 = p.get(MlpSpec.weightName(0)).toDoubleArray();
        double[] b1 = p.get(MlpSpec.biasName(0)).toDoubleArray();
        double[] w2 = p.get(MlpSpec.weightName(1)).toDoubleArray();
        double[] b2 = p.get(MlpSpec.biasName(1)).toDoubleArray();
        double[] out = new double[w1.length + b1.length + w2.length + b2.length];
        System.arraycopy(w1, 0, out, 0, w1.length);
        System.arraycopy(b1, 0, out, w1.length, b1.length);
        System.arraycopy(w2, 0, out, w1.length + b1.length, w2.length);
        System.arraycopy(b2, 0, out, w1.length + b1.length + w2.length, b2.length);
        return out;
    }

    static double[] flatten(Gradients g) {
        Params p = g.toParams();
        return flatten(p);
    }

    /** {σ, σ', σ''} at z in double. */
    double[] sigma(double z) {
        switch (act) {
            case SOFTPLUS -> {
                double p = 1 / (1 + Math.exp(-z));
                return new double[] {Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), p, p * (1 - p)};
            }
            case TANH -> {
                double t = Math.tanh(z);
                return new double[] {t, 1 - t * t, -2 * t * (1 - t * t)};
            }
            case SILU -> {
                double p = 1 / (1 + Math.exp(-z));
                return new double[] {z * p, p * (1 + z * (1 - p)), p * (1 - p) * (2 + z * (1 - 2 * p))};
            }
            default -> {
                return new double[] {Math.max(z, 0), z > 0 ? 1 : 0, 0};
            }
        }
    }

    /** Scores s(x) of row i. */
    double[] score(double[] t, float[] x, int i) {
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            s[j] = t[2 * d * h + h + j];
        }
        for (int k = 0; k < h; k++) {
            double a = sigma(hidden(t, x, i, k))[0];
            for (int j = 0; j < d; j++) {
                s[j] += a * t[d * h + h + k * d + j];
            }
        }
        return s;
    }

    double hidden(double[] t, float[] x, int i, int k) {
        double z = t[d * h + k];
        for (int j = 0; j < d; j++) {
            z += x[i * d + j] * t[j * h + k];
        }
        return z;
    }

    /** Mean of ½‖s‖² + tr J, with J[e][f] = Σ_k W2[k,e] σ'(h_k) W1[f,k] formed in full. */
    double loss(double[] t, float[] x, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] s = score(t, x, i);
            double[][] jac = new double[d][d];
            for (int k = 0; k < h; k++) {
                double ds = sigma(hidden(t, x, i, k))[1];
                for (int e = 0; e < d; e++) {
                    for (int f = 0; f < d; f++) {
                        jac[e][f] += t[d * h + h + k * d + e] * ds * t[f * h + k];
                    }
                }
            }
            double sq = 0;
            double tr = 0;
            for (int e = 0; e < d; e++) {
                sq += s[e] * s[e];
                tr += jac[e][e];
            }
            total += 0.5 * sq + tr;
        }
        return total / n;
    }

    /** ∇θ of {@link #loss}, example by example. */
    double[] gradient(double[] t, float[] x, int n) {
        double[] g = new double[size()];
        int ob1 = d * h;
        int ow2 = d * h + h;
        int ob2 = 2 * d * h + h;
        for (int i = 0; i < n; i++) {
            double[] s = score(t, x, i);
            for (int k = 0; k < h; k++) {
                double[] sg = sigma(hidden(t, x, i, k));
                double u = 0;
                double ck = 0;
                for (int j = 0; j < d; j++) {
                    u += t[ow2 + k * d + j] * s[j];
                    ck += t[j * h + k] * t[ow2 + k * d + j];
                }
                double delta = sg[1] * u + sg[2] * ck;
                g[ob1 + k] += delta;
                for (int j = 0; j < d; j++) {
                    g[j * h + k] += x[i * d + j] * delta + sg[1] * t[ow2 + k * d + j];
                    g[ow2 + k * d + j] += sg[0] * s[j] + sg[1] * t[j * h + k];
                }
            }
            for (int j = 0; j < d; j++) {
                g[ob2 + j] += s[j];
            }
        }
        for (int q = 0; q < g.length; q++) {
            g[q] /= n;
        }
        return g;
    }
}
