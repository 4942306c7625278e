package io.score4j.data;

import io.score4j.density.GaussianMixture;
import io.score4j.random.Draw;
import io.score4j.random.Key;

/** Draws datasets from a {@link GaussianMixture} with an explicit {@link Key}. */
public final class MixtureData {
    private MixtureData() {}

    /**
     * Exactly the seed's {@code create_dataset}: {@code keys = key.split(K+1)}; component k
     * contributes {@code (int)(n·w_k)} points {@code z·σ_k + μ_k} with z the standard normals
     * {@code Draw.normalDouble(keys[k], count·D)} (row-major), and the blocks are concatenated in
     * component order (the last key is unused, as in the seed). The count is therefore stratified,
     * not random, and may be below n when n·w_k is not an integer (n = 10, w = ⅓ each gives 9).
     *
     * @return a dataset of Σ_k ⌊n·w_k⌋ rows, columns {@link Dataset#defaultColumns(int)}
     */
    public static Dataset sample(GaussianMixture mixture, int n, Key key) {
        checkCount(n);
        int k = mixture.components();
        int d = mixture.dim();
        Key[] keys = key.split(k + 1);
        int[] counts = new int[k];
        long total = 0;
        for (int c = 0; c < k; c++) {
            counts[c] = (int) (n * mixture.weight(c));
            total += counts[c];
        }
        double[] values = new double[Math.toIntExact(total * d)];
        int pos = 0;
        for (int c = 0; c < k; c++) {
            double[] z = Draw.normalDouble(keys[c], counts[c] * d);
            for (int i = 0; i < z.length; i++) {
                int j = i % d;
                values[pos++] = z[i] * mixture.std(c, j) + mixture.mean(c, j);
            }
        }
        return Dataset.of(d, values);
    }

    /**
     * n independent draws from the mixture: point i takes component c_i by inverting the cumulative
     * weights at {@code key.child(0).uniform(i)} and coordinates {@code z·σ_c + μ_c} with
     * z from {@code Draw.normalDouble(key.child(1), n·D)} (row-major). Exactly n rows, in random
     * component order.
     */
    public static Dataset sampleIid(GaussianMixture mixture, int n, Key key) {
        checkCount(n);
        int d = mixture.dim();
        Key pick = key.child(0);
        double[] z = Draw.normalDouble(key.child(1), Math.multiplyExact(n, d));
        double[] values = new double[z.length];
        for (int i = 0; i < n; i++) {
            int c = component(mixture, pick.uniform(i));
            for (int j = 0; j < d; j++) {
                values[i * d + j] = z[i * d + j] * mixture.std(c, j) + mixture.mean(c, j);
            }
        }
        return Dataset.of(d, values);
    }

    /** The first component whose cumulative weight exceeds u ∈ [0, 1); the last positive one if rounding leaves none. */
    private static int component(GaussianMixture m, double u) {
        double cum = 0.0;
        int lastPositive = 0;
        for (int c = 0; c < m.components(); c++) {
            double w = m.weight(c);
            if (w > 0.0) {
                lastPositive = c;
                cum += w;
                if (u < cum) {
                    return c;
                }
            }
        }
        return lastPositive;
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + n);
        }
    }
}
