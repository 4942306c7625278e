package io.score4j.data;

import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;

/** The generators behind {@link ToySet}; each returns a flat [n, 2] array. Uniforms come from {@code key.child(0)}, normals from {@code key.child(1)}. */
final class ToySampling {
    private ToySampling() {}

    static GaussianMixture ring8() {
        int k = 8;
        double[] w = new double[k];
        double[][] m = new double[k][];
        double[][] s = new double[k][];
        for (int c = 0; c < k; c++) {
            double a = 2.0 * Math.PI * c / k;
            w[c] = 1.0 / k;
            m[c] = new double[] {2.0 * StrictMath.cos(a), 2.0 * StrictMath.sin(a)};
            s[c] = new double[] {0.2, 0.2};
        }
        return new GaussianMixture(w, m, s);
    }

    static GaussianMixture grid25() {
        int k = 25;
        double[] w = new double[k];
        double[][] m = new double[k][];
        double[][] s = new double[k][];
        for (int c = 0; c < k; c++) {
            w[c] = 1.0 / k;
            m[c] = new double[] {c / 5 - 2.0, c % 5 - 2.0};
            s[c] = new double[] {0.1, 0.1};
        }
        return new GaussianMixture(w, m, s);
    }

    static double[] twoMoons(int n, Key key) {
        Key u = key.child(0);
        double[] z = Draw.normalDouble(key.child(1), 2 * n);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * u.uniform(i);
            boolean upper = i % 2 == 0;
            double x = upper ? StrictMath.cos(t) : 1.0 - StrictMath.cos(t);
            double y = upper ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
            out[2 * i] = 2.0 * (x - 0.5) + 0.1 * z[2 * i];
            out[2 * i + 1] = 2.0 * (y - 0.25) + 0.1 * z[2 * i + 1];
        }
        return out;
    }

    static double[] swissRoll(int n, Key key) {
        Key u = key.child(0);
        double[] z = Draw.normalDouble(key.child(1), 2 * n);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = 1.5 * Math.PI * (1.0 + 2.0 * u.uniform(i));
            out[2 * i] = t * StrictMath.cos(t) / 5.0 + 0.1 * z[2 * i];
            out[2 * i + 1] = t * StrictMath.sin(t) / 5.0 + 0.1 * z[2 * i + 1];
        }
        return out;
    }

    static double[] checkerboard(int n, Key key) {
        Key u = key.child(0);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x = -4.0 + 8.0 * u.uniform(3L * i);
            int col = Math.min(3, (int) Math.floor((x + 4.0) / 2.0));
            int row = 2 * (u.uniform(3L * i + 1) < 0.5 ? 0 : 1) + col % 2;
            out[2 * i] = x;
            out[2 * i + 1] = -4.0 + 2.0 * row + 2.0 * u.uniform(3L * i + 2);
        }
        return out;
    }

    static double[] circles(int n, Key key) {
        Key u = key.child(0);
        double[] z = Draw.normalDouble(key.child(1), 2 * n);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double r = i % 2 == 0 ? 1.0 : 2.0;
            double a = 2.0 * Math.PI * u.uniform(i);
            out[2 * i] = r * StrictMath.cos(a) + 0.08 * z[2 * i];
            out[2 * i + 1] = r * StrictMath.sin(a) + 0.08 * z[2 * i + 1];
        }
        return out;
    }

    static double[] pinwheel(int n, Key key) {
        double[] z = Draw.normalDouble(key.child(1), 2 * n);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double radial = 1.0 + 0.3 * z[2 * i];
            double tangential = 0.1 * z[2 * i + 1];
            double a = 2.0 * Math.PI * (i % 5) / 5.0 + 0.25 * StrictMath.exp(radial);
            out[2 * i] = 2.0 * (radial * StrictMath.cos(a) - tangential * StrictMath.sin(a));
            out[2 * i + 1] = 2.0 * (radial * StrictMath.sin(a) + tangential * StrictMath.cos(a));
        }
        return out;
    }
}
