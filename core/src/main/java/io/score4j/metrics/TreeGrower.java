package io.score4j.metrics;

/**
 * Grows one tree of {@link BoostedTrees} level by level on binned features: at each level it builds
 * the gradient and Hessian histograms of every node of that level in one pass over the rows (O(n·d)),
 * picks each node's best split from them (O(nodes·Σ bins)) and moves the rows down. Nodes are numbered
 * as a heap: node k has children 2k + 1 (left, code ≤ split) and 2k + 2.
 */
final class TreeGrower {
    private final short[] codes;
    private final int d;
    private final BoostedTrees.Bins bins;
    private final double[] g;
    private final double[] h;
    private final BoostedTrees.Config config;
    private final int[] offset;   // start of feature j's bins in a node's histogram
    private final int width;      // bins of all features

    TreeGrower(short[] codes, int d, BoostedTrees.Bins bins, double[] g, double[] h, BoostedTrees.Config config) {
        this.codes = codes;
        this.d = d;
        this.bins = bins;
        this.g = g;
        this.h = h;
        this.config = config;
        this.offset = new int[d + 1];
        for (int j = 0; j < d; j++) {
            offset[j + 1] = offset[j] + bins.bins(j);
        }
        this.width = offset[d];
    }

    /**
     * Grows the tree: writes each inner node's feature (−1: no split, every row goes left) and split
     * bin, the leaf values −η·G/(H + λ), and {@code node[i]}, the heap index of row i's leaf.
     */
    void grow(int[] node, int[] feature, int[] split, double[] leaf) {
        int n = node.length;
        java.util.Arrays.fill(node, 0);
        for (int level = 0; level < config.depth(); level++) {
            int first = (1 << level) - 1;
            int count = 1 << level;
            double[] gh = new double[count * width * 2];
            for (int i = 0; i < n; i++) {
                int base = (node[i] - first) * width * 2;
                for (int j = 0; j < d; j++) {
                    int at = base + 2 * (offset[j] + codes[i * d + j]);
                    gh[at] += g[i];
                    gh[at + 1] += h[i];
                }
            }
            for (int k = 0; k < count; k++) {
                bestSplit(gh, k * width * 2, first + k, feature, split);
            }
            for (int i = 0; i < n; i++) {
                int k = node[i];
                int f = feature[k];
                node[i] = 2 * k + (f < 0 || codes[i * d + f] <= split[k] ? 1 : 2);
            }
        }
        int nodes = feature.length;
        double[] sg = new double[leaf.length];
        double[] sh = new double[leaf.length];
        for (int i = 0; i < n; i++) {
            sg[node[i] - nodes] += g[i];
            sh[node[i] - nodes] += h[i];
        }
        for (int k = 0; k < leaf.length; k++) {
            leaf[k] = sh[k] + config.lambda() > 0 ? -config.learningRate() * sg[k] / (sh[k] + config.lambda()) : 0.0;
        }
    }

    private void bestSplit(double[] gh, int base, int k, int[] feature, int[] split) {
        double gTotal = 0.0;
        double hTotal = 0.0;
        for (int b = 0; b < bins.bins(0); b++) {
            gTotal += gh[base + 2 * b];
            hTotal += gh[base + 2 * b + 1];
        }
        double lambda = config.lambda();
        double parent = score(gTotal, hTotal, lambda);
        double best = 1e-12;
        feature[k] = -1;
        split[k] = 0;
        for (int j = 0; j < d; j++) {
            double gl = 0.0;
            double hl = 0.0;
            for (int b = 0; b < bins.bins(j) - 1; b++) {
                int at = base + 2 * (offset[j] + b);
                gl += gh[at];
                hl += gh[at + 1];
                double hr = hTotal - hl;
                if (hl < config.minChildHessian() || hr < config.minChildHessian()) {
                    continue;
                }
                double gain = score(gl, hl, lambda) + score(gTotal - gl, hr, lambda) - parent;
                if (gain > best) {
                    best = gain;
                    feature[k] = j;
                    split[k] = b;
                }
            }
        }
    }

    private static double score(double gs, double hs, double lambda) {
        return hs + lambda > 0 ? gs * gs / (hs + lambda) : 0.0;
    }
}
