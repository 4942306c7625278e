package io.score4j.metrics;

import io.score4j.random.Draw;
import io.score4j.random.Key;
import java.util.Arrays;

/**
 * Total variation between the empirical distributions of two samples of a discrete (categorical or
 * small-integer) column: TV = ½ Σ_v |p_a(v) − p_b(v)| over every value v that either side takes, with
 * values equal only when they are equal as doubles. 0 for the same value frequencies, 1 for disjoint
 * value sets. Values may be any non-NaN double (codes of categories, integers, ±∞).
 */
public final class TotalVariation {
    /** Default number of label permutations behind {@link #permutationCritical}. */
    public static final int DEFAULT_PERMUTATIONS = 199;

    private TotalVariation() {}

    /** TV between the value frequencies of {@code a} (n ≥ 1 values) and {@code b} (m ≥ 1 values). */
    public static double distance(double[] a, double[] b) {
        Coded c = Coded.of(a, b);
        return c.tv(c.countsOf(0, a.length), a.length, b.length);
    }

    /**
     * The (1 − α) permutation quantile of TV under the null that a and b come from one distribution:
     * the pooled values are split {@code permutations} times into groups of sizes n and m uniformly at
     * random (split p uses {@code key.child(p)}), and the ⌈(1 − α)(P + 1)⌉-th smallest of the P
     * permuted TVs is returned, so P(TV ≥ critical) ≤ α under the null (the permutation test's exact
     * level; no large-count approximation, which χ² would need for rare categories). Cost
     * O(P·(n + m)) time and O(n + m) memory.
     *
     * @throws IllegalArgumentException if α ∉ (0, 1), permutations &lt; 1, or (1 − α)(P + 1) &gt; P
     */
    public static double permutationCritical(double[] a, double[] b, double alpha, int permutations, Key key) {
        if (!(alpha > 0 && alpha < 1) || permutations < 1) {
            throw new IllegalArgumentException("permutation critical needs alpha in (0, 1) and permutations >= 1, got "
                    + alpha + ", " + permutations);
        }
        int rank = (int) Math.ceil((1.0 - alpha) * (permutations + 1));
        if (rank > permutations) {
            throw new IllegalArgumentException(permutations + " permutations cannot give level " + alpha);
        }
        Coded c = Coded.of(a, b);
        int n = a.length;
        int total = n + b.length;
        int[] scratch = new int[total];
        double[] tv = new double[permutations];
        for (int p = 0; p < permutations; p++) {
            int[] picked = Draw.choice(key.child(p), total, n, scratch);
            int[] counts = new int[c.levels()];
            for (int i : picked) {
                counts[c.codes[i]]++;
            }
            tv[p] = c.tv(counts, n, b.length);
        }
        Arrays.sort(tv);
        return tv[rank - 1];
    }

    /** The number of distinct values of {@code v} (NaN not allowed). */
    public static int levels(double[] v) {
        double[] s = Checks.sortedNoNaN(v, "values");
        int k = s.length == 0 ? 0 : 1;
        for (int i = 1; i < s.length; i++) {
            if (s[i] != s[i - 1]) {
                k++;
            }
        }
        return k;
    }

    /** The pooled values a ++ b as codes 0 … K−1 of their distinct values, with each code's total count. */
    private record Coded(int[] codes, int[] totals) {
        static Coded of(double[] a, double[] b) {
            Checks.atLeast(a.length, 1, "total variation a");
            Checks.atLeast(b.length, 1, "total variation b");
            double[] pooled = new double[a.length + b.length];
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] = (i < a.length ? a[i] : b[i - a.length]) + 0.0;   // −0.0 becomes 0.0: one value
            }
            double[] distinct = Checks.sortedNoNaN(pooled, "values");
            int k = 0;
            for (int i = 0; i < distinct.length; i++) {
                if (i == 0 || distinct[i] != distinct[k - 1]) {
                    distinct[k++] = distinct[i];
                }
            }
            int[] codes = new int[pooled.length];
            int[] totals = new int[k];
            for (int i = 0; i < pooled.length; i++) {
                codes[i] = Arrays.binarySearch(distinct, 0, k, pooled[i]);
                totals[codes[i]]++;
            }
            return new Coded(codes, totals);
        }

        int levels() {
            return totals.length;
        }

        /** Counts per code of pooled positions [from, from + len). */
        int[] countsOf(int from, int len) {
            int[] counts = new int[totals.length];
            for (int i = from; i < from + len; i++) {
                counts[codes[i]]++;
            }
            return counts;
        }

        /** TV when group a (size n) holds {@code countsA} of each code and group b (size m) the rest. */
        double tv(int[] countsA, int n, int m) {
            double sum = 0.0;
            for (int v = 0; v < totals.length; v++) {
                sum += Math.abs((double) countsA[v] / n - (double) (totals[v] - countsA[v]) / m);
            }
            return 0.5 * sum;
        }
    }
}
