package io.score4j.metrics;

import io.score4j.Parallelism;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Distance to closest record (DCR), a privacy check for synthetic rows: for each query row q (a
 * synthetic or a held-out real row), min over the records r (the training rows) of the scaled
 * Euclidean distance √(Σ_j ((q_j − r_j)/s_j)²), s_j a column scale (the records' standard deviation,
 * so the distance is in standard units and no column dominates by its units). Synthetic rows much
 * closer to the training rows than held-out real rows are would mean the generator memorises.
 *
 * <p>Cost O(q·r·d) time (a partial sum stops as soon as it exceeds the best so far), O(d·(q + r))
 * memory: queries go in blocks of {@value #BLOCK} rows, one block per task, each task writing only its
 * own outputs, so the result is the same whatever the thread count.
 */
public final class ClosestRecord {
    /** Query rows per parallel task. */
    public static final int BLOCK = 64;

    private ClosestRecord() {}

    /**
     * DCR of each query row, shape [q].
     *
     * @param queries flat [q, d], finite
     * @param records flat [r, d], finite, r ≥ 1
     * @param scale   per-column scales s_j, shape [d]; a scale that is not finite and &gt; 0 (a constant
     *                column) counts as 1
     */
    public static double[] distances(double[] queries, double[] records, int d, double[] scale, Parallelism par) {
        int q = Checks.rows(queries, d, "queries");
        int r = Checks.rows(records, d, "records");
        Checks.atLeast(r, 1, "closest record");
        if (scale.length != d) {
            throw new IllegalArgumentException("scale has length " + scale.length + ", d=" + d);
        }
        double[] inv = new double[d];
        for (int j = 0; j < d; j++) {
            inv[j] = scale[j] > 0 && Double.isFinite(scale[j]) ? 1.0 / scale[j] : 1.0;
        }
        double[] recs = scaled(records, inv);
        double[] qs = scaled(queries, inv);
        double[] out = new double[q];
        par.forEach((q + BLOCK - 1) / BLOCK, block -> {
            for (int i = block * BLOCK; i < Math.min(q, (block + 1) * BLOCK); i++) {
                out[i] = Math.sqrt(nearestSquared(qs, i * d, recs, d));
            }
        });
        return out;
    }

    /**
     * How many query rows equal some record exactly in every column (0.0 and −0.0 count as equal):
     * verbatim copies of training rows. O((q + r)·d) expected time through a hash set of the records.
     */
    public static int exactCopies(double[] queries, double[] records, int d) {
        int q = Checks.rows(queries, d, "queries");
        int r = Checks.rows(records, d, "records");
        Set<Row> seen = new HashSet<>();
        for (int i = 0; i < r; i++) {
            seen.add(Row.of(records, i, d));
        }
        int copies = 0;
        for (int i = 0; i < q; i++) {
            if (seen.contains(Row.of(queries, i, d))) {
                copies++;
            }
        }
        return copies;
    }

    /** The median of {@code v} (mean of the two middle values for even length); NaN when empty. */
    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = Checks.sortedNoNaN(v, "values");
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    /**
     * A distribution-free standard error of the median of {@code v}: the order statistics x₍ⱼ₎, x₍ₖ₎ with
     * j, k = n/2 ∓ 1.96·√n/2 (rounded outward, clamped to the sample) bound an interval that holds the population
     * median with probability about 95 % (the binomial count of values below it), and (x₍ₖ₎ − x₍ⱼ₎)/(2·1.96) is
     * the standard error a normal median would have; it tends to 1/(2f(m)√n), f the density at the median m.
     * NaN when fewer than 2 values.
     */
    public static double medianStandardError(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double[] s = Checks.sortedNoNaN(v, "values");
        double half = 1.959964 * Math.sqrt(s.length) / 2;
        int lo = Math.max(0, (int) Math.floor(s.length / 2.0 - half) - 1);
        int hi = Math.min(s.length - 1, (int) Math.ceil(s.length / 2.0 + half));
        return (s[hi] - s[lo]) / (2 * 1.959964);
    }

    private static double nearestSquared(double[] qs, int at, double[] recs, int d) {
        double best = Double.POSITIVE_INFINITY;
        for (int base = 0; base < recs.length; base += d) {
            double sum = 0.0;
            for (int j = 0; j < d && sum < best; j++) {
                double diff = qs[at + j] - recs[base + j];
                sum += diff * diff;
            }
            if (sum < best) {
                best = sum;
            }
        }
        return best;
    }

    private static double[] scaled(double[] v, double[] inv) {
        int d = inv.length;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv[i % d];
        }
        return out;
    }

    /** One row's values with −0.0 folded into 0.0, compared by value. */
    private record Row(double[] v) {
        static Row of(double[] flat, int i, int d) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = flat[i * d + j] + 0.0;
            }
            return new Row(v);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
