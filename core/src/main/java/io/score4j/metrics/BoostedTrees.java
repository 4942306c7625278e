package io.score4j.metrics;

import java.util.Arrays;

/**
 * A small gradient-boosted tree classifier for two classes (logistic loss), the model behind
 * {@link ClassifierTwoSample}. Each round fits one tree of depth {@link Config#depth()} to the loss's
 * gradient g = p − y and Hessian h = p(1 − p) (Newton boosting, as XGBoost): a node splits feature f at
 * a threshold when the gain G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ) is largest (each side must
 * hold Hessian ≥ {@link Config#minChildHessian()}), and a leaf adds −η·G/(H + λ) to the margin.
 *
 * <p>Features are binned once: {@link Bins} puts a threshold on each side of every distinct value met
 * at the quantile levels k/B, so a value that recurs (a category, an integer, a spike at 0) gets a bin
 * of its own and a tree can tell it from a value next to it. Trees see only bin codes, so the model is
 * invariant to monotone transforms of a column and needs no standardising. Deterministic: no random
 * choices; ties between splits go to the first feature and lowest bin.
 */
public final class BoostedTrees {
    private final Bins bins;
    private final int[][] feature;     // [round][node], −1 for a leaf-only node
    private final int[][] split;       // [round][node], left when code ≤ split
    private final double[][] leaf;     // [round][leaf index 0 … 2^depth − 1]
    private final int depth;

    /**
     * The boosting settings.
     *
     * @param rounds          trees, ≥ 1
     * @param depth           depth of each tree, 1 … 6
     * @param learningRate    η, in (0, 1]
     * @param lambda          L2 penalty λ on leaf values, ≥ 0
     * @param minChildHessian least Hessian on each side of a split, ≥ 0
     * @param bins            quantile levels B per feature (up to 2(B − 1) thresholds), 2 … 1024
     */
    public record Config(int rounds, int depth, double learningRate, double lambda, double minChildHessian, int bins) {
        public Config {
            if (rounds < 1 || depth < 1 || depth > 6 || !(learningRate > 0 && learningRate <= 1) || !(lambda >= 0)
                    || !(minChildHessian >= 0) || bins < 2 || bins > 1024) {
                throw new IllegalArgumentException("boosted trees need rounds >= 1, depth 1..6, learningRate in (0, 1], "
                        + "lambda >= 0, minChildHessian >= 0, bins 2..1024, got " + this.toString());
            }
        }

        /** 100 trees of depth 3, η = 0.1, λ = 1, Hessian ≥ 1 per child, 64 levels per feature. */
        public static Config defaults() {
            return new Config(100, 3, 0.1, 1.0, 1.0, 64);
        }
    }

    private BoostedTrees(Bins bins, int[][] feature, int[][] split, double[][] leaf, int depth) {
        this.bins = bins;
        this.feature = feature;
        this.split = split;
        this.leaf = leaf;
        this.depth = depth;
    }

    /**
     * Fits on rows x (flat [n, d], finite) with labels y (0 or 1, shape [n]). Nothing is modified.
     */
    public static BoostedTrees fit(double[] x, int d, int[] y, Config config) {
        int n = Checks.rows(x, d, "x");
        if (y.length != n) {
            throw new IllegalArgumentException("labels have length " + y.length + ", rows " + n);
        }
        Checks.atLeast(n, 2, "boosted trees");
        Bins bins = Bins.of(x, d, config.bins());
        short[] codes = bins.codes(x);
        int nodes = (1 << config.depth()) - 1;
        int[][] feature = new int[config.rounds()][nodes];
        int[][] split = new int[config.rounds()][nodes];
        double[][] leaf = new double[config.rounds()][1 << config.depth()];
        double[] margin = new double[n];
        double[] g = new double[n];
        double[] h = new double[n];
        int[] node = new int[n];
        for (int t = 0; t < config.rounds(); t++) {
            for (int i = 0; i < n; i++) {
                double p = 1.0 / (1.0 + StrictMath.exp(-margin[i]));
                g[i] = p - y[i];
                h[i] = p * (1.0 - p);
            }
            new TreeGrower(codes, d, bins, g, h, config).grow(node, feature[t], split[t], leaf[t]);
            for (int i = 0; i < n; i++) {
                margin[i] += leaf[t][node[i] - nodes];
            }
        }
        return new BoostedTrees(bins, feature, split, leaf, config.depth());
    }

    /** The margin log(p/(1 − p)) for each row of x (flat [m, d]); > 0 predicts class 1. */
    public double[] margins(double[] x) {
        int d = bins.d();
        int m = Checks.rows(x, d, "x");
        short[] codes = bins.codes(x);
        int nodes = (1 << depth) - 1;
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0.0;
            for (int t = 0; t < feature.length; t++) {
                int k = 0;
                while (k < nodes) {
                    int f = feature[t][k];
                    boolean left = f < 0 || codes[i * d + f] <= split[t][k];
                    k = 2 * k + (left ? 1 : 2);
                }
                sum += leaf[t][k - nodes];
            }
            out[i] = sum;
        }
        return out;
    }

    /** Per-feature thresholds from the training rows; a value's code is the number of thresholds below it. */
    record Bins(double[][] thresholds) {
        int d() {
            return thresholds.length;
        }

        static Bins of(double[] x, int d, int levels) {
            int n = x.length / d;
            double[][] t = new double[d][];
            double[] col = new double[n];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    col[i] = x[i * d + j];
                }
                t[j] = thresholds(col.clone(), levels);
            }
            return new Bins(t);
        }

        /** Midpoints either side of each distinct value at the quantile levels k/B, k = 0 … B − 1, sorted. */
        private static double[] thresholds(double[] col, int levels) {
            Arrays.sort(col);
            double[] out = new double[2 * levels];
            int k = 0;
            for (int level = 0; level < levels; level++) {
                int at = (int) ((long) level * col.length / levels);
                double v = col[at];
                int lo = at;
                while (lo > 0 && col[lo - 1] == v) {
                    lo--;
                }
                int hi = at;
                while (hi < col.length - 1 && col[hi + 1] == v) {
                    hi++;
                }
                if (lo > 0) {
                    out[k++] = col[lo - 1] + 0.5 * (v - col[lo - 1]);
                }
                if (hi < col.length - 1) {
                    out[k++] = v + 0.5 * (col[hi + 1] - v);
                }
            }
            double[] s = Arrays.copyOf(out, k);
            Arrays.sort(s);
            int u = 0;
            for (int i = 0; i < s.length; i++) {
                if (u == 0 || s[i] != s[u - 1]) {
                    s[u++] = s[i];
                }
            }
            return Arrays.copyOf(s, u);
        }

        short[] codes(double[] x) {
            int d = d();
            short[] out = new short[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] t = thresholds[i % d];
                int pos = Arrays.binarySearch(t, x[i]);
                out[i] = (short) (pos >= 0 ? pos + 1 : -pos - 1);   // thresholds ≤ x
            }
            return out;
        }

        int bins(int j) {
            return thresholds[j].length + 1;
        }
    }
}
