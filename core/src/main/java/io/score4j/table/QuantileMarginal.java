package io.score4j.table;

import io.score4j.density.Normal;
import java.util.Arrays;

/**
 * The quantile-normal transform z = Φ⁻¹(F(x)) with F a piecewise-linear CDF fitted on the data, in one of
 * two forms:
 * <ul>
 *   <li><b>knots</b> (continuous columns, and integer columns with more than {@value ColumnProfile#MAX_LEVELS}
 *   values): K = min(n, {@value ColumnProfile#MAX_LEVELS}) quantiles v_k of the data at the Hazen
 *   positions q_k = (k + ½)/K (all n values when n ≤ K), F linear between (q_k, v_k), with the points
 *   (0, v_0) and (1, v_{K−1}) added, so F⁻¹ maps (0, 1) onto [min, max]. Repeated knots are atoms (a
 *   zero-inflated column's zeros): a value on one is placed uniformly within its interval [q_first, q_last]
 *   of probability, so the encoded column is N(0, 1) without a spike, and F⁻¹ sends that interval back to
 *   the atom exactly.</li>
 *   <li><b>steps</b> (integer columns with at most {@value ColumnProfile#MAX_LEVELS} values): the values
 *   v_0 < … < v_{L−1} with their counts; value v_k owns [C_{k−1}, C_k] of probability (C the cumulative
 *   share) and is placed uniformly inside it. This is the limit of "jitter each integer by U(−½, ½) and take
 *   the CDF of the jittered values": the same encoded distribution, with F⁻¹ returning the data's integers
 *   exactly and in their exact proportions, so no rounding is needed.</li>
 * </ul>
 * Both are a list of points (P_i, V_i), both coordinates non-decreasing, P from 0 to 1: a flat piece
 * (V equal) is an atom, a vertical one (P equal) a gap between values. The justification is the PyTorch
 * peer's: the score of N(0, 1) is linear, and every marginal, skewed, multi-modal or with atoms, is
 * mapped onto it exactly, which leaves the network only the dependence between columns to learn.
 */
final class QuantileMarginal implements Marginal {
    /**
     * A probability within this of a knot's decodes to the knot itself: Φ(Φ⁻¹(q)) returns q only to a few
     * 1e-16 ({@code ProbitTest}), which, times a knot gap as wide as 1e308, would move a data value that is a
     * knot by 1e292. The snap gives each knot an atom of mass 2e-12, far below any data's resolution
     * (q_k are at least 1/(2·1024) apart), and makes decode(encode(x)) = x for every knot.
     */
    static final double SNAP = 1e-12;

    private final boolean steps;
    private final double[] values;
    private final long[] counts;
    private final double[] p;
    private final double[] v;

    private QuantileMarginal(boolean steps, double[] values, long[] counts) {
        this.steps = steps;
        this.values = values;
        this.counts = counts;
        if (steps) {
            int l = values.length;
            p = new double[2 * l];
            v = new double[2 * l];
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            long cum = 0;
            for (int k = 0; k < l; k++) {
                p[2 * k] = cum / (double) total;
                cum += counts[k];
                p[2 * k + 1] = cum / (double) total;
                v[2 * k] = values[k];
                v[2 * k + 1] = values[k];
            }
        } else {
            int k = values.length;
            p = new double[k + 2];
            v = new double[k + 2];
            v[0] = values[0];
            v[k + 1] = values[k - 1];
            p[k + 1] = 1.0;
            for (int i = 0; i < k; i++) {
                p[i + 1] = (i + 0.5) / k;
                v[i + 1] = values[i];
            }
        }
    }

    /** Knots form from validated knots (non-decreasing, finite, 1 to MAX_LEVELS of them). */
    static QuantileMarginal knots(double[] knots) {
        return new QuantileMarginal(false, knots.clone(), null);
    }

    /** Steps form from validated values (strictly increasing, finite) and their counts (each ≥ 1). */
    static QuantileMarginal steps(double[] values, long[] counts) {
        return new QuantileMarginal(true, values.clone(), counts.clone());
    }

    /**
     * Knots at the Hazen quantiles of {@code sorted} (ascending, n ≥ 1), the first and last pinned to the data's
     * min and max (so decoding reaches the whole range, and the schema's check that knots run from min to max
     * holds when the model is read back); all of them when n ≤ {@code maxKnots}.
     */
    static QuantileMarginal fitKnots(double[] sorted, int maxKnots) {
        int n = sorted.length;
        if (n <= maxKnots) {
            return new QuantileMarginal(false, sorted.clone(), null);
        }
        double[] knots = new double[maxKnots];
        for (int k = 0; k < maxKnots; k++) {
            double h = (k + 0.5) / maxKnots * n - 0.5;
            int lo = (int) Math.floor(h);
            double frac = h - lo;
            double a = sorted[Math.max(lo, 0)];
            double b = sorted[Math.min(lo + 1, n - 1)];
            knots[k] = frac == 0.0 || a == b ? a : Math.min(b, Math.max(a, a + frac * (b - a)));
        }
        knots[0] = sorted[0];
        knots[maxKnots - 1] = sorted[n - 1];
        return new QuantileMarginal(false, knots, null);
    }

    boolean isSteps() {
        return steps;
    }

    /** Knots (knots form) or distinct values (steps form); a copy. */
    double[] values() {
        return values.clone();
    }

    /** Counts of the steps form (a copy); null for knots. */
    long[] counts() {
        return counts == null ? null : counts.clone();
    }

    @Override
    public double encode(double x, double u) {
        int last = v.length - 1;
        int lo = lowerBound(x);
        int hi = lowerBound(Math.nextUp(x)) - 1;
        double prob;
        if (lo <= hi) {
            prob = p[lo] + u * (p[hi] - p[lo]);
        } else if (hi < 0) {
            prob = 0.0;
        } else if (lo > last) {
            prob = 1.0;
        } else {
            prob = p[hi] + (x - v[hi]) / (v[lo] - v[hi]) * (p[lo] - p[hi]);
        }
        return Normal.quantile(Math.min(1 - EPS, Math.max(EPS, prob)));
    }

    /** First index i with V_i ≥ x (V.length when none). */
    private int lowerBound(double x) {
        int lo = 0;
        int hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public double decode(double z) {
        double prob = Normal.cdf(z);
        int i = Arrays.binarySearch(p, prob);
        if (i >= 0) {
            while (i + 1 < p.length && p[i + 1] == prob) {
                i++;
            }
            return v[i];
        }
        int after = -i - 1;
        int before = after - 1;
        if (before < 0) {
            return v[0];
        }
        if (after >= p.length) {
            return v[v.length - 1];
        }
        if (prob - p[before] <= SNAP || p[after] - prob <= SNAP) {
            return prob - p[before] <= SNAP ? v[before] : v[after];
        }
        double t = (prob - p[before]) / (p[after] - p[before]);
        double x = v[before] + t * (v[after] - v[before]);
        return Double.isFinite(x) ? x : (1 - t) * v[before] + t * v[after];   // knots ±1e308 apart overflow the difference
    }

    @Override
    public double fill(double u) {
        return Normal.quantile(Math.min(1 - EPS, Math.max(EPS, u)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileMarginal q && steps == q.steps && Arrays.equals(values, q.values)
                && Arrays.equals(counts, q.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts) + (steps ? 1 : 0);
    }
}
